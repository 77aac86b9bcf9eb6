// `npm run bench:api -- --impact [--impact-clients=20000] [--runs=30]`: Wat telt impact over a large organisation.
// Fills its own database (vertelpunt_bench_impact, rebuilt each run) with `clients` pseudonymous clients × 3
// measurements (spread over wijken, teams, dates and leefgebieden; unnest() in batches), then times each impact query
// through the API (HTTP + GraphQL, API in its own process, as a manager) and as the repository's SQL straight in Postgres.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, hashPassword, MembershipEntity, seedOrganisation, UserEntity, WatTeltRepository, type ImpactSelection } from '@vertelpunt/db';
import { DEFAULT_WAT_TELT_LEEFGEBIEDEN, DEMO_WIJKEN } from '@vertelpunt/domain';
import { gql, login, testConfig } from '../support/harness';
import { percentile, printTable, round, startApiProcess, freshBenchDatabase, type Row } from './bench-util';

const DB = 'vertelpunt_bench_impact';
const GOAL_MS = 300;
const BATCH = 5000;
const TEAMS = ['Team Noord', 'Team Oost', 'Team Zuid', 'Team West', 'Team Centrum', 'Team Jeugd'];
const MANAGER = { email: 'manager@impacttest.vertelpunt.nl', password: 'samen-leren-2026' };
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

const IMPACT = `query($s: WatTeltImpactSelectionInput) { watTeltImpact(selection: $s) {
  threshold minGroupSize inwonersWithFollowUp { suppressed value }
  rapportcijfer { suppressed n improved stable declined distribution { min q1 median q3 max mean buckets { key count } } }
  leefgebieden { leefgebied label change { suppressed n improved stable declined distribution { min q1 median q3 max mean buckets { key count } } } }
  goals { suppressed inwoners total open bezig bereikt gestopt }
  perspectiveGap { leefgebied suppressed n distribution { median } } } }`;
type Impact = { watTeltImpact: { inwonersWithFollowUp: { suppressed: boolean; value: number | null } } };

const rng = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Writes columns with one unnest() per batch. */
const insertColumns = async (client: Client, table: string, columns: [name: string, type: string][], rows: unknown[][]) => {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const params = columns.map((_, c) => batch.map((r) => r[c]));
    await client.query(
      `INSERT INTO ${table} (${columns.map(([n]) => n).join(', ')}) SELECT * FROM unnest(${columns.map(([, t], c) => `$${c + 1}::${t}[]`).join(', ')})`,
      params,
    );
  }
};

/** 20,000 clients × 3 conversations: each inwoner picks 3–7 leefgebieden, most drift up a little, some decline. */
const seed = async (url: string, clients: number) => {
  const ds = await createDataSource({ url, poolSize: 2, applicationName: 'vertelpunt-seed' }).initialize();
  const seeded = await seedOrganisation(ds, { name: 'Impacttest Voorbeeldstad', slug: 'impacttest', wijken: DEMO_WIJKEN });
  const user = await ds.getRepository(UserEntity).save({ email: MANAGER.email, name: 'Manager impacttest', passwordHash: await hashPassword(MANAGER.password) });
  await ds.getRepository(MembershipEntity).save({ organisationId: seeded.organisation.id, userId: user.id, roles: ['manager', 'wijkcoach'] });
  await ds.destroy();
  const organisationId = seeded.organisation.id;
  const random = rng(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const clamp = (v: number) => Math.min(10, Math.max(0, Math.round(v * 10) / 10));
  const keys = DEFAULT_WAT_TELT_LEEFGEBIEDEN.map((l) => l.key);
  const clientRows: unknown[][] = [];
  const measurementRows: unknown[][] = [];
  const scoreRows: unknown[][] = [];
  const goalRows: unknown[][] = [];
  const start = Date.parse('2024-01-01');
  for (let i = 0; i < clients; i++) {
    const clientId = randomUUID();
    clientRows.push([clientId, organisationId, `BENCH-${String(i).padStart(6, '0')}`, pick(seeded.wijken).id, random() < 0.9 ? pick(TEAMS) : null]);
    const chosen = keys.filter(() => random() < 0.35).slice(0, 7);
    const trend = random() < 0.2 ? -1 : random() < 0.5 ? 0 : 1;
    const base = chosen.map(() => 2 + random() * 6);
    let day = start + Math.floor(random() * 700) * 86_400_000;
    let cijfer = 3 + Math.floor(random() * 5);
    for (let m = 0; m < 3; m++) {
      const measurementId = randomUUID();
      measurementRows.push([measurementId, organisationId, clientId, new Date(day).toISOString().slice(0, 10), cijfer, user.id, 'import']);
      chosen.forEach((leefgebied, k) => {
        const inwoner = clamp(base[k] + trend * m * random() * 1.5);
        scoreRows.push([organisationId, measurementId, leefgebied, 'inwoner', inwoner]);
        if (random() < 0.8) scoreRows.push([organisationId, measurementId, leefgebied, 'professional', clamp(inwoner + (random() - 0.5) * 3)]);
      });
      if (m === 0 && chosen.length > 0) {
        goalRows.push([organisationId, clientId, measurementId, chosen[0], 'Meer grip op de dag', pick(['open', 'bezig', 'bereikt', 'gestopt'])]);
      }
      day += (60 + Math.floor(random() * 120)) * 86_400_000;
      cijfer = Math.min(10, Math.max(1, cijfer + trend * Math.round(random() * 2)));
    }
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  await insertColumns(client, 'wat_telt_client', [['id', 'uuid'], ['organisation_id', 'uuid'], ['code', 'text'], ['wijk_id', 'uuid'], ['team', 'text']], clientRows);
  await insertColumns(
    client,
    'wat_telt_measurement',
    [['id', 'uuid'], ['organisation_id', 'uuid'], ['client_id', 'uuid'], ['measured_on', 'date'], ['rapportcijfer', 'int2'], ['professional_user_id', 'uuid'], ['source', 'text']],
    measurementRows,
  );
  await insertColumns(client, 'wat_telt_score', [['organisation_id', 'uuid'], ['measurement_id', 'uuid'], ['leefgebied', 'text'], ['perspective', 'text'], ['position', 'numeric']], scoreRows);
  await insertColumns(client, 'wat_telt_goal', [['organisation_id', 'uuid'], ['client_id', 'uuid'], ['measurement_id', 'uuid'], ['leefgebied', 'text'], ['text', 'text'], ['status', 'text']], goalRows);
  await client.query('VACUUM ANALYZE');
  await client.end();
  return { organisationId, wijkId: seeded.wijken[0].id, measurements: measurementRows.length, scores: scoreRows.length };
};

const time = async (runs: number, task: () => Promise<unknown>) => {
  for (let i = 0; i < 3; i++) await task(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await task();
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
};

export const runImpactBench = async () => {
  const clients = arg('impact-clients', 20_000);
  const runs = arg('runs', 30);
  // `--impact-db=name`: another database, so parallel work on one machine does not drop each other's.
  const url = await freshBenchDatabase(process.argv.find((a) => a.startsWith('--impact-db='))?.split('=')[1] ?? DB);
  const seedStarted = Date.now();
  const data = await seed(url, clients);
  console.log(`seeded ${clients} clients, ${data.measurements} measurements, ${data.scores} chips in ${round((Date.now() - seedStarted) / 1000)} s`);

  const ds = await createDataSource({ url, poolSize: 4, applicationName: 'vertelpunt-bench' }).initialize();
  // A client code in one team and wijk, measured in one week: far below the threshold.
  const [few] = await ds.query(
    `SELECT c.wijk_id, c.team, to_char(m.measured_on, 'YYYY-MM-DD') AS day FROM wat_telt_client c JOIN wat_telt_measurement m ON m.client_id = c.id WHERE c.organisation_id = $1 AND c.team IS NOT NULL LIMIT 1`,
    [data.organisationId],
  );
  const cases: { name: string; selection: ImpactSelection }[] = [
    { name: 'whole organisation', selection: { from: null, to: null, wijkId: null, team: null } },
    { name: 'one wijk', selection: { from: null, to: null, wijkId: data.wijkId, team: null } },
    { name: 'period 2025 + team', selection: { from: '2025-01-01', to: '2025-12-31', wijkId: null, team: 'team oost' } },
    { name: 'below the threshold (one day, wijk, team)', selection: { from: few.day, to: few.day, wijkId: few.wijk_id, team: few.team } },
  ];
  const config = testConfig('bench-impact', { DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const api = await startApiProcess({ DATABASE_URL: url, DATABASE_POOL_SIZE: '10', REDIS_URL: config.redis.url, REDIS_KEY_PREFIX: config.redis.keyPrefix, LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const auth = { token: await login(api.url, MANAGER.email, MANAGER.password), organisationId: data.organisationId };
  const repository = new WatTeltRepository(ds);
  const rows: Row[] = [];
  try {
    for (const c of cases) {
      const variables = { s: Object.fromEntries(Object.entries(c.selection).filter(([, v]) => v !== null)) };
      let followUp = '';
      const viaApi = await time(runs, async () => {
        const res = await gql<Impact>(api.url, IMPACT, variables, auth);
        if (!res.data) throw new Error(`${c.name}: ${JSON.stringify(res.errors)}`);
        const f = res.data.watTeltImpact.inwonersWithFollowUp;
        followUp = f.suppressed ? 'te weinig gegevens' : String(f.value);
      });
      const viaSql = await time(runs, () => repository.impactChanges(data.organisationId, c.selection));
      rows.push({
        query: c.name,
        'inwoners ≥ 2 metingen': followUp,
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
  printTable(`bench:api --impact — ${new Date().toISOString()} — ${clients} clients × 3 measurements in one organisation, ${runs} runs per query (2 cores)`, rows);
};
