import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { StoryRepository, VertelpuntRepository, type StoryEntity, type StoryPage } from '@vertelpunt/db';
import { notFound, STORY_READER_ROLES } from '@vertelpunt/domain';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { maySeeRaw } from '../story-page/raw-access';
import { VertelForm } from '../vertelpunten/vertel-form.model';
import { VertelFormService } from '../vertelpunten/vertel-form.service';
import { AnswerInput, CreateStoryInput } from './create-story.input';
import { decodeCursor, encodeCursor } from './story-cursor';
import { StoryLoaders } from './story-loaders';
import { Answer, CreateStoryResult, Story, StoryConnection, StoryStep, UpdateStoryAnswersResult, Wijk } from './story.model';
import { AnswerRedaction } from './answer-redaction.service';
import { StoriesService } from './stories.service';

const MAX_PAGE = 100;

const toStory = (s: StoryEntity): Story => s as unknown as Story;
/**
 * A withdrawn story is its teller's alone: colleagues and admins no longer find it (Tafels and the explorer already
 * leave it out). Found by the security suite (issue 8): `story` and `stories` still served it to everyone.
 */
const visibleTo = (actor: { userId: string }, s: Pick<StoryEntity, 'status' | 'tellerUserId'>) =>
  s.status !== 'WITHDRAWN' || s.tellerUserId === actor.userId;
const clampPage = (first: number) => Math.min(Math.max(first, 1), MAX_PAGE);
const toConnection = (page: StoryPage): StoryConnection => {
  const edges = page.stories.map((s) => ({ cursor: encodeCursor(s), node: toStory(s) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
};

@Resolver(() => Story)
export class StoriesResolver {
  constructor(
    private readonly service: StoriesService,
    private readonly repository: StoryRepository,
    private readonly loaders: StoryLoaders,
    private readonly vertelpunten: VertelpuntRepository,
    private readonly forms: VertelFormService,
    private readonly redaction: AnswerRedaction,
  ) {}

  @Mutation(() => CreateStoryResult, { description: 'Logged in with vertelpuntId, or anonymous with vertelToken.' })
  async createStory(@Args('input') input: CreateStoryInput, @Context() ctx: RequestContext) {
    const outcome = input.vertelToken
      ? await this.service.createThroughLink(input.vertelToken, input)
      : await this.service.createAsUser(requireActor(ctx, 'wijkcoach', 'admin'), input);
    return 'story' in outcome ? { story: toStory(outcome.story) } : outcome;
  }

  @Mutation(() => UpdateStoryAnswersResult)
  async updateStoryAnswers(
    @Args('id', { type: () => ID }) id: string,
    @Args('answers', { type: () => [AnswerInput] }) answers: AnswerInput[],
    @Context() ctx: RequestContext,
  ) {
    const outcome = await this.service.updateAnswers(requireActor(ctx), id, answers);
    return 'story' in outcome ? { story: toStory(outcome.story) } : outcome;
  }

  @Mutation(() => Story)
  async withdrawStory(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    return toStory(await this.service.withdraw(requireActor(ctx), id));
  }

  @Query(() => StoryConnection, { description: 'The stories the caller told ("Mijn verhalen").' })
  async myStories(
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<StoryConnection> {
    const actor = requireActor(ctx);
    const page = await this.repository.pageByTeller(actor.organisationId, actor.userId, clampPage(first), after ? decodeCursor(after) : null);
    return toConnection(page);
  }

  @Query(() => StoryConnection)
  async stories(
    @Context() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<StoryConnection> {
    // Managers see aggregates only (issue 8); a teller's own stories stay under myStories.
    const actor = requireActor(ctx, ...STORY_READER_ROLES);
    const page = await this.repository.page(actor.organisationId, clampPage(first), after ? decodeCursor(after) : null);
    // The cursor still moves past hidden rows, so hasNextPage and endCursor stay right (a page may come back shorter).
    const connection = toConnection(page);
    return { ...connection, edges: connection.edges.filter((e) => visibleTo(actor, e.node as unknown as StoryEntity)) };
  }

  @Query(() => Story)
  async story(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext): Promise<Story> {
    const actor = requireActor(ctx, ...STORY_READER_ROLES);
    const story = await this.repository.findById(actor.organisationId, id);
    if (!story || !visibleTo(actor, story)) throw notFound('Verhaal');
    return toStory(story);
  }

  @ResolveField(() => Wijk, { nullable: true })
  wijk(@Parent() story: Story, @Context() ctx: RequestContext) {
    const actor = requireActor(ctx);
    return story.wijkId ? this.loaders.for(ctx, actor.organisationId).wijk.load(story.wijkId) : null;
  }

  @ResolveField(() => [Answer])
  async answers(@Parent() story: Story, @Context() ctx: RequestContext): Promise<Answer[]> {
    const actor = requireActor(ctx);
    const rows = await this.loaders.for(ctx, actor.organisationId).answers.load(story.id);
    // Free text as typed only for its teller and admins; colleagues get it anonymised.
    const raw = maySeeRaw(actor, story as Story & { tellerUserId: string | null });
    const texts = new Map<string, string>();
    for (const { questionId, value } of rows) {
      if (value.kind === 'text') texts.set(questionId, raw ? value.text : await this.redaction.hide(actor.organisationId, value.text));
    }
    return rows.map(({ questionId, value }) => {
      switch (value.kind) {
        case 'archetypes':
          return { questionId, kind: value.kind, archetypeIds: value.archetypeIds };
        case 'choice':
          return { questionId, kind: value.kind, optionIds: value.optionIds };
        case 'number':
          return { questionId, kind: value.kind, number: value.value };
        case 'point':
          return { questionId, kind: value.kind, x: value.x, y: value.y };
        case 'text':
          return { questionId, kind: value.kind, text: texts.get(questionId) ?? '' };
        case 'notApplicable':
          return { questionId, kind: value.kind };
      }
    });
  }

  @ResolveField(() => [StoryStep], { description: 'Processing steps with attempts and timings.' })
  steps(@Parent() story: Story, @Context() ctx: RequestContext) {
    const actor = requireActor(ctx);
    return this.repository.stepsFor(actor.organisationId, story.id);
  }

  /** A title can hold a name ("Gesprek met mevrouw Yilmaz"): only its teller and admins see it as told. */
  @ResolveField(() => String, { description: 'As told for its teller and admins; for everyone else the anonymised title.' })
  title(@Parent() story: Story & { redactedTitle?: string | null; tellerUserId: string | null }, @Context() ctx: RequestContext) {
    if (ctx.actor && maySeeRaw(ctx.actor, story)) return story.title;
    return story.redactedTitle ?? 'Verhaal (de titel wordt nog geanonimiseerd)';
  }

  @ResolveField(() => Boolean)
  hasAudio(@Parent() story: Story) {
    return story.audioKey !== null;
  }

  @ResolveField(() => VertelForm, { description: 'The exact questionnaire version the story was told with.' })
  async form(@Parent() story: Story) {
    const version = await this.vertelpunten.findVersion(story.organisationId, story.questionnaireVersionId);
    if (!version) throw notFound('Vragenlijst');
    return this.forms.formOf(version);
  }

  // `text` (raw, audited) is resolved with the other raw fields in story-page/raw-story.resolver.ts.
}
