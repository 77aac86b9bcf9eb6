import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from '@vertelpunt/queue';

/** A processor re-reads the story and returns early when its work is done, so retries and duplicates are harmless. */
export type JobProcessor<N extends JobName = JobName> = {
  readonly name: N;
  process(data: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<void>;
  /** Called once when the job will not be tried again; leaves the story FAILED with a Dutch reason. */
  onFinalFailure?(data: JobPayloads[N], error: Error): Promise<void>;
};

export const JOB_PROCESSORS = Symbol('JOB_PROCESSORS');
