// `npm run bench:patterns`: every Patronen chart query over a large dataset (default 100 000 processed stories in the
// measured organisation, plus 20 000 in another one), through the API (GraphQL over HTTP, API in its own process) and
// directly in Postgres (the same repository call on a DataSource). Prints p50/p95 per query; goal < 300 ms p95.
// Uses its own database (vertelpunt_bench_patterns, or `--db=name` so parallel runs don't drop each other's); the data
// is made with bulk INSERT … SELECT in Postgres. `--only=compare` times only the charts whose name starts with it.
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import type { DataSource } from 'typeorm';
import { PatternsRepository } from '@vertelpunt/db';
import { EMPTY_STORY_FILTER, type StoryFilter } from '@vertelpunt/domain';
import { gql, login, openDataSource, REPO_ROOT, seedTestOrganisation, stopProcess, testConfig, waitFor, type TestOrganisation } from '../support/harness';
import { percentile, printTable, round, freshBenchDatabase, type Row } from './bench-util';

const textArg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const arg = (name: string, fallback: number) => Number(textArg(name) ?? fallback);
const DB = textArg('db') ?? 'vertelpunt_bench_patterns';
if (!/^[a-z_][a-z0-9_]*$/.test(DB)) throw new Error('--db: lower-case letters, digits and _ only');
const GOAL_MS = 300;

/**
 * `count` stories for one organisation in one statement per table: 90 % READY (the rest RECEIVED, which charts must
 * skip), a quarter by inwoners, spread over five wijken and two years, each with the answers its questionnaire asks
 * (archetypes, choices, dyads, canvas, scale) and one to three tags.
 */
const bulkStories = async (ds: DataSource, org: TestOrganisation, count: number) => {
  const organisationId = org.organisation.id;
  await ds.query(`INSERT INTO wijk (organisation_id, name) SELECT $1, unnest(ARRAY['Centrum', 'Oost', 'West'])`, [organisationId]);
  const wijken: { id: string }[] = await ds.query(`SELECT id FROM wijk WHERE organisation_id = $1 ORDER BY name`, [organisationId]);
  const archetypeSet = (kind: 'wijkcoach' | 'inwoner') => org.archetypeIdsInSet(org.versions[kind].questions.find((q) => q.type === 'archetype')!.archetypeSetId);
  await ds.query(
    `INSERT INTO story (id, organisation_id, vertelpunt_id, questionnaire_version_id, teller_kind, wijk_id, mode, title, text, redacted_title, redacted_text,
                        status, consent, told_at, created_at)
     SELECT gen_random_uuid(), $1,
            CASE WHEN i % 4 = 0 THEN $2::uuid ELSE $3::uuid END, CASE WHEN i % 4 = 0 THEN $4::uuid ELSE $5::uuid END,
            CASE WHEN i % 4 = 0 THEN 'inwoner' ELSE 'wijkcoach' END,
            CASE WHEN i % 23 = 0 THEN NULL ELSE ($6::uuid[])[1 + (i * 7) % array_length($6::uuid[], 1)] END,
            'text', 'Verhaal ' || i, 'Een verhaal over hulp in de wijk, nummer ' || i,
            'Verhaal ' || i, 'Een verhaal over schulden, wonen en hulp in de wijk, nummer ' || i || '.',
            CASE WHEN i % 10 = 0 THEN 'RECEIVED' ELSE 'READY' END, '{"version":"bench","usage":["leren"]}',
            now() - (i % 730) * interval '1 day' - (i % 24) * interval '1 hour', now() - (i % 730) * interval '1 day'
       FROM generate_series(1, $7::int) AS i`,
    [organisationId, org.vertelpunten.inwoner.id, org.vertelpunten.wijkcoach.id, org.versions.inwoner.id, org.versions.wijkcoach.id, wijken.map((w) => w.id), count],
  );
  // Answers: one INSERT … SELECT, a row per question the story's questionnaire has, values spread with hashes of the id.
  await ds.query(
    `WITH s AS (SELECT id, teller_kind, abs(hashtext(id::text)) AS h FROM story WHERE organisation_id = $1)
     INSERT INTO answer (organisation_id, story_id, question_id, value)
     SELECT $1, s.id, q.question_id, q.value
       FROM s CROSS JOIN LATERAL (VALUES
         ('gevoel', jsonb_build_object('kind', 'archetypes', 'archetypeIds',
            CASE WHEN s.teller_kind = 'wijkcoach' THEN jsonb_build_array(($2::text[])[1 + s.h % array_length($2::text[], 1)])
                 ELSE jsonb_build_array(($3::text[])[1 + s.h % array_length($3::text[], 1)]) END)),
         ('leefgebieden', jsonb_build_object('kind', 'choice', 'optionIds', jsonb_build_array((ARRAY['financien','wonen','werk','gezondheid','sociale-contacten'])[1 + s.h % 5]))),
         ('werkzame-elementen', CASE WHEN s.teller_kind = 'wijkcoach' THEN jsonb_build_object('kind', 'choice', 'optionIds', jsonb_build_array('vertrouwen')) END),
         ('wie-hielp', CASE WHEN s.teller_kind = 'inwoner' THEN jsonb_build_object('kind', 'choice', 'optionIds', jsonb_build_array((ARRAY['familie','buren','wijkcoach'])[1 + s.h % 3])) END),
         ('regie', CASE WHEN s.teller_kind = 'wijkcoach' THEN jsonb_build_object('kind', 'number', 'value', s.h % 101) END),
         ('ruimte', CASE WHEN s.teller_kind = 'wijkcoach' THEN jsonb_build_object('kind', 'number', 'value', (s.h / 7) % 101) END),
         ('gehoord', CASE WHEN s.teller_kind = 'inwoner' THEN jsonb_build_object('kind', 'number', 'value', (s.h / 3) % 101) END),
         ('impact', CASE WHEN s.teller_kind = 'wijkcoach' THEN jsonb_build_object('kind', 'point', 'x', s.h % 101, 'y', (s.h / 101) % 101) END),
         ('tevredenheid', CASE WHEN s.teller_kind = 'wijkcoach' THEN jsonb_build_object('kind', 'number', 'value', 1 + s.h % 10) END)
       ) AS q(question_id, value)
      WHERE q.value IS NOT NULL`,
    [organisationId, archetypeSet('wijkcoach'), archetypeSet('inwoner')],
  );
  await ds.query(
    `WITH tags AS (SELECT array_agg(id ORDER BY id) AS ids FROM tag WHERE organisation_id = $1),
          s AS (SELECT id, abs(hashtext(id::text)) AS h FROM story WHERE organisation_id = $1)
     INSERT INTO story_tag (organisation_id, story_id, tag_id, source, score, state)
     SELECT DISTINCT ON (s.id, tags.ids[1 + (s.h / k) % array_length(tags.ids, 1)]) $1, s.id, tags.ids[1 + (s.h / k) % array_length(tags.ids, 1)], 'auto', 0.8,
            CASE WHEN (s.h + k) % 9 = 0 THEN 'rejected' WHEN (s.h + k) % 3 = 0 THEN 'confirmed' ELSE 'suggested' END
       FROM s CROSS JOIN tags CROSS JOIN generate_series(1, 1 + s.h % 3) AS k`,
    [organisationId],
  );
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const startApiProcess = async (env: Record<string, string>) => {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'api/src/main.ts'], { cwd: REPO_ROOT, env: { ...process.env, ...env, API_PORT: String(port) }, stdio: 'inherit' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/healthz`).catch(() => null))?.ok, 60_000);
  return { url, close: () => stopProcess(child) };
};

/** `before` runs ahead of every run, untimed (e.g. a change the next query must take into account). */
const time = async (runs: number, task: () => Promise<unknown>, before: () => Promise<unknown> = async () => {}) => {
  for (let i = 0; i < 3; i++) await before().then(task); // warm-up: plans cached, pages in shared buffers
  const latencies: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before();
    const t = performance.now();
    await task();
    latencies.push(performance.now() - t);
  }
  return latencies;
};

const toInput = (filter: StoryFilter) => ({ ...filter, length: null });

const main = async () => {
  const stories = arg('stories', 100_000);
  const runs = arg('runs', 30);
  const url = await freshBenchDatabase(DB);
  const config = testConfig('bench-patterns', { DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const ds = await openDataSource(config);
  const org = await seedTestOrganisation(ds, ['facilitator']);
  const other = await seedTestOrganisation(ds, ['facilitator']);
  const t = performance.now();
  await bulkStories(ds, org, stories);
  await bulkStories(ds, other, Math.round(stories / 5));
  await ds.query('VACUUM ANALYZE');
  const [{ n, answers, tags }] = await ds.query(
    `SELECT (SELECT count(*) FROM story WHERE organisation_id = $1 AND status = 'READY')::int AS n,
            (SELECT count(*) FROM answer)::int AS answers, (SELECT count(*) FROM story_tag)::int AS tags`,
    [org.organisation.id],
  );
  console.log(`data: ${n} processed stories in the measured organisation (${stories} in all, ${Math.round(stories / 5)} in another); ${answers} answers, ${tags} story tags; made in ${round((performance.now() - t) / 1000)} s`);

  const api = await startApiProcess({ DATABASE_URL: url, REDIS_URL: config.redis.url, REDIS_KEY_PREFIX: config.redis.keyPrefix, LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const auth = { token: await login(api.url, org.users.facilitator.email, org.users.facilitator.password), organisationId: org.organisation.id };
  const repo = new PatternsRepository(ds);
  const organisationId = org.organisation.id;
  const [{ id: tagId }] = await ds.query(`SELECT t.id FROM tag t JOIN taxonomy x ON x.id = t.taxonomy_id WHERE t.organisation_id = $1 AND x.key = 'leefgebieden' AND t.key = 'financien'`, [organisationId]);
  const noord = org.wijken[0].id;
  const zuid = org.wijken[1].id;
  // Two stories of wijk A get another tag decision, so "Vergelijk" must first recount their cells of the chart cube.
  const twoStoriesChanged = () =>
    ds.query(
      `UPDATE story_tag SET state = CASE WHEN state = 'confirmed' THEN 'suggested' ELSE 'confirmed' END
        WHERE state <> 'rejected' AND story_id IN (SELECT id FROM story WHERE organisation_id = $1 AND wijk_id = $2 AND status = 'READY' ORDER BY random() LIMIT 2)`,
      [organisationId, noord],
    );
  const filters: [string, StoryFilter, (() => Promise<unknown>)?][] = [
    ['all stories', EMPTY_STORY_FILTER],
    ['all stories, 2 stories changed before each run', EMPTY_STORY_FILTER, twoStoriesChanged],
    ['one wijk, one year, wijkcoach', { ...EMPTY_STORY_FILTER, wijkIds: [noord], from: '2025-01-01', to: '2025-12-31', tellerKind: 'wijkcoach' }],
    ['one tag', { ...EMPTY_STORY_FILTER, tagIds: [tagId] }],
  ];
  type Chart = { name: string; direct: (f: StoryFilter) => Promise<unknown>; query: string; variables: (f: StoryFilter) => Record<string, unknown> };
  const charts: Chart[] = [
    { name: 'storiesOverTime (month)', direct: (f) => repo.storiesOverTime(organisationId, f, 'month'), query: 'query($f: StoryFilterInput) { storiesOverTime(filter: $f, unit: MONTH) { total buckets { period wijkcoach inwoner } } }', variables: (f) => ({ f: toInput(f) }) },
    { name: 'storiesOverTime (week)', direct: (f) => repo.storiesOverTime(organisationId, f, 'week'), query: 'query($f: StoryFilterInput) { storiesOverTime(filter: $f, unit: WEEK) { total buckets { period wijkcoach inwoner } } }', variables: (f) => ({ f: toInput(f) }) },
    { name: 'archetypeDistribution', direct: (f) => repo.archetypeDistribution(organisationId, f), query: 'query($f: StoryFilterInput) { archetypeDistribution(filter: $f) { wijkcoachTotal inwonerTotal archetypes { id wijkcoach inwoner } } }', variables: (f) => ({ f: toInput(f) }) },
    { name: 'tagHeatmap (wijk)', direct: (f) => repo.tagHeatmap(organisationId, f, 'wijk'), query: 'query($f: StoryFilterInput) { tagHeatmap(filter: $f, by: WIJK) { total columns { key total } cells { tagId column count } } }', variables: (f) => ({ f: toInput(f) }) },
    { name: 'tagHeatmap (month)', direct: (f) => repo.tagHeatmap(organisationId, f, 'month'), query: 'query($f: StoryFilterInput) { tagHeatmap(filter: $f, by: MONTH) { total columns { key total } cells { tagId column count } } }', variables: (f) => ({ f: toInput(f) }) },
    { name: 'dyadHistograms', direct: (f) => repo.dyadHistograms(organisationId, f), query: 'query($f: StoryFilterInput) { dyadHistograms(filter: $f) { questionId answered bins { bin count } } }', variables: (f) => ({ f: toInput(f) }) },
    { name: 'canvasDensity', direct: (f) => repo.canvasDensity(organisationId, f), query: 'query($f: StoryFilterInput) { canvasDensity(filter: $f) { questionId answered cells { x y count } } }', variables: (f) => ({ f: toInput(f) }) },
    {
      name: 'compareSelections (wijk A vs B)',
      direct: (f) => repo.compareCounts(organisationId, { ...f, wijkIds: [noord] }, { ...f, wijkIds: [zuid] }),
      query: 'query($a: StoryFilterInput!, $b: StoryFilterInput!) { compareSelections(a: $a, b: $b) { totalA totalB items { key countA countB test { p verdict } } values { key meanA meanB test { p verdict } } } }',
      variables: (f) => ({ a: toInput({ ...f, wijkIds: [noord] }), b: toInput({ ...f, wijkIds: [zuid] }) }),
    },
  ];
  const rows: Row[] = [];
  for (const chart of charts.filter((c) => c.name.startsWith(textArg('only') ?? ''))) {
    for (const [label, filter, before] of filters) {
      if (chart.name.startsWith('compare') ? label.startsWith('one wijk') : before) continue;
      const direct = await time(runs, () => chart.direct(filter), before);
      const viaApi = await time(
        runs,
        async () => {
          const res = await gql(api.url, chart.query, chart.variables(filter), auth);
          if (res.errors) throw new Error(JSON.stringify(res.errors));
        },
        before,
      );
      const p95 = percentile(viaApi, 95);
      rows.push({
        query: chart.name,
        filter: label,
        'Postgres p50': round(percentile(direct, 50)),
        'Postgres p95': round(percentile(direct, 95)),
        'API p50': round(percentile(viaApi, 50)),
        'API p95': round(p95),
        [`< ${GOAL_MS} ms`]: p95 < GOAL_MS ? 'ja' : 'NEE',
      });
    }
  }
  printTable(`Patronen chart queries, ${n} processed stories, ${runs} runs each after 3 warm-ups (times in ms)`, rows);
  await api.close();
  await ds.destroy();
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
