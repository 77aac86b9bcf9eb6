import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { OrganisationRepository, StoryRepository, VertelpuntRepository, type QuestionnaireVersionEntity, type StoryEntity, type VertelpuntEntity } from '@vertelpunt/db';
import { canWithdraw, DomainError, notFound, validateAnswers, type FieldProblem } from '@vertelpunt/domain';
import { JobProducer } from '@vertelpunt/queue';
import { LOGGER } from '../common/logger.provider';
import type { Actor } from '../common/request-context';
import { VertelpuntenService } from '../vertelpunten/vertelpunten.service';
import { VersionCache } from './version-cache';
import { toGivenAnswers, type AnswerInput, type CreateStoryInput } from './create-story.input';

const ENQUEUE_TIMEOUT_MS = 2000;
const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('enqueue timeout')), ms).unref())]);

export type CreateStoryOutcome = { story: StoryEntity } | { problems: FieldProblem[] };

@Injectable()
export class StoriesService {
  constructor(
    private readonly stories: StoryRepository,
    private readonly vertelpunten: VertelpuntRepository,
    private readonly organisations: OrganisationRepository,
    private readonly jobs: JobProducer,
    private readonly links: VertelpuntenService,
    private readonly versions: VersionCache,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** A logged-in teller (wijkcoach or admin) at one of the organisation's vertelpunten. */
  async createAsUser(actor: Actor, input: CreateStoryInput): Promise<CreateStoryOutcome> {
    if (!input.vertelpuntId) throw new DomainError('BAD_USER_INPUT', 'Kies een vertelpunt.', [{ field: 'vertelpuntId', message: 'Kies een vertelpunt.' }]);
    const vertelpunt = await this.vertelpunten.findById(actor.organisationId, input.vertelpuntId);
    if (!vertelpunt) throw notFound('Vertelpunt');
    if (vertelpunt.audience === 'wijkcoach' && !actor.roles.some((r) => r === 'wijkcoach' || r === 'admin')) {
      throw new DomainError('FORBIDDEN', 'Alleen wijkcoaches vertellen bij dit vertelpunt.');
    }
    return this.create(vertelpunt, actor.userId, input);
  }

  /** An anonymous inwoner through a vertel-link: no account, no user id on the story. */
  async createThroughLink(token: string, input: CreateStoryInput): Promise<CreateStoryOutcome> {
    return this.create(await this.links.byLink(token), null, input);
  }

  /**
   * A new story in as few round trips as possible: the insert itself notices an id that is already taken. A retry of
   * a story that is already stored (its answer was lost on a bad connection) gets that story back, even when the
   * vertelpunt has closed since or the request would now be refused.
   */
  private async create(vertelpunt: VertelpuntEntity, tellerUserId: string | null, input: CreateStoryInput): Promise<CreateStoryOutcome> {
    let outcome: CreateStoryOutcome;
    try {
      outcome = await this.createNew(vertelpunt, tellerUserId, input);
    } catch (error) {
      const retry = await this.retryOf(vertelpunt, tellerUserId, input.id);
      if (retry) return { story: retry };
      throw error;
    }
    if ('problems' in outcome) {
      const retry = await this.retryOf(vertelpunt, tellerUserId, input.id);
      if (retry) return { story: retry };
    }
    return outcome;
  }

  private async createNew(vertelpunt: VertelpuntEntity, tellerUserId: string | null, input: CreateStoryInput): Promise<CreateStoryOutcome> {
    const organisationId = vertelpunt.organisationId;
    if (!vertelpunt.isOpen) throw new DomainError('BAD_USER_INPUT', 'Dit vertelpunt is gesloten; er kunnen geen verhalen meer bij.');
    const version = await this.versions.get(organisationId, input.questionnaireVersionId);
    if (!version || version.questionnaireId !== vertelpunt.questionnaireId) {
      throw new DomainError('BAD_USER_INPUT', 'Deze vragenlijst hoort niet bij dit vertelpunt.', [
        { field: 'questionnaireVersionId', message: 'Onbekende versie van de vragenlijst.' },
      ]);
    }

    const { given, problems } = await this.checkAnswers(organisationId, version, input.answers);
    if (input.mode === 'text' && !input.text?.trim()) problems.unshift({ field: 'text', message: 'Vertel je verhaal: typ het hier.' });
    if (!input.title.trim()) problems.unshift({ field: 'title', message: 'Geef je verhaal een titel.' });
    if (problems.length > 0) return { problems };

    const wijkAnswer = given.find((a) => version.questions.find((q) => q.id === a.questionId)?.type === 'wijk');
    const wijkId = wijkAnswer?.value.kind === 'choice' ? wijkAnswer.value.optionIds[0] : vertelpunt.wijkId;
    const toldAt = input.toldAt && input.toldAt <= new Date() ? input.toldAt : new Date();
    const created = await this.stories.createOnce(
      {
        id: input.id,
        organisationId,
        vertelpuntId: vertelpunt.id,
        questionnaireVersionId: version.id,
        tellerUserId,
        tellerKind: vertelpunt.audience,
        wijkId,
        mode: input.mode,
        title: input.title.trim(),
        text: input.text?.trim() ? input.text : null,
        audioKey: null,
        audioMimeType: null,
        audioBytes: null,
        audioSha256: null,
        audioDurationMs: null,
        transcript: null,
        transcriptSegments: null,
        redactedText: null,
        status: 'RECEIVED',
        failureReason: null,
        consent: { version: input.consentVersion, agreedAt: new Date().toISOString(), usage: input.consentUsage },
        toldAt,
      },
      given,
    );
    if (!created) {
      // Two taps at once: the other request stored it first. No story at all: its id was erased on request (AVG).
      const stored = await this.retryOf(vertelpunt, tellerUserId, input.id);
      if (!stored) throw new DomainError('CONFLICT', 'Dit verhaal is op verzoek gewist en wordt niet opnieuw bewaard.');
      return { story: stored };
    }
    // Audio stories move on when their recording has arrived (see the uploads module).
    if (input.mode === 'text') await this.enqueueReceived(organisationId, input.id, true);
    return { story: created };
  }

  /** A retry from the same device after a lost answer returns the stored story; an id used by anyone else is a clash. */
  private async retryOf(vertelpunt: VertelpuntEntity, tellerUserId: string | null, id: string): Promise<StoryEntity | null> {
    const owner = await this.stories.ownerOf(id);
    if (!owner) return null;
    if (owner.organisationId === vertelpunt.organisationId && owner.vertelpuntId === vertelpunt.id && owner.tellerUserId === tellerUserId) {
      return this.stories.findById(owner.organisationId, id);
    }
    throw new DomainError('CONFLICT', 'Dit verhaal-id is al gebruikt.');
  }

  /** The teller edits answers later, always against the version the story was told with. */
  async updateAnswers(actor: Actor, id: string, answers: AnswerInput[]): Promise<CreateStoryOutcome> {
    const story = await this.ownStory(actor, id);
    const version = await this.vertelpunten.findVersion(actor.organisationId, story.questionnaireVersionId);
    if (!version) throw notFound('Vragenlijst');
    const { given, problems } = await this.checkAnswers(actor.organisationId, version, answers);
    if (problems.length > 0) return { problems };
    await this.stories.replaceAnswers(actor.organisationId, id, given);
    return { story };
  }

  async withdraw(actor: Actor, id: string): Promise<StoryEntity> {
    const story = await this.ownStory(actor, id);
    if (!canWithdraw(story)) return story;
    await this.stories.withdraw(actor.organisationId, id);
    return (await this.stories.findById(actor.organisationId, id))!;
  }

  private async ownStory(actor: Actor, id: string) {
    const story = await this.stories.findById(actor.organisationId, id);
    if (!story) throw notFound('Verhaal');
    if (story.tellerUserId !== actor.userId) throw new DomainError('FORBIDDEN', 'Alleen wie het verhaal vertelde kan het aanpassen.');
    if (story.status === 'WITHDRAWN') throw new DomainError('BAD_USER_INPUT', 'Dit verhaal is ingetrokken.');
    return story;
  }

  private async checkAnswers(organisationId: string, version: QuestionnaireVersionEntity, answers: AnswerInput[]) {
    const { given, malformed } = toGivenAnswers(answers);
    const problems: FieldProblem[] = [
      ...malformed.map((q) => ({ field: `answers.${q}`, message: 'Geef precies één soort antwoord.' })),
      ...validateAnswers(version.questions, given, await this.versions.answerContext(organisationId, version)),
    ];
    return { given, problems };
  }

  async enqueueAfterAudio(organisationId: string, storyId: string) {
    await this.enqueueReceived(organisationId, storyId);
  }

  /** The story is stored before this; if Redis is away, the workers' recovery sweep enqueues it later. */
  private async enqueueReceived(organisationId: string, storyId: string, isNew = false) {
    try {
      const data = { organisationId, storyId };
      // A brand-new story cannot have a job yet: one round trip to Redis instead of three.
      await withTimeout(isNew ? this.jobs.enqueueNew('story.received', data) : this.jobs.enqueue('story.received', data), ENQUEUE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn({ err: error, storyId }, 'story stored, job not queued yet; the recovery sweep will pick it up');
    }
  }
}
