import { Injectable } from '@nestjs/common';
import { AnalysisRepository, StoryRepository } from '@vertelpunt/db';
import { redact } from '@vertelpunt/ml';
import { JobProducer, type JobPayloads } from '@vertelpunt/queue';
import type { JobProcessor } from '../job-processor';
import { failureReasonFor } from './step-failure';

const STEP = 'redact';

/** Names, phone numbers, BSN, addresses … become typed placeholders; the raw text stays, access-restricted. */
@Injectable()
export class RedactStoryProcessor implements JobProcessor<'story.redact'> {
  readonly name = 'story.redact' as const;

  constructor(
    private readonly stories: StoryRepository,
    private readonly analysis: AnalysisRepository,
    private readonly jobs: JobProducer,
  ) {}

  async process({ organisationId, storyId }: JobPayloads['story.redact']): Promise<void> {
    const story = await this.stories.findById(organisationId, storyId);
    if (!story || story.status !== 'TRANSCRIBED') return;
    await this.stories.startStep(organisationId, storyId, STEP);
    const keep = await this.analysis.wijkNames(organisationId);
    const hide = (text: string) => redact(text, { keep }).redacted;
    await this.analysis.saveRedaction(organisationId, storyId, {
      text: hide(story.transcript ?? story.text ?? ''),
      title: hide(story.title),
      segments: story.transcriptSegments?.map((s) => ({ ...s, text: hide(s.text) })) ?? null,
    });
    await this.stories.finishStep(organisationId, storyId, STEP);
    await this.jobs.enqueue('story.analyse', { organisationId, storyId });
  }

  async onFinalFailure({ organisationId, storyId }: JobPayloads['story.redact'], error: Error) {
    await this.analysis.markFailed(organisationId, storyId, STEP, failureReasonFor(STEP, error));
  }
}
