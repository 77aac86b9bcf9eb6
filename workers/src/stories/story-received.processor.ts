import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '@vertelpunt/config';
import { AnalysisRepository, StoryRepository } from '@vertelpunt/db';
import { nextAfterReceived } from '@vertelpunt/domain';
import { JobProducer, type JobPayloads } from '@vertelpunt/queue';
import type { JobProcessor } from '../job-processor';
import { CONFIG } from '../tokens';
import { failureReasonFor } from './step-failure';

const STEP = 'received';

/** First step: a typed story needs no transcription; a recording goes to the transcriber. Records timings. */
@Injectable()
export class StoryReceivedProcessor implements JobProcessor<'story.received'> {
  readonly name = 'story.received' as const;

  constructor(
    private readonly stories: StoryRepository,
    private readonly analysis: AnalysisRepository,
    private readonly jobs: JobProducer,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async process({ organisationId, storyId }: JobPayloads['story.received']): Promise<void> {
    const story = await this.stories.findById(organisationId, storyId);
    if (!story || story.status !== 'RECEIVED') return; // done before, withdrawn or erased: nothing to do
    if (story.mode === 'audio') {
      if (story.audioKey) await this.jobs.enqueue('story.transcribe', { organisationId, storyId });
      return;
    }
    const next = nextAfterReceived(story);
    if (!next) return;
    await this.stories.startStep(organisationId, storyId, STEP);
    if (this.config.workers.faultDelayMs > 0) await sleep(this.config.workers.faultDelayMs);
    if (await this.stories.transition(organisationId, storyId, 'RECEIVED', next)) {
      await this.stories.finishStep(organisationId, storyId, STEP);
    }
    await this.jobs.enqueue('story.redact', { organisationId, storyId });
  }

  async onFinalFailure({ organisationId, storyId }: JobPayloads['story.received'], error: Error) {
    await this.analysis.markFailed(organisationId, storyId, STEP, failureReasonFor(STEP, error));
  }
}
