import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { DEFAULT_JOB_OPTIONS, JOB_NAMES, jobIdOf, queueNameOf, type JobName, type JobPayloads } from './jobs';

/** Adds jobs; shared by the api (new stories) and the workers (next steps, recovery sweep). */
export class JobProducer {
  private readonly queues: Map<JobName, Queue>;

  /**
   * `onError` hears connection trouble (Redis restarting, a connection closed while it was still opening). Without a
   * listener a queue's 'error' event would throw and stop the whole process; adding a job still fails on its own,
   * and the story is already stored, so the recovery sweep queues it later.
   */
  constructor(connection: IORedis, prefix: string, onError: (error: Error) => void = () => undefined) {
    this.queues = new Map(
      JOB_NAMES.map((name) => {
        const queue = new Queue(queueNameOf(name), { connection, prefix });
        queue.on('error', onError);
        return [name, queue];
      }),
    );
  }

  /**
   * Adds the job unless the same step for the same story is already waiting or running. A finished or failed job
   * with that id is removed first: the story is back in this step (a retry, or its result was lost), and
   * processors are idempotent, so running the step again is what is wanted.
   */
  async enqueue<N extends JobName>(name: N, data: JobPayloads[N]): Promise<void> {
    const queue = this.queue(name);
    const jobId = jobIdOf(name, data);
    const existing = await queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed') return;
      await existing.remove().catch(() => undefined); // taken by a worker meanwhile: then it runs anyway
    }
    await queue.add(name, data, { ...DEFAULT_JOB_OPTIONS, jobId });
  }

  /** For work that cannot have a job yet (a story just stored): a plain add, still a no-op for a duplicate id. */
  async enqueueNew<N extends JobName>(name: N, data: JobPayloads[N]): Promise<void> {
    await this.queue(name).add(name, data, { ...DEFAULT_JOB_OPTIONS, jobId: jobIdOf(name, data) });
  }

  queue(name: JobName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Onbekende taak: ${name}`);
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => closeWhenSettled(q)));
  }
}

const SETTLE_MS = 2000;

/**
 * Closes a queue or worker after its connection has finished starting (or after 2 s when Redis is away). BullMQ
 * drops its listeners on close; a connection still starting then rejects into nothing and the process gets an
 * unhandled 'error' ("Connection is closed") — at shutdown, or in the next test file of the same test process.
 */
export const closeWhenSettled = async (closable: { waitUntilReady(): Promise<unknown>; close(): Promise<void> }): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    closable.waitUntilReady().catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, SETTLE_MS);
    }),
  ]);
  clearTimeout(timer);
  await closable.close();
};
