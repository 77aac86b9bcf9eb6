/** Every job the workers run, with its payload. Payloads carry ids, never story text. */
export type StoryJob = { organisationId: string; storyId: string };

export type JobPayloads = {
  'story.received': StoryJob;
  'story.transcribe': StoryJob;
  'story.redact': StoryJob;
  'story.analyse': StoryJob;
  'taxonomy.retrain': { organisationId: string; taxonomyId: string };
  /** `version` is the Tafel's print version when asked; a newer request makes an older job's result void. */
  'tafel.printpack': TafelPrintJob;
  /** Retention (issue 8): repeatable, every organisation, idempotent. */
  'privacy.retention': RetentionJob;
};

/** `schedule`: the repeatable job, every organisation; `manual`: run now, for one organisation when named. */
export type RetentionJob = { trigger: 'schedule' | 'manual'; organisationId?: string };

export type TafelPrintJob = { organisationId: string; tafelId: string; version: number };

export type JobName = keyof JobPayloads;
export const JOB_NAMES: JobName[] = ['story.received', 'story.transcribe', 'story.redact', 'story.analyse', 'taxonomy.retrain', 'tafel.printpack', 'privacy.retention'];

/** The pipeline step that a story in a status waits for: used by the recovery sweep and by an admin's retry. */
export const STEP_FOR_STATUS = {
  RECEIVED: 'story.received',
  TRANSCRIBED: 'story.redact',
  REDACTED: 'story.analyse',
} as const;

/** One queue per job name, so concurrency and retries can be set per step. BullMQ forbids ':' in names. */
export const queueNameOf = (job: JobName) => job.replace(/\./g, '-');

const RETRAIN_DEBOUNCE_MS = 60_000;

/**
 * A job id per story and step: adding it again while it exists is a no-op in BullMQ, so duplicates are harmless.
 * Retraining is debounced: at most one per taxonomy per minute.
 */
export const jobIdOf = <N extends JobName>(name: N, data: JobPayloads[N]) =>
  'storyId' in data
    ? `${queueNameOf(name)}-${data.storyId}`
    : 'tafelId' in data
      ? `${queueNameOf(name)}-${data.tafelId}-${data.version}`
      : 'trigger' in data
        ? `${queueNameOf(name)}-${data.trigger}-${Date.now()}`
        : `${queueNameOf(name)}-${data.taxonomyId}-${Math.floor(Date.now() / RETRAIN_DEBOUNCE_MS)}`;

export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
