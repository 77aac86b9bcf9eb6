import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Config } from '@vertelpunt/config';
import { AuditRepository, DataSubjectRepository, RetentionRepository } from '@vertelpunt/db';
import { JobProducer, type RetentionJob } from '@vertelpunt/queue';
import { removeStoredFiles, type AudioStorage } from '@vertelpunt/storage';
import type { JobProcessor } from '../job-processor';
import { AUDIO_STORAGE, CONFIG, LOGGER } from '../tokens';

const SCHEDULER_ID = 'retention';
const FILE_BATCH = 1000;
/** The erasing request removes its own files right after its commit; the job takes what was left behind. */
const LEFT_BEHIND_MS = 60_000;

/**
 * The retention job (issue 8): removes recordings N days after transcription and stories after M years, in every
 * organisation, then the stored files still listed after an erasure (a failed removal is tried again here). Running
 * it twice removes nothing more; each organisation's run is audited with counts only.
 */
@Injectable()
export class RetentionProcessor implements JobProcessor<'privacy.retention'>, OnApplicationBootstrap {
  readonly name = 'privacy.retention' as const;

  constructor(
    private readonly retention: RetentionRepository,
    private readonly subjects: DataSubjectRepository,
    private readonly audit: AuditRepository,
    private readonly jobs: JobProducer,
    @Inject(AUDIO_STORAGE) private readonly storage: AudioStorage,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** One scheduler for all worker processes: upserting it again only updates its interval. */
  async onApplicationBootstrap() {
    await this.jobs
      .queue(this.name)
      .upsertJobScheduler(
        SCHEDULER_ID,
        { every: this.config.retention.everyMinutes * 60_000 },
        { name: this.name, data: { trigger: 'schedule' } satisfies RetentionJob, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      )
      .catch((err: unknown) => this.logger.warn({ err: String(err) }, 'could not schedule the retention job; next start tries again'));
  }

  async process(job: RetentionJob = { trigger: 'manual' }): Promise<void> {
    const policy = this.config.retention;
    const now = new Date();
    const organisationIds = job.organisationId ? [job.organisationId] : await this.retention.organisationIds();
    if (policy.audioDaysAfterTranscription || policy.storyYears) {
      for (const organisationId of organisationIds) {
        const run = await this.retention.apply(organisationId, policy, now, null);
        // This run's own files at once; leftovers of earlier erasures below.
        if (run.audioRemoved || run.stories?.stories) await this.removeFiles(organisationId, 0);
        await this.audit.record({
          organisationId,
          actorUserId: null,
          action: 'retention.run',
          subjectType: 'organisation',
          subjectId: organisationId,
          details: {
            audioDaysAfterTranscription: policy.audioDaysAfterTranscription,
            storyYears: policy.storyYears,
            audioFiles: run.audioRemoved + (run.stories?.audioFiles ?? 0),
            stories: run.stories?.stories ?? 0,
          },
        });
        if (run.audioRemoved || run.stories?.stories) this.logger.info({ organisationId, audio: run.audioRemoved, stories: run.stories?.stories ?? 0 }, 'retention removed');
      }
    }
    // A run for one organisation (by hand) takes all of its files; the scheduled run only what was left behind.
    await this.removeFiles(job.organisationId ?? null, job.organisationId ? 0 : LEFT_BEHIND_MS);
  }

  /** Removes listed files in batches; a failure stays listed (attempts + 1) for the next run. */
  private async removeFiles(organisationId: string | null, olderThanMs: number) {
    for (;;) {
      const files = await this.subjects.pendingFiles(FILE_BATCH, organisationId, olderThanMs);
      const { removed, failed } = await removeStoredFiles(this.storage, this.config.storage.uploadDir, files, {
        removed: (id) => this.subjects.fileRemoved(id),
        failed: (id, error) => this.subjects.fileRemovalFailed(id, error),
      });
      if (failed > 0) this.logger.warn({ failed }, 'stored files not removed; the next run tries again');
      if (files.length < FILE_BATCH || removed === 0) break;
    }
  }
}
