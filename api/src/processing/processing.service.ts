import { Injectable } from '@nestjs/common';
import { AuditRepository, StoryRepository, TagRepository } from '@vertelpunt/db';
import { DomainError, notFound, type StoryStatus } from '@vertelpunt/domain';
import { JOB_NAMES, JobProducer, STEP_FOR_STATUS } from '@vertelpunt/queue';
import type { Actor } from '../common/request-context';
import { TagDecision } from './story-tag.model';

/** Where each failed step starts again. */
const RETRY_FROM: Record<string, keyof typeof STEP_FOR_STATUS> = {
  received: 'RECEIVED',
  transcribe: 'RECEIVED',
  redact: 'TRANSCRIBED',
  analyse: 'REDACTED',
};

@Injectable()
export class ProcessingService {
  constructor(
    private readonly stories: StoryRepository,
    private readonly tags: TagRepository,
    private readonly audit: AuditRepository,
    private readonly jobs: JobProducer,
  ) {}

  /** For admins: how full the queues are and which stories of theirs failed, with the reason. */
  async overview(actor: Actor) {
    const queues = await Promise.all(
      JOB_NAMES.map(async (name) => {
        const c = await this.jobs.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        return { name, waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, completed: c.completed ?? 0 };
      }),
    );
    return { queues, failedStories: await this.stories.failed(actor.organisationId, 100) };
  }

  async retry(actor: Actor, storyId: string) {
    const story = await this.stories.findById(actor.organisationId, storyId);
    if (!story) throw notFound('Verhaal');
    if (story.status !== 'FAILED') throw new DomainError('BAD_USER_INPUT', 'Alleen een mislukt verhaal kan opnieuw verwerkt worden.');
    const status: StoryStatus = RETRY_FROM[story.failedStep ?? 'received'] ?? 'RECEIVED';
    if (status === 'RECEIVED' && story.mode === 'audio' && !story.audioKey) {
      throw new DomainError('BAD_USER_INPUT', 'Er is nog geen bruikbare opname; de verteller kan een nieuwe sturen.');
    }
    await this.stories.resetForRetry(actor.organisationId, storyId, status);
    await this.jobs.enqueue(STEP_FOR_STATUS[status as keyof typeof STEP_FOR_STATUS], { organisationId: actor.organisationId, storyId });
    await this.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'story.retry', subjectType: 'story', subjectId: storyId });
    return (await this.stories.findById(actor.organisationId, storyId))!;
  }

  /** Confirm, reject or add a tag; the taggers learn from it (retrained at most once a minute). */
  async decide(actor: Actor, storyId: string, tagId: string, decision: `${TagDecision}` | 'ADD') {
    const story = await this.stories.findById(actor.organisationId, storyId);
    if (!story) throw notFound('Verhaal');
    const tag = await this.tags.findTag(actor.organisationId, tagId);
    if (!tag) throw notFound('Label');
    await this.tags.decide(actor.organisationId, storyId, tagId, decision === 'REJECT' ? 'rejected' : 'confirmed', actor.userId);
    await this.audit.record({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: `story.tag.${decision.toLowerCase()}`,
      subjectType: 'story',
      subjectId: storyId,
      details: { tagId },
    });
    await this.jobs.enqueue('taxonomy.retrain', { organisationId: actor.organisationId, taxonomyId: tag.taxonomyId }).catch(() => undefined);
    return story;
  }
}
