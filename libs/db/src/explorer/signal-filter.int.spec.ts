import type { DataSource } from 'typeorm';
import { EMPTY_STORY_FILTER, type SignalRange } from '@vertelpunt/domain';
import { seedPatternStory } from '@vertelpunt/test/support/patterns-fixtures';
import { openDataSource, seedTestOrganisation, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';
import { storyFilterWhere } from './story-filter-where';

/** "Van patroon naar verhaal" for signifier charts: a histogram bin or canvas cell narrows the story list. */
describe('signal ranges in the story filter, on real Postgres', () => {
  const config = testConfig('signal-filter');
  let ds: DataSource;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const ids: Record<string, string> = {};

  const matching = async (o: TestOrganisation, signals: SignalRange[]) => {
    const where = storyFilterWhere(o.organisation.id, { ...EMPTY_STORY_FILTER, signals });
    const rows: { id: string }[] = await ds.query(`SELECT s.id FROM story s WHERE ${where.sql}`, where.params);
    return rows.map((r) => r.id).sort();
  };
  const range = (questionId: string, from: number, to: number, y?: [number, number]): SignalRange => ({ questionId, from, to, yFrom: y?.[0] ?? null, yTo: y?.[1] ?? null });

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds, ['wijkcoach']);
    other = await seedTestOrganisation(ds, ['wijkcoach']);
    ids.low = await seedPatternStory(ds, org, { signifiers: { regie: 15, impact: { x: 25, y: 95 } } });
    ids.edge = await seedPatternStory(ds, org, { signifiers: { regie: 20, impact: { x: 30, y: 90 } } });
    ids.top = await seedPatternStory(ds, org, { signifiers: { regie: 100, impact: { x: 100, y: 100 } } });
    ids.none = await seedPatternStory(ds, org, {});
    await seedPatternStory(ds, other, { signifiers: { regie: 15 } });
  });
  afterAll(() => ds?.destroy());

  it('keeps stories whose dyad value lies in [from, to), with 100 in the last bin', async () => {
    expect(await matching(org, [range('regie', 10, 20)])).toEqual([ids.low]);
    expect(await matching(org, [range('regie', 20, 30)])).toEqual([ids.edge]);
    expect(await matching(org, [range('regie', 90, 100)])).toEqual([ids.top]);
  });

  it('keeps stories whose canvas point lies in the cell, and combines ranges with AND', async () => {
    expect(await matching(org, [range('impact', 20, 30, [90, 100])])).toEqual([ids.low]);
    expect(await matching(org, [range('impact', 30, 40, [90, 100])])).toEqual([ids.edge]);
    expect(await matching(org, [range('impact', 20, 30, [90, 100]), range('regie', 90, 100)])).toEqual([]);
  });

  it('never reaches another organisation', async () => {
    const theirs = await matching(other, [range('regie', 10, 20)]);
    expect(theirs).toHaveLength(1);
    expect(theirs.some((id) => Object.values(ids).includes(id))).toBe(false);
  });
});
