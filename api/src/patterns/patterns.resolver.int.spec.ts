import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { buildStoryInput, CREATE_STORY } from '@vertelpunt/test/support/builders';
import { tagIdOf } from '@vertelpunt/test/support/explorer-fixtures';
import { gql, login, openDataSource, seedTestOrganisation, startApi, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';
import { seedPatternStory } from '@vertelpunt/test/support/patterns-fixtures';

type Auth = { token: string; organisationId: string };

const OVER_TIME = `query($filter: StoryFilterInput, $unit: PeriodUnit!) { storiesOverTime(filter: $filter, unit: $unit) { unit total buckets { period wijkcoach inwoner } } }`;
const ARCHETYPES = `query($filter: StoryFilterInput) { archetypeDistribution(filter: $filter) { wijkcoachTotal inwonerTotal archetypes { id label setName wijkcoach inwoner } } }`;
const HEATMAP = `query($filter: StoryFilterInput, $by: HeatmapBy!) { tagHeatmap(filter: $filter, by: $by) { by total tags { id label taxonomyKey } columns { key label total } cells { tagId column count } } }`;
const DYADS = `query($filter: StoryFilterInput) { dyadHistograms(filter: $filter) { questionId prompt leftLabel rightLabel answered bins { bin count } } }`;
const CANVAS = `query($filter: StoryFilterInput) { canvasDensity(filter: $filter) { questionId prompt xLeftLabel yTopLabel answered cells { x y count } } }`;
const COMPARE = `query($a: StoryFilterInput!, $b: StoryFilterInput!) { compareSelections(a: $a, b: $b) {
  totalA totalB
  items { group groupLabel key label countA countB shareA shareB test { method statistic df p verdict explanation } }
  values { group key label lowLabel highLabel countA countB meanA meanB test { method p verdict explanation } }
} }`;

type Heatmap = { tagHeatmap: { by: string; total: number; tags: { id: string; label: string }[]; columns: { key: string; label: string; total: number }[]; cells: { tagId: string; column: string; count: number }[] } };
type Compare = {
  compareSelections: {
    totalA: number;
    totalB: number;
    items: { group: string; key: string; label: string; countA: number; countB: number; shareA: number | null; shareB: number | null; test: { method: string | null; df: number | null; p: number | null; verdict: string; explanation: string } }[];
    values: { key: string; label: string; countA: number; countB: number; meanA: number | null; meanB: number | null; test: { method: string | null; p: number | null; verdict: string; explanation: string } }[];
  };
};

describe('Patronen chart queries (real Postgres, several organisations)', () => {
  // Managers see counts from 10 stories on (issue 8); Wat telt keeps its own minimum.
  const config = testConfig('patterns-resolver', { MIN_GROUP_SIZE: '10', WAT_TELT_MIN_GROUP_SIZE: '3' });
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let a: TestOrganisation;
  let b: TestOrganisation;
  let c: TestOrganisation;
  const auth: Record<string, Auth> = {};
  const tags: Record<string, string> = {};
  const query = <T>(text: string, variables: Record<string, unknown>, as = auth.a) => gql<T>(api.url, text, variables, as);
  const cell = (map: Heatmap['tagHeatmap'], tagId: string, column: string) => map.cells.find((x) => x.tagId === tagId && x.column === column)?.count ?? 0;

  beforeAll(async () => {
    ds = await openDataSource(config);
    [a, b, c] = [await seedTestOrganisation(ds), await seedTestOrganisation(ds), await seedTestOrganisation(ds)];
    const inMarch = (day: number) => new Date(`2026-03-${String(day).padStart(2, '0')}T10:00:00Z`);
    await seedPatternStory(ds, a, { wijk: 0, tags: ['leefgebieden/financien'], archetypes: [0], toldAt: inMarch(10), signifiers: { regie: 15, impact: { x: 5, y: 95 }, tevredenheid: 8 } });
    await seedPatternStory(ds, a, {
      wijk: 0,
      tags: ['leefgebieden/financien', 'werkzame-elementen/continuiteit'],
      archetypes: [1],
      toldAt: inMarch(20),
      signifiers: { regie: 100, impact: { x: 95, y: 5 } },
    });
    await seedPatternStory(ds, a, { wijk: 1, tags: ['leefgebieden/wonen'], archetypes: [0], toldAt: new Date('2026-05-02T10:00:00Z'), signifiers: { regie: 12 } });
    await seedPatternStory(ds, a, { tellerKind: 'inwoner', wijk: 1, tags: ['leefgebieden/financien'], archetypes: [0], toldAt: new Date('2026-05-03T10:00:00Z'), signifiers: { gehoord: 50 } });
    // Another organisation's story in the same wijk names, tags and month: it must never be counted.
    await seedPatternStory(ds, b, { wijk: 0, tags: ['leefgebieden/financien'], archetypes: [0], toldAt: inMarch(12), signifiers: { regie: 15 } });
    // Organisation C: ten stories in Noord about money with the professional in charge, ten in Zuid about housing.
    for (let i = 0; i < 10; i++) {
      await seedPatternStory(ds, c, { wijk: 0, tags: ['leefgebieden/financien'], signifiers: { regie: 70 + i } });
      await seedPatternStory(ds, c, { wijk: 1, tags: i < 2 ? ['leefgebieden/wonen', 'leefgebieden/financien'] : ['leefgebieden/wonen'], signifiers: { regie: 10 + i } });
    }
    for (const path of ['leefgebieden/financien', 'leefgebieden/wonen', 'werkzame-elementen/continuiteit']) tags[path] = await tagIdOf(ds, a.organisation.id, path);
    tags.cFinancien = await tagIdOf(ds, c.organisation.id, 'leefgebieden/financien');
    tags.cWonen = await tagIdOf(ds, c.organisation.id, 'leefgebieden/wonen');
    api = await startApi(config);
    for (const [key, org] of [['a', a], ['b', b], ['c', c]] as const) {
      auth[key] = { token: await login(api.url, org.users.facilitator.email, org.users.facilitator.password), organisationId: org.organisation.id };
    }
    auth.coach = { token: await login(api.url, a.users.wijkcoach.email, a.users.wijkcoach.password), organisationId: a.organisation.id };
    auth.managerA = { token: await login(api.url, a.users.manager.email, a.users.manager.password), organisationId: a.organisation.id };
    auth.managerC = { token: await login(api.url, c.users.manager.email, c.users.manager.password), organisationId: c.organisation.id };
    // A story that is not processed yet (status RECEIVED, dyad 30): no chart may show it.
    const created = await gql<{ createStory: { __typename: string } }>(api.url, CREATE_STORY, { input: buildStoryInput(a) }, auth.coach);
    expect(created.data?.createStory.__typename).toBe('StoryCreated');
  });
  afterAll(async () => {
    await api?.app.close();
    await ds?.destroy();
  });

  it('is for wijkcoaches, facilitators, managers and admins; wijkcoaches get exact counts like facilitators', async () => {
    for (const text of [ARCHETYPES, DYADS, CANVAS]) expect((await gql(api.url, text, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const coach = await query<{ archetypeDistribution: { wijkcoachTotal: number; inwonerTotal: number; suppression: unknown } }>(
      `{ archetypeDistribution { wijkcoachTotal inwonerTotal suppression { minGroupSize } } }`,
      {},
      auth.coach,
    );
    expect(coach.data?.archetypeDistribution).toEqual({ wijkcoachTotal: 3, inwonerTotal: 1, suppression: null });
    expect((await query<Compare>(COMPARE, { a: {}, b: {} }, auth.coach)).data?.compareSelections.totalA).toBe(4);
  });

  describe('for managers (aggregates only): small-group suppression', () => {
    const REASON = 'Aantallen van minder dan 10 verhalen worden niet getoond (te weinig gegevens), zodat niemand herkenbaar is.';
    const SUPPRESSION = `suppression { minGroupSize reason }`;

    it('hides every count under 10 stories as null, with the reason, and keeps larger counts exact', async () => {
      const [noord, zuid] = c.wijken.map((w) => w.id);
      type Shown = { tagHeatmap: Heatmap['tagHeatmap'] & { suppression: { minGroupSize: number; reason: string } | null } };
      const heat = (await query<Shown>(HEATMAP.replace('cells { tagId column count } }', `cells { tagId column count } ${SUPPRESSION} }`), { by: 'WIJK' }, auth.managerC)).data!.tagHeatmap;
      expect(heat.suppression).toEqual({ minGroupSize: 10, reason: REASON });
      expect(heat.total).toBe(20);
      expect(heat.columns.map((col) => [col.key, col.total]).sort()).toEqual([[noord, 10], [zuid, 10]].sort());
      const count = (tagId: string, column: string) => heat.cells.find((x) => x.tagId === tagId && x.column === column)?.count;
      expect([count(tags.cFinancien, noord), count(tags.cWonen, zuid), count(tags.cFinancien, zuid)]).toEqual([10, 10, null]);
      // The facilitator of the same organisation sees the 2.
      const exact = (await query<Shown>(HEATMAP.replace('cells { tagId column count } }', `cells { tagId column count } ${SUPPRESSION} }`), { by: 'WIJK' }, auth.c)).data!.tagHeatmap;
      expect(exact.suppression).toBeNull();
      expect(cell(exact, tags.cFinancien, zuid)).toBe(2);

      // Organisation A has 4 stories: nothing in it reaches 10.
      type Time = { storiesOverTime: { total: number | null; buckets: { wijkcoach: number | null; inwoner: number | null }[]; suppression: unknown } };
      const time = (await query<Time>(OVER_TIME.replace('inwoner } }', `inwoner } ${SUPPRESSION} }`), { unit: 'MONTH' }, auth.managerA)).data!.storiesOverTime;
      expect(time.total).toBeNull();
      expect(time.buckets.flatMap((b) => [b.wijkcoach, b.inwoner])).toEqual([null, 0, 0, 0, null, null]);
      type Arche = { archetypeDistribution: { wijkcoachTotal: number | null; inwonerTotal: number | null; archetypes: { wijkcoach: number | null; inwoner: number | null }[] } };
      const arche = (await query<Arche>(ARCHETYPES, {}, auth.managerA)).data!.archetypeDistribution;
      expect([arche.wijkcoachTotal, arche.inwonerTotal]).toEqual([null, null]);
      expect(arche.archetypes.flatMap((x) => [x.wijkcoach, x.inwoner]).filter((n) => n !== null && n !== 0)).toEqual([]);
      type Dyads = { dyadHistograms: { questionId: string; answered: number | null; bins: { bin: number; count: number | null }[] }[] };
      const regie = (await query<Dyads>(DYADS, {}, auth.managerA)).data!.dyadHistograms.find((d) => d.questionId === 'regie')!;
      expect(regie.answered).toBeNull();
      expect(regie.bins.every((b) => b.count === null)).toBe(true);
      type Canvas = { canvasDensity: { answered: number | null; cells: { count: number | null }[] }[] };
      const canvas = (await query<Canvas>(CANVAS, {}, auth.managerA)).data!.canvasDensity;
      expect(canvas.flatMap((d) => d.cells.map((x) => x.count)).every((n) => n === null)).toBe(true);
      // Organisation C's dyad: ten answers in one bin and ten in another, all shown.
      const cRegie = (await query<Dyads>(DYADS, {}, auth.managerC)).data!.dyadHistograms.find((d) => d.questionId === 'regie')!;
      expect(cRegie.answered).toBe(20);
      expect(cRegie.bins).toEqual([{ bin: 1, count: 10 }, { bin: 7, count: 10 }]);
    });

    it('gives no verdict on a difference that rests on fewer than 10 stories', async () => {
      const [noord, zuid] = c.wijken.map((w) => w.id);
      const res = await query<Compare & { compareSelections: { suppression: { reason: string } | null } }>(
        COMPARE.replace(/\n\} \}$/, `\n  ${SUPPRESSION}\n} }`),
        { a: { wijkIds: [noord] }, b: { wijkIds: [zuid] } },
        auth.managerC,
      );
      expect(res.errors).toBeUndefined();
      const cmp = res.data!.compareSelections;
      expect(cmp.suppression?.reason).toBe(REASON);
      expect([cmp.totalA, cmp.totalB]).toEqual([10, 10]);
      // Facilitators see 10 against 2 with "waarschijnlijk geen toeval"; a manager sees that there is too little.
      const financien = cmp.items.find((i) => i.key === tags.cFinancien)!;
      expect(financien).toMatchObject({ countA: 10, countB: null, shareA: null, shareB: null });
      expect(financien.test).toMatchObject({ verdict: 'too-few', p: null, method: null, explanation: 'Te weinig gegevens: hier liggen minder dan 10 verhalen onder.' });
      const wonen = cmp.items.find((i) => i.key === tags.cWonen)!;
      expect(wonen).toMatchObject({ countA: 0, countB: 10, shareA: 0, shareB: 1 });
      expect(wonen.test.verdict).toBe('likely-real');
      const regie = cmp.values.find((v) => v.key.endsWith(':regie'))!;
      expect(regie).toMatchObject({ countA: 10, countB: 10, meanA: 74.5, meanB: 14.5 });
      // Organisation A: both wijken hold 2 stories, so every figure is hidden.
      const small = (await query<Compare>(COMPARE, { a: { wijkIds: [a.wijken[0].id] }, b: { wijkIds: [a.wijken[1].id] } }, auth.managerA)).data!.compareSelections;
      expect([small.totalA, small.totalB]).toEqual([null, null]);
      expect(small.items.every((i) => i.test.verdict === 'too-few' && i.shareA === null)).toBe(true);
      expect(small.values.every((v) => v.meanA === null && v.meanB === null && v.test.verdict === 'too-few')).toBe(true);
    });
  });

  it('counts processed stories per month and per week, with empty months in between', async () => {
    const res = await query<{ storiesOverTime: { total: number; buckets: { period: string; wijkcoach: number; inwoner: number }[] } }>(OVER_TIME, { unit: 'MONTH' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.storiesOverTime.total).toBe(4);
    expect(res.data?.storiesOverTime.buckets).toEqual([
      { period: '2026-03-01', wijkcoach: 2, inwoner: 0 },
      { period: '2026-04-01', wijkcoach: 0, inwoner: 0 },
      { period: '2026-05-01', wijkcoach: 1, inwoner: 1 },
    ]);
    const weeks = await query<{ storiesOverTime: { buckets: { period: string; wijkcoach: number }[] } }>(OVER_TIME, { unit: 'WEEK', filter: { to: '2026-03-31' } });
    // 10 March 2026 is a Tuesday, 20 March a Friday: the weeks of Monday 9 and Monday 16 March.
    expect(weeks.data?.storiesOverTime.buckets).toEqual([
      { period: '2026-03-09', wijkcoach: 1, inwoner: 0 },
      { period: '2026-03-16', wijkcoach: 1, inwoner: 0 },
    ]);
    const zuid = await query<{ storiesOverTime: { total: number } }>(OVER_TIME, { unit: 'MONTH', filter: { wijkIds: [a.wijken[1].id] } });
    expect(zuid.data?.storiesOverTime.total).toBe(2);
  });

  it('shows archetypes of wijkcoaches and inwoners side by side, also those nobody chose', async () => {
    const res = await query<{ archetypeDistribution: { wijkcoachTotal: number; inwonerTotal: number; archetypes: { id: string; wijkcoach: number; inwoner: number }[] } }>(ARCHETYPES, {});
    const dist = res.data!.archetypeDistribution;
    expect([dist.wijkcoachTotal, dist.inwonerTotal]).toEqual([3, 1]);
    const byId = new Map(dist.archetypes.map((x) => [x.id, x]));
    const [coach0, coach1] = a.archetypeIdsInSet(a.versions.wijkcoach.questions.find((q) => q.type === 'archetype')!.archetypeSetId);
    const [inwoner0] = a.archetypeIdsInSet(a.versions.inwoner.questions.find((q) => q.type === 'archetype')!.archetypeSetId);
    expect(byId.get(coach0)).toMatchObject({ wijkcoach: 2, inwoner: 0 });
    expect(byId.get(coach1)).toMatchObject({ wijkcoach: 1, inwoner: 0 });
    expect(byId.get(inwoner0)).toMatchObject({ wijkcoach: 0, inwoner: 1 });
    expect(dist.archetypes.filter((x) => x.wijkcoach + x.inwoner === 0).length).toBeGreaterThan(0);
    const inwoners = await query<{ archetypeDistribution: { wijkcoachTotal: number; inwonerTotal: number } }>(ARCHETYPES, { filter: { tellerKind: 'inwoner' } });
    expect(inwoners.data?.archetypeDistribution).toMatchObject({ wijkcoachTotal: 0, inwonerTotal: 1 });
  });

  it('maps tags per wijk and per month, for the own organisation only, narrowed by the filter', async () => {
    const [noord, zuid] = a.wijken.map((w) => w.id);
    const byWijk = (await query<Heatmap>(HEATMAP, { by: 'WIJK' })).data!.tagHeatmap;
    expect(byWijk.columns).toEqual([
      { key: noord, label: 'Noord', total: 2 },
      { key: zuid, label: 'Zuid', total: 2 },
    ]);
    expect(cell(byWijk, tags['leefgebieden/financien'], noord)).toBe(2);
    expect(cell(byWijk, tags['leefgebieden/financien'], zuid)).toBe(1);
    expect(cell(byWijk, tags['leefgebieden/wonen'], zuid)).toBe(1);
    expect(cell(byWijk, tags['werkzame-elementen/continuiteit'], noord)).toBe(1);
    expect(byWijk.tags.map((t) => t.id)).toContain(tags['leefgebieden/wonen']);
    const foreignTag = await tagIdOf(ds, b.organisation.id, 'leefgebieden/financien');
    expect(JSON.stringify(byWijk)).not.toContain(foreignTag);
    expect(JSON.stringify(byWijk)).not.toContain(b.wijken[0].id);

    const narrowed = (await query<Heatmap>(HEATMAP, { by: 'WIJK', filter: { tagIds: [tags['leefgebieden/financien']], tellerKind: 'wijkcoach' } })).data!.tagHeatmap;
    expect(narrowed.total).toBe(2);
    expect(narrowed.columns).toEqual([{ key: noord, label: 'Noord', total: 2 }]);

    const byMonth = (await query<Heatmap>(HEATMAP, { by: 'MONTH' })).data!.tagHeatmap;
    expect(byMonth.columns.map((col) => [col.key, col.total])).toEqual([
      ['2026-03-01', 2],
      ['2026-05-01', 2],
    ]);
    expect(cell(byMonth, tags['leefgebieden/financien'], '2026-03-01')).toBe(2);
    expect(cell(byMonth, tags['leefgebieden/financien'], '2026-05-01')).toBe(1);
  });

  it('bins dyad answers in ten bins per question, 100 in the last', async () => {
    const res = await query<{ dyadHistograms: { questionId: string; leftLabel: string; answered: number; bins: { bin: number; count: number }[] }[] }>(DYADS, {});
    expect(res.errors).toBeUndefined();
    const regie = res.data!.dyadHistograms.find((h) => h.questionId === 'regie')!;
    expect(regie.leftLabel).toBe('De inwoner');
    expect(regie.answered).toBe(3);
    expect(regie.bins).toEqual([
      { bin: 1, count: 2 },
      { bin: 9, count: 1 },
    ]);
    expect(res.data!.dyadHistograms.find((h) => h.questionId === 'gehoord')?.bins).toEqual([{ bin: 5, count: 1 }]);
    expect(res.data!.dyadHistograms.find((h) => h.questionId === 'ruimte')?.answered).toBe(0);
    const noord = await query<{ dyadHistograms: { questionId: string; answered: number }[] }>(DYADS, { filter: { wijkIds: [a.wijken[0].id] } });
    expect(noord.data!.dyadHistograms.find((h) => h.questionId === 'regie')?.answered).toBe(2);
  });

  it('grids canvas points, top-left and bottom-right', async () => {
    const res = await query<{ canvasDensity: { questionId: string; yTopLabel: string; answered: number; cells: { x: number; y: number; count: number }[] }[] }>(CANVAS, {});
    const impact = res.data!.canvasDensity.find((d) => d.questionId === 'impact')!;
    expect(impact.yTopLabel).toBe('Er veranderde veel');
    expect(impact.answered).toBe(2);
    expect(impact.cells).toEqual([
      { x: 0, y: 9, count: 1 },
      { x: 9, y: 0, count: 1 },
    ]);
    const from = await query<{ canvasDensity: { questionId: string; answered: number }[] }>(CANVAS, { filter: { from: '2026-03-15' } });
    expect(from.data!.canvasDensity.find((d) => d.questionId === 'impact')?.answered).toBe(1);
  });

  it('compares two wijken and says which differences are more than chance', async () => {
    const [noord, zuid] = c.wijken.map((w) => w.id);
    const res = await query<Compare>(COMPARE, { a: { wijkIds: [noord] }, b: { wijkIds: [zuid] } }, auth.c);
    expect(res.errors).toBeUndefined();
    const cmp = res.data!.compareSelections;
    expect([cmp.totalA, cmp.totalB]).toEqual([10, 10]);
    const financien = cmp.items.find((i) => i.key === tags.cFinancien)!;
    expect(financien).toMatchObject({ group: 'tag', countA: 10, countB: 2, shareA: 1, shareB: 0.2 });
    // [[10, 2], [0, 8]]: an expected count of 4 → Fisher's exact test, p = 0,0007.
    expect(financien.test.method).toBe('fisher-exact');
    expect(financien.test.p).toBeCloseTo(0.000714, 5);
    expect(financien.test.verdict).toBe('likely-real');
    expect(financien.test.explanation).toBe('Dit verschil is waarschijnlijk geen toeval (p < 0,001).');
    const regie = cmp.values.find((v) => v.key.endsWith(':regie'))!;
    expect(regie).toMatchObject({ countA: 10, countB: 10, meanA: 74.5, meanB: 14.5 });
    expect(regie.test.method).toBe('mann-whitney');
    expect(regie.test.verdict).toBe('likely-real');
    // Everyone chose the first option of the single/multi questions: no difference to find.
    const choice = cmp.items.find((i) => i.group === 'choice')!;
    expect(choice.countA + choice.countB).toBeGreaterThan(0);
  });

  it('counts a story in both selections on both sides (everything against one wijk)', async () => {
    const [, zuid] = c.wijken.map((w) => w.id);
    const res = await query<Compare>(COMPARE, { a: {}, b: { wijkIds: [zuid] } }, auth.c);
    expect(res.errors).toBeUndefined();
    const cmp = res.data!.compareSelections;
    expect([cmp.totalA, cmp.totalB]).toEqual([20, 10]);
    expect(cmp.items.find((i) => i.key === tags.cFinancien)).toMatchObject({ countA: 12, countB: 2 });
    expect(cmp.items.find((i) => i.key === tags.cWonen)).toMatchObject({ countA: 10, countB: 10 });
    expect(cmp.values.find((v) => v.key.endsWith(':regie'))).toMatchObject({ countA: 20, countB: 10, meanA: 44.5, meanB: 14.5 });
  });

  it('says "te weinig verhalen" for small selections and keeps other organisations out', async () => {
    const [noord, zuid] = a.wijken.map((w) => w.id);
    const res = await query<Compare>(COMPARE, { a: { wijkIds: [noord] }, b: { wijkIds: [zuid] } });
    const cmp = res.data!.compareSelections;
    expect([cmp.totalA, cmp.totalB]).toEqual([2, 2]);
    const regie = cmp.values.find((v) => v.key.endsWith(':regie'))!;
    expect(regie.test).toMatchObject({ verdict: 'too-few', p: null, explanation: 'Te weinig verhalen om iets te zeggen.' });
    const foreign = await query<Compare>(COMPARE, { a: { wijkIds: [b.wijken[0].id] }, b: {} });
    expect(foreign.data?.compareSelections.totalA).toBe(0);
    expect(foreign.data?.compareSelections.totalB).toBe(4);
  });

  it('refuses a malformed filter with Dutch messages that name the selection', async () => {
    const bad = await query<Compare>(COMPARE, { a: { tagIds: ['financien'] }, b: { from: '2026-05-01', to: '2026-04-01' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'a.tagIds' })]));
    const chart = await query(HEATMAP, { by: 'WIJK', filter: { wijkIds: ['noord'] } });
    expect(chart.errors?.[0].message).toContain('Onbekende wijken: noord.');
  });
});
