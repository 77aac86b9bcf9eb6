import type { DataSource } from 'typeorm';
import { seedPatternStory } from '@vertelpunt/test/support/patterns-fixtures';
import { openDataSource, seedTestOrganisation, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';
import { AnswerEntity } from '../stories/answer.entity';
import { StoryRepository } from '../stories/story.repository';

describe('story_answer_number (read model of dyad and scale answers, kept by triggers on answer)', () => {
  let ds: DataSource;
  let org: TestOrganisation;

  /** The read model's rows for a story, as `question: value`. */
  const numbersOf = async (storyId: string) => {
    const rows: { question_id: string; value: number; organisation_id: string }[] = await ds.query(
      `SELECT question_id, value, organisation_id FROM story_answer_number WHERE story_id = $1 ORDER BY question_id`,
      [storyId],
    );
    for (const r of rows) expect(r.organisation_id).toBe(org.organisation.id);
    return Object.fromEntries(rows.map((r) => [r.question_id, r.value]));
  };
  /** What the answers' JSON says, the way the comparison read it before the read model existed. */
  const numbersInAnswers = async (storyId: string) => {
    const rows: { question_id: string; value: number }[] = await ds.query(
      `SELECT question_id, (value ->> 'value')::float8 AS value FROM answer WHERE story_id = $1 AND value ->> 'kind' = 'number' ORDER BY question_id`,
      [storyId],
    );
    return Object.fromEntries(rows.map((r) => [r.question_id, r.value]));
  };

  beforeAll(async () => {
    ds = await openDataSource(testConfig('story-answer-number'));
    org = await seedTestOrganisation(ds);
  });
  afterAll(() => ds?.destroy());

  it('holds the number of every dyad and scale answer when answers are inserted, and nothing for other kinds', async () => {
    const story = await seedPatternStory(ds, org, { signifiers: { regie: 35, ruimte: 12.5, tevredenheid: 8, impact: { x: 10, y: 90 } } });
    expect(await numbersOf(story)).toEqual({ regie: 35, ruimte: 12.5, tevredenheid: 8 });
    expect(await numbersOf(story)).toEqual(await numbersInAnswers(story));
  });

  it('follows a teller who changes answers (delete + insert) and a direct update of one answer', async () => {
    const story = await seedPatternStory(ds, org, { signifiers: { regie: 35, tevredenheid: 8 } });
    const given = await ds.getRepository(AnswerEntity).findBy({ organisationId: org.organisation.id, storyId: story });
    const kept = given.filter((a) => a.value.kind !== 'number').map((a) => ({ questionId: a.questionId, value: a.value }));
    await new StoryRepository(ds).replaceAnswers(org.organisation.id, story, [...kept, { questionId: 'regie', value: { kind: 'number', value: 80 } }]);
    expect(await numbersOf(story)).toEqual({ regie: 80 });

    await ds.query(`UPDATE answer SET value = '{"kind":"number","value":3}' WHERE story_id = $1 AND question_id = 'regie'`, [story]);
    expect(await numbersOf(story)).toEqual({ regie: 3 });
    // An answer that stops being a number leaves the read model.
    await ds.query(`UPDATE answer SET value = '{"kind":"point","x":1,"y":2}' WHERE story_id = $1 AND question_id = 'regie'`, [story]);
    expect(await numbersOf(story)).toEqual({});
    expect(await numbersInAnswers(story)).toEqual({});
  });

  it('updates many answers in one statement without mixing stories up', async () => {
    const first = await seedPatternStory(ds, org, { signifiers: { regie: 10, ruimte: 20 } });
    const second = await seedPatternStory(ds, org, { signifiers: { regie: 30 } });
    await ds.query(
      `UPDATE answer SET value = jsonb_build_object('kind', 'number', 'value', (value ->> 'value')::int + 1)
        WHERE story_id = ANY($1::uuid[]) AND value ->> 'kind' = 'number'`,
      [[first, second]],
    );
    expect([await numbersOf(first), await numbersOf(second)]).toEqual([{ regie: 11, ruimte: 21 }, { regie: 31 }]);
  });

  it('drops the numbers of deleted answers and deleted stories', async () => {
    const story = await seedPatternStory(ds, org, { signifiers: { regie: 50, ruimte: 60 } });
    await ds.query(`DELETE FROM answer WHERE story_id = $1 AND question_id = 'ruimte'`, [story]);
    expect(await numbersOf(story)).toEqual({ regie: 50 });
    await ds.query(`DELETE FROM story WHERE id = $1`, [story]);
    expect(await numbersOf(story)).toEqual({});
  });
});
