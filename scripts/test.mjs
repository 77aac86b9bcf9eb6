#!/usr/bin/env node
// `npm test`: every suite (unit, integration on real Postgres + Redis, web), then one closing summary line.
// Integration tests use their own database (vertelpunt_test) and Redis key prefix (vp-test:*), never the demo data.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.data', 'test-results');

const run = (cmd, args, opts = {}) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: process.env, ...opts });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const reachable = (url, fallbackPort) =>
  new Promise((resolve) => {
    const u = new URL(url);
    const socket = net.connect({ host: u.hostname, port: Number(u.port || fallbackPort) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

/** Use DATABASE_URL/REDIS_URL, else the machine's own services, else start embedded ones under .data/test. */
const services = async () => {
  const dbUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if ((await reachable(dbUrl, 5432)) && (await reachable(redisUrl, 6379))) {
    return { databaseUrl: dbUrl, redisUrl, stop: async () => {} };
  }
  console.log('Geen Postgres/Redis gevonden: ik start ingebouwde testservices in .data/test …');
  const { ensureServices } = await import('./services.mjs');
  return ensureServices({ dataDir: path.join(root, '.data', 'test'), purpose: 'test' });
};

const count = (file, read) => {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 1, note: `geen resultaten in ${path.relative(root, file)}` };
  }
};

const main = async () => {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const svc = await services();
  process.env.DATABASE_URL = svc.databaseUrl;
  process.env.REDIS_URL = svc.redisUrl;
  process.env.NODE_ENV = 'test';

  const suites = [];
  const jestJson = path.join(resultsDir, 'jest.json');
  const jestCode = await run(process.execPath, ['node_modules/jest/bin/jest.js', '--json', `--outputFile=${jestJson}`, ...process.argv.slice(2)]);
  suites.push({ name: 'jest', code: jestCode, ...count(jestJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) })) });

  if (process.argv.length <= 2 && existsSync(path.join(root, 'web', 'vite.config.ts'))) {
    const vitestJson = path.join(resultsDir, 'vitest.json');
    const webCode = await run(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], { cwd: path.join(root, 'web') });
    suites.push({ name: 'web', code: webCode, ...count(vitestJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests })) });
  }
  await svc.stop();

  const passed = suites.reduce((n, s) => n + s.passed, 0);
  const failed = suites.reduce((n, s) => n + s.failed, 0);
  const broken = suites.filter((s) => s.code !== 0);
  console.log('');
  for (const s of suites) console.log(`  ${s.name.padEnd(6)} ${s.passed} passed, ${s.failed} failed${s.note ? ` (${s.note})` : ''}${s.code ? ` — exit ${s.code}` : ''}`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(broken.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
};

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
