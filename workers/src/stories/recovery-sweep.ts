import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Config } from '@vertelpunt/config';
import { StoryRecoveryRepository } from '@vertelpunt/db';
import { JobProducer, STEP_FOR_STATUS } from '@vertelpunt/queue';
import { CONFIG, LOGGER } from '../tokens';

const BATCH = 500;
const STATUSES = Object.keys(STEP_FOR_STATUS) as (keyof typeof STEP_FOR_STATUS)[];

/**
 * Never lose a story: a story stored while Redis was away (or whose job Redis lost) waits in its status.
 * This re-queues the step it waits for; job ids are per story, so a job that still exists is not added twice.
 */
@Injectable()
export class RecoverySweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly recovery: StoryRecoveryRepository,
    private readonly jobs: JobProducer,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    const every = this.config.workers.recoverySweepMs;
    this.timer = setInterval(() => void this.sweep(every), every);
    this.timer.unref();
    void this.sweep(0);
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(olderThanMs: number): Promise<number> {
    let queued = 0;
    try {
      for (const status of STATUSES) {
        const waiting = await this.recovery.waiting(status, olderThanMs, BATCH);
        for (const s of waiting) await this.jobs.enqueue(STEP_FOR_STATUS[status], { organisationId: s.organisationId, storyId: s.id });
        queued += waiting.length;
      }
      if (queued > 0) this.logger.info({ count: queued }, 'recovery sweep queued waiting stories');
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'recovery sweep failed; next round retries');
    }
    return queued;
  }
}
