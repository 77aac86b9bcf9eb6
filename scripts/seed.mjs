#!/usr/bin/env node
// `npm run seed`: migrations and the demo organisation on DATABASE_URL (default: the config's local Postgres).
// `npm run seed -- --stories 100000`: also fills the organisation "prestatietest" up to that many realistic, processed
// stories (redacted text, answers, tags, vectors) in bulk, for the explorer benchmark (`npm run bench:api -- --explorer`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TS_NODE = ['-r', '@swc-node/register'];

const argValue = (name) => {
  const at = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return null;
  const arg = process.argv[at];
  return arg.includes('=') ? arg.split('=')[1] : (process.argv[at + 1] ?? null);
};

const stories = argValue('stories');
if (stories !== null && !/^\d+$/.test(stories)) {
  console.error('Gebruik: npm run seed [-- --stories <aantal>]');
  process.exit(64);
}

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vertelpunt';
const env = { ...process.env, DATABASE_URL: url };

/** The target database may not exist yet on a fresh Postgres. */
const ensureDatabase = async () => {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
};

const run = (args) => {
  const result = spawnSync(process.execPath, [...TS_NODE, ...args], { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

await ensureDatabase();
run(['libs/db/src/cli.ts', 'migrate']);
run(['libs/db/src/cli.ts', 'seed-demo']);
if (stories !== null) run(['test/bench/seed-explorer-stories.ts', stories]);
