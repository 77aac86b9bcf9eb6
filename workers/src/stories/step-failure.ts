import { UnrecoverableError } from 'bullmq';

/** A failure that retrying will not fix (corrupt audio, no speech): the story goes to FAILED at once with this reason. */
export class StepFailure extends UnrecoverableError {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const STEP_LABELS: Record<string, string> = {
  received: 'ontvangen',
  transcribe: 'uitschrijven',
  redact: 'anonimiseren',
  analyse: 'analyseren',
};

/** The Dutch reason the UI shows for a step that failed after all its retries. */
export const failureReasonFor = (step: string, error: Error) =>
  error instanceof StepFailure
    ? error.reason
    : `Het ${STEP_LABELS[step] ?? step} lukte niet, ook niet na een paar pogingen. Alles wat verteld is, is bewaard; een beheerder kan het opnieuw proberen.`;
