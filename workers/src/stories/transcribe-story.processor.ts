import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '@vertelpunt/config';
import type { Job } from 'bullmq';
import { AnalysisRepository, StoryRepository } from '@vertelpunt/db';
import { isAudioError, isTranscriptionError } from '@vertelpunt/ml';
import { JobProducer, type JobPayloads } from '@vertelpunt/queue';
import type { AudioStorage } from '@vertelpunt/storage';
import type { JobProcessor } from '../job-processor';
import { AUDIO_STORAGE, CONFIG } from '../tokens';
import { failureReasonFor, StepFailure } from './step-failure';
import { TranscriberProvider } from './transcriber.provider';

const STEP = 'transcribe';
const NO_WEIGHTS =
  'Spraakherkenning is op deze server nog niet geïnstalleerd. De opname is bewaard; een beheerder kan het opnieuw proberen als het model er is.';

/** Whisper (Dutch) over the recording, window by window, with segment timestamps for the player. */
@Injectable()
export class TranscribeStoryProcessor implements JobProcessor<'story.transcribe'> {
  readonly name = 'story.transcribe' as const;

  constructor(
    private readonly stories: StoryRepository,
    private readonly analysis: AnalysisRepository,
    private readonly jobs: JobProducer,
    private readonly transcriber: TranscriberProvider,
    @Inject(AUDIO_STORAGE) private readonly storage: AudioStorage,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async process({ organisationId, storyId }: JobPayloads['story.transcribe'], job: Job): Promise<void> {
    const story = await this.stories.findById(organisationId, storyId);
    if (!story || story.status !== 'RECEIVED' || !story.audioKey) return;
    await this.stories.startStep(organisationId, storyId, STEP);
    if (this.config.workers.faultDelayMs > 0) await sleep(this.config.workers.faultDelayMs);
    const local = await this.storage.localCopy(story.audioKey);
    try {
      const transcriber = await this.transcriber.get();
      const result = await transcriber.transcribeFile(local.path, (p) => {
        void job.updateProgress(Math.min(99, Math.round((p.endMs / Math.max(p.durationMs, 1)) * 100)));
      });
      await this.analysis.saveTranscript(organisationId, storyId, result.text, result.segments);
      await this.stories.finishStep(organisationId, storyId, STEP);
    } catch (error) {
      if (isTranscriptionError(error)) {
        throw new StepFailure(error.code === 'NO_SPEECH' ? 'Geen spraak gevonden in de opname. Je antwoorden zijn bewaard.' : NO_WEIGHTS);
      }
      if (isAudioError(error)) throw new StepFailure(`${error.message} Je antwoorden zijn bewaard.`);
      throw error;
    } finally {
      await local.release();
    }
    await this.jobs.enqueue('story.redact', { organisationId, storyId });
  }

  async onFinalFailure({ organisationId, storyId }: JobPayloads['story.transcribe'], error: Error) {
    await this.stories.finishStep(organisationId, storyId, STEP, error.message);
    await this.analysis.markFailed(organisationId, storyId, STEP, failureReasonFor(STEP, error));
  }
}
