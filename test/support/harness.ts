import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig, type Config } from '@vertelpunt/config';
import { createDataSource, hashPassword, MembershipEntity, seedOrganisation, UserEntity, type SeededOrganisation } from '@vertelpunt/db';
import type { Role } from '@vertelpunt/domain';
import type { DataSource } from 'typeorm';
import { testEnv } from './test-env';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export const testConfig = (suite: string, extra: Record<string, string> = {}): Config =>
  loadConfig({ ...testEnv(suite), ...extra });

export const openDataSource = (config: Config): Promise<DataSource> =>
  createDataSource({ url: config.db.url, poolSize: 4, applicationName: 'vertelpunt-test' }).initialize();

/** The real API, in this process, on a free port. */
export const startApi = async (config: Config): Promise<{ app: INestApplication; url: string }> => {
  const { createApp } = await import('../../api/src/app');
  const { app } = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}` };
};

/** The real workers, as a separate process (so a test can SIGKILL it). */
export const startWorkers = (env: Record<string, string>): ChildProcess => {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'workers/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => process.env.TEST_VERBOSE && process.stderr.write(d));
  child.stdout?.on('data', (d: Buffer) => process.env.TEST_VERBOSE && process.stdout.write(d));
  return child;
};

export const stopProcess = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

export type GraphQLResponse<T> = { data?: T; errors?: { message: string; extensions?: { code?: string; fields?: unknown } }[] };

export const gql = async <T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  auth: { token?: string; organisationId?: string } = {},
): Promise<GraphQLResponse<T>> => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.organisationId) headers['x-organisation-id'] = auth.organisationId;
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as GraphQLResponse<T>;
};

export type TestOrganisation = SeededOrganisation & {
  users: Record<string, { email: string; password: string; id: string }>;
  archetypeIdsInSet: (setId: string) => string[];
};

/** A fresh organisation with the default questionnaires and one user per given role; unique per call. */
export const seedTestOrganisation = async (ds: DataSource, roles: Role[] = ['wijkcoach', 'facilitator', 'manager', 'admin']): Promise<TestOrganisation> => {
  const suffix = randomUUID().slice(0, 8);
  const seeded = await seedOrganisation(ds, { name: `Testorganisatie ${suffix}`, slug: `test-${suffix}`, wijken: ['Noord', 'Zuid'] });
  const users: TestOrganisation['users'] = {};
  const password = 'test-wachtwoord-123';
  const passwordHash = await hashPassword(password);
  for (const role of roles) {
    const email = `${role}-${suffix}@test.vertelpunt.nl`;
    const user = await ds.getRepository(UserEntity).save({ email, name: `${role} ${suffix}`, passwordHash });
    await ds.getRepository(MembershipEntity).save({ organisationId: seeded.organisation.id, userId: user.id, roles: [role] });
    users[role] = { email, password, id: user.id };
  }
  const setKeyOf = (setId: string) => [...seeded.archetypeIds.entries()].find(([, id]) => id === setId)?.[0];
  const archetypeIdsInSet = (setId: string) =>
    [...seeded.archetypeIds.entries()].filter(([key]) => key.startsWith(`${setKeyOf(setId)}/`)).map(([, id]) => id);
  return { ...seeded, users, archetypeIdsInSet };
};

export const login = async (url: string, email: string, password: string): Promise<string> => {
  const res = await gql<{ login: { token: string } }>(url, 'mutation($i: LoginInput!) { login(input: $i) { token } }', {
    i: { email, password },
  });
  if (!res.data) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
};

export const waitFor = async <T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, everyMs = 200): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitFor timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
};

/** Models, fixtures and seeds shared by the project's sessions live beside the repository. */
export const SHARED_DIR = process.env.SHARED_DIR ?? path.resolve(REPO_ROOT, '../shared');
export const fixtureAudio = (name: string) => path.join(SHARED_DIR, 'fixtures/audio-nl', name);
