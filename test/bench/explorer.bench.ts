// `npm run bench:api -- --explorer [--explorer-stories=100000] [--runs=40]`: the Verhalen explorer over a large dataset.
// Each query runs through the API (HTTP + GraphQL, API in its own process) and as the same SQL straight in Postgres
// (ExplorerRepository: page + count, as the service runs them). Uses its own database (vertelpunt_bench_explorer),
// seeded once with `seedExplorerStories` and reused by later runs.
import { Client } from 'pg';
import { AnalysisRepository, createDataSource, DataSubjectRepository, ExplorerRepository, runMigrations, StoryRepository } from '@vertelpunt/db';
import { EMPTY_STORY_FILTER, type StoryFilter } from '@vertelpunt/domain';
import { SimilarStoriesService } from '../../api/src/processing/similar-stories.service';
import { SIMILAR_LIMIT } from '../../api/src/explorer/explorer.service';
import { decodeCursor } from '../../api/src/stories/story-cursor';
import { gql, login, testConfig } from '../support/harness';
import { percentile, printTable, round, startApiProcess, type Row } from './bench-util';
import { BENCH_FACILITATOR, BENCH_ORGANISATION_SLUG, seedExplorerStories } from './seed-explorer-stories';

const DB = 'vertelpunt_bench_explorer';
const GOAL_MS = 300;
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

const EXPLORE = `query($filter: StoryFilterInput, $after: String) {
  exploreStories(filter: $filter, first: 20, after: $after) {
    totalCount pageInfo { endCursor }
    edges { node { id title excerpt toldAt wijk { label } archetypes { label } tags { label taxonomyKey } } }
  }
}`;
type Explore = { exploreStories: { totalCount: number; pageInfo: { endCursor: string | null }; edges: { node: { id: string } }[] } };

const databaseUrl = async () => {
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rowCount === 0) await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  server.pathname = `/${DB}`;
  return server.toString();
};

const time = async (runs: number, task: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < 3; i++) await task(i); // warm-up: plans, caches, the similarity index
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await task(i);
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
};

export const runExplorerBench = async () => {
  const stories = arg('explorer-stories', 100_000);
  const runs = arg('runs', 40);
  const url = await databaseUrl();
  await runMigrations(url);
  const seedStarted = Date.now();
  const added = await seedExplorerStories(url, stories, (line) => console.log(line));
  if (added > 0) console.log(`seeded ${added} stories in ${round((Date.now() - seedStarted) / 1000)} s`);

  const ds = await createDataSource({ url, poolSize: 4, applicationName: 'vertelpunt-bench' }).initialize();
  const q = async <T>(sql: string, params: unknown[] = []) => (await ds.query(sql, params)) as T[];
  const [{ id: organisationId }] = await q<{ id: string }>('SELECT id FROM organisation WHERE slug = $1', [BENCH_ORGANISATION_SLUG]);
  const [{ n: total }] = await q<{ n: number }>('SELECT count(*)::int AS n FROM story WHERE organisation_id = $1', [organisationId]);
  const [{ id: wijk }] = await q<{ id: string }>('SELECT id FROM wijk WHERE organisation_id = $1 ORDER BY name LIMIT 1', [organisationId]);
  const tagOf = async (taxonomy: string, key: string) =>
    (await q<{ id: string }>('SELECT t.id FROM tag t JOIN taxonomy x ON x.id = t.taxonomy_id WHERE t.organisation_id = $1 AND x.key = $2 AND t.key = $3', [organisationId, taxonomy, key]))[0].id;
  const [{ id: archetype }] = await q<{ id: string }>(
    `SELECT x.id FROM answer a, jsonb_array_elements_text(a.value -> 'archetypeIds') x(id) WHERE a.organisation_id = $1 AND a.value ->> 'kind' = 'archetypes' GROUP BY x.id ORDER BY count(*) DESC LIMIT 1`,
    [organisationId],
  );
  const similarPool = (await q<{ story_id: string }>('SELECT story_id FROM story_vector WHERE organisation_id = $1 ORDER BY random() LIMIT 200', [organisationId])).map((r) => r.story_id);
  const halfYearAgo = new Date(Date.now() - 182 * 86_400_000).toISOString().slice(0, 10);
  const filter = (f: Partial<StoryFilter>): StoryFilter => ({ ...EMPTY_STORY_FILTER, ...f });
  const financien = await tagOf('leefgebieden', 'financien');
  const cases: { name: string; filter: (i: number) => StoryFilter; page?: number }[] = [
    { name: 'list, no filter', filter: () => filter({}) },
    { name: 'list, wijk + teller + last half year', filter: () => filter({ wijkIds: [wijk], tellerKind: 'wijkcoach', from: halfYearAgo }) },
    { name: 'list, tag + archetype', filter: () => filter({ tagIds: [financien], archetypeIds: [archetype] }) },
    { name: 'list, leefgebied + choice answer', filter: () => filter({ leefgebieden: ['wonen'], choices: [{ questionId: 'werkzame-elementen', optionId: 'continuiteit' }] }) },
    { name: 'list, page 5 (keyset cursor), tag', filter: () => filter({ tagIds: [financien] }), page: 5 },
    { name: 'full text "schulden"', filter: () => filter({ q: 'schulden' }) },
    { name: 'full text "eenzaam buurthuis" + period', filter: () => filter({ q: 'eenzaam buurthuis', from: halfYearAgo }) },
    { name: 'full text OR + tag', filter: () => filter({ q: 'schimmel OR huurachterstand', tagIds: [financien] }) },
    { name: 'zoals dit (different story each run)', filter: (i) => filter({ similarTo: similarPool[i % similarPool.length] }) },
  ];

  const config = testConfig('bench-explorer', { DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const api = await startApiProcess({ DATABASE_URL: url, DATABASE_POOL_SIZE: '10', REDIS_URL: config.redis.url, REDIS_KEY_PREFIX: config.redis.keyPrefix, LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const auth = { token: await login(api.url, BENCH_FACILITATOR.email, BENCH_FACILITATOR.password), organisationId };
  const explorer = new ExplorerRepository(ds);
  const similar = new SimilarStoriesService(new AnalysisRepository(ds), new StoryRepository(ds), new DataSubjectRepository(ds));
  const rows: Row[] = [];
  try {
    for (const c of cases) {
      // Cursor for the requested page, fetched once through the API (not timed).
      let after: string | null = null;
      for (let p = 1; p < (c.page ?? 1); p++) after = (await gql<Explore>(api.url, EXPLORE, { filter: c.filter(0), after }, auth)).data!.exploreStories.pageInfo.endCursor;
      let matched = 0;
      const viaApi = await time(runs, async (i) => {
        const res = await gql<Explore>(api.url, EXPLORE, { filter: c.filter(i), after }, auth);
        if (!res.data) throw new Error(`${c.name}: ${JSON.stringify(res.errors)}`);
        matched = res.data.exploreStories.totalCount;
      });
      // The same SQL in Postgres: the ids "zoals dit" found come from the in-memory index first (not SQL, not timed).
      const onlyIds = new Map<number, string[] | null>();
      for (let i = 0; i < runs + 3; i++) {
        const f = c.filter(i);
        onlyIds.set(i, f.similarTo ? (await similar.similarTo(organisationId, f.similarTo, SIMILAR_LIMIT)).map((h) => h.story.id) : null);
      }
      const cursor = after ? decodeCursor(after) : null;
      const viaSql = await time(runs, (i) => {
        const scope = { onlyIds: onlyIds.get(i) ?? null };
        return Promise.all([explorer.page(organisationId, c.filter(i), 20, scope.onlyIds ? null : cursor, scope), explorer.count(organisationId, c.filter(i), scope)]);
      });
      rows.push({
        query: c.name,
        matches: matched,
        'API p50': `${round(viaApi.p50)} ms`,
        'API p95': `${round(viaApi.p95)} ms`,
        'SQL p50': `${round(viaSql.p50)} ms`,
        'SQL p95': `${round(viaSql.p95)} ms`,
        goal: viaApi.p95 < GOAL_MS && viaSql.p95 < GOAL_MS ? `< ${GOAL_MS} ms p95: met` : `< ${GOAL_MS} ms p95: NOT met`,
      });
    }
  } finally {
    await api.app.close();
    await ds.destroy();
  }
  printTable(`bench:api --explorer — ${new Date().toISOString()} — ${total} stories in one organisation, ${runs} runs per query (2 cores)`, rows);
};

