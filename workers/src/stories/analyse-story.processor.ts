import { Injectable } from '@nestjs/common';
import { AnalysisRepository, StoryRepository } from '@vertelpunt/db';
import type { JobPayloads } from '@vertelpunt/queue';
import type { JobProcessor } from '../job-processor';
import { failureReasonFor } from './step-failure';
import { StoryVectors } from './story-vectors';
import { TaggersService } from './taggers.service';

const STEP = 'analyse';

/** Suggested tags with the words that explain them, and the vector for "verhalen zoals dit"; then READY. */
@Injectable()
export class AnalyseStoryProcessor implements JobProcessor<'story.analyse'> {
  readonly name = 'story.analyse' as const;

  constructor(
    private readonly stories: StoryRepository,
    private readonly analysis: AnalysisRepository,
    private readonly taggers: TaggersService,
    private readonly vectors: StoryVectors,
  ) {}

  async process({ organisationId, storyId }: JobPayloads['story.analyse']): Promise<void> {
    const story = await this.stories.findById(organisationId, storyId);
    if (!story || story.status !== 'REDACTED') return;
    await this.stories.startStep(organisationId, storyId, STEP);
    const text = `${story.redactedTitle ?? ''}. ${story.redactedText ?? ''}`;
    const suggested = await this.taggers.suggest(organisationId, text);
    await this.analysis.saveAnalysis(
      organisationId,
      storyId,
      suggested.map((s) => ({ tagId: s.tagId, score: s.score, why: s.why })),
      this.vectors.vectorize(text),
    );
    await this.stories.finishStep(organisationId, storyId, STEP);
  }

  async onFinalFailure({ organisationId, storyId }: JobPayloads['story.analyse'], error: Error) {
    await this.analysis.markFailed(organisationId, storyId, STEP, failureReasonFor(STEP, error));
  }
}
