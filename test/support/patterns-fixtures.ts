import type { DataSource } from 'typeorm';
import { AnswerEntity, StoryRepository } from '@vertelpunt/db';
import type { AnswerValue } from '@vertelpunt/domain';
import { seedProcessedStory, type ProcessedStorySpec } from './explorer-fixtures';
import type { TestOrganisation } from './harness';

export type PatternStorySpec = Omit<ProcessedStorySpec, 'redacted'> & {
  redacted?: ProcessedStorySpec['redacted'];
  /** Dyad and scale answers by question id (a number), canvas answers as a point. */
  signifiers?: Record<string, number | { x: number; y: number }>;
};

let counter = 0;

/**
 * A processed story (see `seedProcessedStory`) that also answered signifier questions; the answers are saved the
 * way a teller's corrections are (`StoryRepository.replaceAnswers`).
 */
export const seedPatternStory = async (ds: DataSource, org: TestOrganisation, spec: PatternStorySpec): Promise<string> => {
  counter += 1;
  const redacted = spec.redacted ?? { title: `Verhaal ${counter}`, text: `Een verhaal over hulp in de wijk, nummer ${counter}.` };
  const id = await seedProcessedStory(ds, org, { ...spec, redacted });
  if (spec.signifiers) {
    const organisationId = org.organisation.id;
    const given = await ds.getRepository(AnswerEntity).findBy({ organisationId, storyId: id });
    const signifiers = Object.entries(spec.signifiers).map(([questionId, v]) => ({
      questionId,
      value: (typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'point', x: v.x, y: v.y }) satisfies AnswerValue,
    }));
    await new StoryRepository(ds).replaceAnswers(organisationId, id, [...given.map((a) => ({ questionId: a.questionId, value: a.value })), ...signifiers]);
  }
  return id;
};
