import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditRepository, QuestionnaireRepository, VertelpuntRepository, type QuestionnaireEntity } from '@vertelpunt/db';
import { notFound, validateQuestions, type FieldProblem } from '@vertelpunt/domain';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { VertelForm } from '../vertelpunten/vertel-form.model';
import { VertelFormService } from '../vertelpunten/vertel-form.service';
import { toQuestion } from './question-input';
import { PublishQuestionnaireResult, Questionnaire, QuestionnaireVersionInput, QuestionnaireVersionSummary } from './questionnaire.model';

@Resolver(() => Questionnaire)
export class QuestionnairesResolver {
  constructor(
    private readonly repository: QuestionnaireRepository,
    private readonly vertelpunten: VertelpuntRepository,
    private readonly forms: VertelFormService,
    private readonly audit: AuditRepository,
  ) {}

  @Query(() => [Questionnaire])
  questionnaires(@Context() ctx: RequestContext) {
    return this.repository.list(requireActor(ctx, 'admin').organisationId);
  }

  @Mutation(() => PublishQuestionnaireResult, { description: 'Always adds a new version; stories keep the version they were told with.' })
  async publishQuestionnaireVersion(
    @Args('questionnaireId', { type: () => ID }) questionnaireId: string,
    @Args('input') input: QuestionnaireVersionInput,
    @Context() ctx: RequestContext,
  ) {
    const actor = requireActor(ctx, 'admin');
    const questionnaire = await this.repository.findById(actor.organisationId, questionnaireId);
    if (!questionnaire) throw notFound('Vragenlijst');
    const questions = input.questions.map(toQuestion);
    const setIds = questions.flatMap((q) => (q.type === 'archetype' ? [q.archetypeSetId] : []));
    const knownSets = await this.vertelpunten.archetypeIdsBySet(actor.organisationId, setIds);
    const problems: FieldProblem[] = [
      ...validateQuestions(questions),
      ...questions.flatMap((q, i) =>
        q.type === 'archetype' && (knownSets.get(q.archetypeSetId)?.size ?? 0) === 0
          ? [{ field: `questions.${i}.archetypeSetId`, message: 'Kies een bestaande set archetypen.' }]
          : [],
      ),
    ];
    if (!input.storyPrompt.trim()) problems.push({ field: 'storyPrompt', message: 'Schrijf een vertelvraag.' });
    if (problems.length > 0) return { problems };
    const version = await this.repository.publish(actor.organisationId, questionnaire.id, {
      intro: input.intro.trim(),
      storyPrompt: input.storyPrompt.trim(),
      titlePrompt: input.titlePrompt.trim(),
      questions,
    });
    // Configuration changes are audited (issue 8).
    await this.audit.record({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'questionnaire.published',
      subjectType: 'questionnaire',
      subjectId: questionnaire.id,
      details: { version: version.version, questions: questions.length },
    });
    return { version };
  }

  @ResolveField(() => [QuestionnaireVersionSummary])
  versions(@Parent() q: QuestionnaireEntity) {
    return this.repository.versions(q.organisationId, q.id);
  }

  @ResolveField(() => VertelForm)
  async current(@Parent() q: QuestionnaireEntity) {
    const version = await this.vertelpunten.currentVersion(q.organisationId, q.id);
    if (!version) throw notFound('Vragenlijst');
    return this.forms.formOf(version);
  }
}
