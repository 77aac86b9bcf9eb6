import { Client } from 'pg';
import { runMigrations } from '@vertelpunt/db';
import { REPO_ROOT, stopProcess, waitFor } from '../support/harness';

/** Small helpers for the benchmarks: percentiles and a printed table. */
export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);

export type Row = Record<string, string | number>;

export const printTable = (title: string, rows: Row[]) => {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(width(columns[i]))).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(`|${columns.map((c) => '-'.repeat(width(c) + 2)).join('|')}|`);
  for (const r of rows) console.log(line(columns.map((c) => String(r[c] ?? ''))));
};

/** Runs `task` from `concurrency` loops until `total` tasks are done; returns per-task latencies in ms. */
export const runConcurrent = async (concurrency: number, total: number, task: (i: number) => Promise<void>) => {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
};

/**
 * Offers `total` tasks at `perSecond`, from at most `tellers` at once (open loop). Each latency counts from the moment
 * the task was due, so time spent waiting for a free teller counts too (no coordinated omission).
 */
export const runAtRate = async (perSecond: number, tellers: number, total: number, task: (i: number) => Promise<void>) => {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const dueAt = (i: number) => started + (i * 1000) / perSecond;
  await Promise.all(
    Array.from({ length: tellers }, async () => {
      while (next < total) {
        const i = next++;
        const wait = dueAt(i) - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await task(i);
        latencies.push(performance.now() - dueAt(i));
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
};

/** The real API in its own process, as in production, so the load generator does not share its event loop. */
export const startApiProcess = async (env: Record<string, string>) => {
  const net = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => resolve(p));
    });
  });
  const { spawn } = await import('node:child_process');
  // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API while it is measured.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', 'api/src/main.ts'], { cwd: REPO_ROOT, env: { ...process.env, ...env, API_PORT: String(port) }, stdio: 'inherit' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/healthz`).catch(() => null))?.ok, 30_000);
  return { url, app: { close: () => stopProcess(child) } };
};

/** A new, migrated database of this name on the server of DATABASE_URL (dropped first); returns its URL. */
export const freshBenchDatabase = async (name: string): Promise<string> => {
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  server.pathname = `/${name}`;
  await runMigrations(server.toString());
  return server.toString();
};
