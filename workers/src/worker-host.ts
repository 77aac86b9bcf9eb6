import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '@vertelpunt/config';
import { closeWhenSettled, JOB_NAMES, queueNameOf, type JobName } from '@vertelpunt/queue';
import { JOB_PROCESSORS, type JobProcessor } from './job-processor';
import { CONFIG, LOGGER, REDIS } from './tokens';

/** Throws at start-up when a job name has no processor, or two processors claim one. */
export const processorsByName = (processors: JobProcessor[]): Map<JobName, JobProcessor> => {
  const byName = new Map<JobName, JobProcessor>();
  for (const p of processors) {
    if (byName.has(p.name)) throw new Error(`Twee verwerkers voor taak ${p.name}`);
    byName.set(p.name, p);
  }
  const missing = JOB_NAMES.filter((n) => !byName.has(n));
  if (missing.length > 0) throw new Error(`Geen verwerker voor taak: ${missing.join(', ')}`);
  return byName;
};

/** One BullMQ worker per queue. A killed process leaves its job locked; after `lockMs` another worker takes it over. */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(JOB_PROCESSORS) private readonly processors: JobProcessor[],
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    for (const [name, processor] of processorsByName(this.processors)) {
      const worker = new Worker(
        queueNameOf(name),
        async (job) => {
          const started = Date.now();
          await processor.process(job.data, job);
          this.logger.debug({ job: name, jobId: job.id, attempt: job.attemptsMade + 1, ms: Date.now() - started }, 'job done');
        },
        {
          connection: this.redis,
          prefix: this.config.redis.keyPrefix,
          concurrency: name === 'story.transcribe' ? this.config.workers.transcribeConcurrency : this.config.workers.concurrency,
          lockDuration: this.config.workers.lockMs,
          stalledInterval: this.config.workers.lockMs,
          maxStalledCount: 3,
        },
      );
      worker.on('failed', (job, error) => {
        this.logger.warn({ job: name, jobId: job?.id, attempt: job?.attemptsMade, err: error.message }, 'job failed');
        const final = error instanceof UnrecoverableError || (job && job.attemptsMade >= (job.opts.attempts ?? 1));
        if (job && final && processor.onFinalFailure) {
          processor.onFinalFailure(job.data, error).catch((e: unknown) => this.logger.error({ job: name, err: String(e) }, 'could not record failure'));
        }
      });
      worker.on('error', (error) => this.logger.error({ job: name, err: error.message }, 'worker error'));
      this.workers.push(worker);
    }
    this.logger.info({ queues: this.workers.map((w) => w.name) }, 'workers ready');
  }

  async onApplicationShutdown() {
    // close() waits for running jobs, so a SIGTERM never leaves a job half done.
    await Promise.all(this.workers.map((w) => closeWhenSettled(w)));
  }
}
