import type { DataSource } from 'typeorm';
import { EMPTY_STORY_FILTER, EXPLORABLE_STATUSES, type StoryFilter } from '@vertelpunt/domain';
import { tagIdOf } from '@vertelpunt/test/support/explorer-fixtures';
import { openDataSource, seedTestOrganisation, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';
import { seedPatternStory, type PatternStorySpec } from '@vertelpunt/test/support/patterns-fixtures';
import { ChartCubeRepository, cubeCondition } from './chart-cube';
import { PatternsRepository } from './patterns.repository';

describe('chart cube (counts per wijk and month for "Vergelijk", kept in step with the facts)', () => {
  let ds: DataSource;
  let org: TestOrganisation;
  let other: TestOrganisation;
  let repo: PatternsRepository;
  const stories: string[] = [];
  const filter = (f: Partial<StoryFilter>): StoryFilter => ({ ...EMPTY_STORY_FILTER, ...f });

  /** Every pair of selections the cube can answer must give exactly what the facts of each story give. */
  const pairs = (): [string, StoryFilter, StoryFilter][] => {
    const [noord, zuid] = org.wijken.map((w) => w.id);
    return [
      ['two wijken', filter({ wijkIds: [noord] }), filter({ wijkIds: [zuid] })],
      ['everything against one wijk', EMPTY_STORY_FILTER, filter({ wijkIds: [noord] })],
      ['wijkcoach against inwoner', filter({ tellerKind: 'wijkcoach' }), filter({ tellerKind: 'inwoner' })],
      ['March against April–May', filter({ from: '2026-03-01', to: '2026-03-31' }), filter({ from: '2026-04-01', to: '2026-05-31' })],
      ['one vertelpunt in a wijk', filter({ vertelpuntIds: [org.vertelpunten.inwoner.id], wijkIds: [zuid] }), filter({ wijkIds: [noord, zuid] })],
    ];
  };
  /** The same stories, but a filter the cube cannot answer: every explorable status named explicitly. */
  const viaFacts = (f: StoryFilter): StoryFilter => ({ ...f, statuses: [...EXPLORABLE_STATUSES] });
  const expectCubeMatchesFacts = async () => {
    const id = org.organisation.id;
    for (const [name, a, b] of pairs()) {
      const fromCube = await repo.compareCounts(id, a, b);
      expect({ name, counts: fromCube }).toEqual({ name, counts: await repo.compareCounts(id, viaFacts(a), viaFacts(b)) });
      for (const by of ['wijk', 'month'] as const) {
        expect({ name, by, map: await repo.tagHeatmap(id, a, by) }).toEqual({ name, by, map: await repo.tagHeatmap(id, viaFacts(a), by) });
      }
      expect({ name, chart: await repo.archetypeDistribution(id, a) }).toEqual({ name, chart: await repo.archetypeDistribution(id, viaFacts(a)) });
      expect({ name, chart: await repo.dyadHistograms(id, a) }).toEqual({ name, chart: await repo.dyadHistograms(id, viaFacts(a)) });
      expect({ name, chart: await repo.canvasDensity(id, a) }).toEqual({ name, chart: await repo.canvasDensity(id, viaFacts(a)) });
    }
  };
  const cubeRows = async () =>
    Number((await ds.query(`SELECT count(*) AS n FROM chart_cube WHERE organisation_id = $1`, [org.organisation.id]))[0].n);

  beforeAll(async () => {
    ds = await openDataSource(testConfig('chart-cube'));
    [org, other] = [await seedTestOrganisation(ds), await seedTestOrganisation(ds)];
    repo = new PatternsRepository(ds);
    const at = (day: string) => new Date(`${day}T10:00:00Z`);
    const specs: PatternStorySpec[] = [
      { wijk: 0, tags: ['leefgebieden/financien'], archetypes: [0], toldAt: at('2026-03-10'), signifiers: { regie: 15, tevredenheid: 8, impact: { x: 5, y: 95 } } },
      { wijk: 0, tags: ['leefgebieden/financien', 'werkzame-elementen/continuiteit'], archetypes: [1], toldAt: at('2026-03-20'), signifiers: { regie: 100, impact: { x: 100, y: 0 } } },
      { wijk: 1, tags: ['leefgebieden/wonen'], archetypes: [0], toldAt: at('2026-05-02'), signifiers: { regie: 12, impact: { x: 9.99, y: 10 } } },
      { tellerKind: 'inwoner', wijk: 1, tags: ['leefgebieden/financien'], archetypes: [0], toldAt: at('2026-05-03'), signifiers: { gehoord: 50 } },
      { wijk: null, tags: ['leefgebieden/wonen'], archetypes: [1], toldAt: at('2026-04-30') },
      // Just before midnight on 31 March in Amsterdam (22:30 UTC, summer time): still March.
      { wijk: 1, archetypes: [0], toldAt: new Date('2026-03-31T21:30:00Z'), signifiers: { regie: 12 } },
    ];
    for (const spec of specs) stories.push(await seedPatternStory(ds, org, spec));
    // Another organisation in the same months: never in these counts.
    await seedPatternStory(ds, other, { wijk: 0, tags: ['leefgebieden/financien'], archetypes: [0], toldAt: at('2026-03-10') });
  });
  afterAll(() => ds?.destroy());

  it('answers only selections by wijk, vertelpunt, teller and whole months', () => {
    expect(cubeCondition(filter({ wijkIds: ['w'] }), {}, 2)).toEqual({ sql: 'true AND c.wijk_id = ANY($2::uuid[])', params: [['w']] });
    expect(cubeCondition(filter({ from: '2026-03-01', to: '2026-02-28' }), {}, 5)?.params).toEqual(['2026-03-01', '2026-02-28']);
    expect(cubeCondition(filter({ from: '2024-02-01', to: '2024-02-29' }), {}, 2)).not.toBeNull();
    for (const f of [
      filter({ from: '2026-03-02' }),
      filter({ to: '2026-03-30' }),
      filter({ to: '2025-02-29' }),
      filter({ tagIds: ['t'] }),
      filter({ archetypeIds: ['a'] }),
      filter({ q: 'schulden' }),
      filter({ statuses: ['READY'] }),
      filter({ length: { unit: 'words', min: 10, max: null } }),
    ]) {
      expect(cubeCondition(f, {}, 2)).toBeNull();
    }
    expect(cubeCondition(EMPTY_STORY_FILTER, { onlyIds: ['x'] }, 2)).toBeNull();
  });

  it('gives exactly the counts of the facts, for every kind of selection it answers', async () => {
    await expectCubeMatchesFacts();
    expect(await cubeRows()).toBeGreaterThan(0);
    const twoWijken = await repo.compareCounts(org.organisation.id, pairs()[0][1], pairs()[0][2]);
    expect([twoWijken.totalA, twoWijken.totalB]).toEqual([2, 3]);
  });

  it('follows tags, answers, moves between wijken and months, processing and deletion', async () => {
    const financien = await tagIdOf(ds, org.organisation.id, 'leefgebieden/financien');
    const changes: [string, () => Promise<unknown>][] = [
      ['a tag is added', () => ds.query(`INSERT INTO story_tag (organisation_id, story_id, tag_id, source, score, state) VALUES ($1, $2, $3, 'manual', 1, 'confirmed')`, [org.organisation.id, stories[2], financien])],
      ['a tag is rejected', () => ds.query(`UPDATE story_tag SET state = 'rejected' WHERE story_id = $1 AND tag_id = $2`, [stories[0], financien])],
      ['an answer changes', () => ds.query(`UPDATE answer SET value = '{"kind":"number","value":77}' WHERE story_id = $1 AND question_id = 'regie'`, [stories[1]])],
      ['a canvas point moves', () => ds.query(`UPDATE answer SET value = '{"kind":"point","x":50,"y":50}' WHERE story_id = $1 AND question_id = 'impact'`, [stories[2]])],
      ['a story moves to another wijk', () => ds.query(`UPDATE story SET wijk_id = $2 WHERE id = $1`, [stories[1], org.wijken[1].id])],
      ['a story moves to another month', () => ds.query(`UPDATE story SET told_at = '2026-05-15T10:00:00Z' WHERE id = $1`, [stories[0]])],
      ['a story goes back to processing', () => ds.query(`UPDATE story SET status = 'TRANSCRIBED' WHERE id = $1`, [stories[3]])],
      ['it is processed again', () => ds.query(`UPDATE story SET status = 'READY' WHERE id = $1`, [stories[3]])],
      ['a story is erased', () => ds.query(`DELETE FROM story WHERE id = $1`, [stories[4]])],
      ['a new story is told', async () => stories.push(await seedPatternStory(ds, org, { wijk: 0, archetypes: [1], toldAt: new Date('2026-03-05T10:00:00Z'), signifiers: { regie: 40 } }))],
    ];
    for (const [change, apply] of changes) {
      await apply();
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM chart_cube_dirty WHERE organisation_id = $1`, [org.organisation.id]);
      expect({ change, marked: n > 0 }).toEqual({ change, marked: true });
      await expectCubeMatchesFacts();
    }
  });

  it('is recounted in the background for every organisation with changes (the workers do this)', async () => {
    await ds.query(`UPDATE story SET told_at = told_at + interval '1 minute' WHERE id = $1`, [stories[0]]);
    const cube = new ChartCubeRepository(ds);
    expect(await cube.organisationsWithChanges()).toContain(org.organisation.id);
    for (const id of await cube.organisationsWithChanges()) await cube.refresh(id);
    expect(await cube.organisationsWithChanges()).not.toContain(org.organisation.id);
    await expectCubeMatchesFacts();
  });

  it('keeps a change that is committed while a chart recounts for the next chart', async () => {
    const [noord, zuid] = org.wijken.map((w) => w.id);
    const wonen = await tagIdOf(ds, org.organisation.id, 'leefgebieden/wonen');
    const writer = ds.createQueryRunner();
    await writer.connect();
    try {
      await writer.startTransaction();
      await writer.query(`INSERT INTO story_tag (organisation_id, story_id, tag_id, source, score, state) VALUES ($1, $2, $3, 'manual', 1, 'confirmed')`, [org.organisation.id, stories[1], wonen]);
      // Something else is marked and counted while the tag is not committed yet.
      await ds.query(`UPDATE story SET told_at = told_at + interval '1 minute' WHERE id = $1`, [stories[2]]);
      const before = await repo.compareCounts(org.organisation.id, filter({ wijkIds: [noord] }), filter({ wijkIds: [zuid] }));
      await writer.commitTransaction();
      const after = await repo.compareCounts(org.organisation.id, filter({ wijkIds: [noord] }), filter({ wijkIds: [zuid] }));
      const wonenIn = (c: typeof before) => c.counts.find((x) => x.key === wonen)?.countB ?? 0;
      expect(wonenIn(after)).toBe(wonenIn(before) + 1);
      await expectCubeMatchesFacts();
    } finally {
      await writer.release();
    }
  });
});
