import { Client } from 'pg';
import { runMigrations } from '@vertelpunt/db';

/**
 * Integration tests use their own database and Redis key prefix, never the demo data.
 * `npm test` sets DATABASE_URL/REDIS_URL to the services it found or started.
 */
/** Set once per jest run by globalSetup (`vertelpunt_test_<pid>`), so runs side by side never share a database. */
export const testDatabaseName = () => process.env.TEST_DATABASE_NAME ?? 'vertelpunt_test';

const serverUrl = () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const testDatabaseUrl = () => {
  const url = new URL(serverUrl());
  url.pathname = `/${testDatabaseName()}`;
  return url.toString();
};

export const testRedisUrl = () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix per jest worker and run, so parallel suites never share queues. */
export const testKeyPrefix = (suite: string) => `vp-test:${suite}:${process.pid}:${Date.now().toString(36)}`;

export const testEnv = (suite: string): Record<string, string> => ({
  NODE_ENV: 'test',
  DATABASE_URL: testDatabaseUrl(),
  REDIS_URL: testRedisUrl(),
  REDIS_KEY_PREFIX: testKeyPrefix(suite),
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
});

const adminClient = async () => {
  const admin = new URL(serverUrl());
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  return client;
};

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export const prepareTestDatabase = async () => {
  process.env.TEST_DATABASE_NAME ??= `vertelpunt_test_${process.pid}`;
  const name = testDatabaseName();
  const client = await adminClient();
  try {
    // Databases of earlier runs that were killed before their teardown.
    const stale: { datname: string }[] = (await client.query(`SELECT datname FROM pg_database WHERE datname ~ '^vertelpunt_test_[0-9]+$'`)).rows;
    for (const { datname } of stale) {
      if (!isRunning(Number(datname.split('_').pop()))) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  await runMigrations(testDatabaseUrl());
};

export const dropTestDatabase = async () => {
  const client = await adminClient();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${testDatabaseName()}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
