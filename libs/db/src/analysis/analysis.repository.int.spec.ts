import type { DataSource } from 'typeorm';
import { seedProcessedStory } from '@vertelpunt/test/support/explorer-fixtures';
import { openDataSource, seedTestOrganisation, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';
import { AnalysisRepository, type VectorCursor } from './analysis.repository';

describe('AnalysisRepository.vectorsChangedAfter on real Postgres', () => {
  const config = testConfig('analysis-vectors');
  let ds: DataSource;
  let org: TestOrganisation;

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds, ['wijkcoach']);
  });
  afterAll(() => ds?.destroy());

  it('reads every vector exactly once in pages, also when a bulk load wrote them all in the same microsecond', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await seedProcessedStory(ds, org, { redacted: { title: `Verhaal ${i}`, text: 'tekst' }, vector: [i, 1, 0] }));
    // A bulk load: one statement, one timestamp for all.
    await ds.query(`UPDATE story_vector SET updated_at = '2026-11-23 12:00:00.123456+00' WHERE organisation_id = $1`, [org.organisation.id]);
    const analysis = new AnalysisRepository(ds);
    const seen: string[] = [];
    let cursor: VectorCursor | null = null;
    for (let page = 0; page < 10; page++) {
      const rows = await analysis.vectorsChangedAfter(org.organisation.id, cursor, 3);
      if (rows.length === 0) break;
      seen.push(...rows.map((r) => r.storyId));
      cursor = rows[rows.length - 1].cursor;
    }
    expect([...seen].sort()).toEqual([...ids].sort());
    // Read to the end: nothing comes back twice.
    expect(await analysis.vectorsChangedAfter(org.organisation.id, cursor, 3)).toEqual([]);
  });
});
