import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { login, openDataSource, startApi, testConfig, waitFor, type GraphQLResponse } from '@vertelpunt/test/support/harness';
import { startWorkersInProcess } from '@vertelpunt/test/support/ready-stories';
import { CALLERS, expectedAllowed, OPERATIONS, type Caller } from './operations';
import { callAs, getAs, newMarker, REFUSALS, seedSecurityOrganisation, type SecurityOrganisation } from './security-fixture';

const refusedCodes = ['FORBIDDEN', 'UNAUTHENTICATED'];
const codesOf = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');

/** Every operation by every role on the caller's own organisation: the outcome is what the README's matrix says. */
describe('role matrix (real API, Postgres, Redis and workers)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vp-security-roles-'));
  const config = testConfig('security-roles', {
    AUDIO_DIR: dir,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    RECOVERY_SWEEP_MS: '600000',
    // The limit has its own test (hardening); here one user sends every operation.
    RATE_LIMIT_PER_MINUTE: '0',
  });
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let workers: INestApplicationContext;
  let own: SecurityOrganisation;

  beforeAll(async () => {
    ds = await openDataSource(config);
    api = await startApi(config);
    workers = await startWorkersInProcess(config);
    own = await seedSecurityOrganisation(ds, api.url, newMarker('Rolmatrix'));
  }, 120_000);
  afterAll(async () => {
    await workers?.close();
    await api?.app.close();
    await ds?.destroy();
  });

  const call = async (name: string, caller: Caller) => {
    const op = OPERATIONS[name];
    const token =
      op.freshSession && caller !== 'anonymous'
        ? await login(api.url, own.target.org.users[caller].email, own.target.org.users[caller].password)
        : undefined;
    return callAs(api.url, own, caller, op.document, op.variables(own.target), token);
  };

  // In the order of operations.ts: reads first, then changes, the destructive ones (remove, withdraw) last in their group.
  for (const [name, op] of Object.entries(OPERATIONS)) {
    it(`${op.kind} ${name}`, async () => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const caller of CALLERS) {
        const res = await call(name, caller);
        const codes = codesOf(res);
        // Allowed callers may still get a clear domain error (already withdrawn, not in the basket…), never a crash.
        expect({ caller, unexpected: codes.filter((c) => !REFUSALS.includes(c)), res: codes.length ? res : 'ok' }).toMatchObject({ caller, unexpected: [] });
        outcomes[caller] = codes.some((c) => refusedCodes.includes(c)) ? 'refused' : 'allowed';
        expected[caller] = expectedAllowed(op, caller) ? 'allowed' : 'refused';
      }
      expect(outcomes).toEqual(expected);
    });
  }

  it('REST: the print pack PDF (story cards) goes to the Tafel roles that read stories, not to managers', async () => {
    // requestTafelPrintPack above asked for a new one: wait until it is ready again.
    await waitFor(async () => {
      const res = await callAs<{ tafel: { printPack: { status: string } } }>(api.url, own, 'facilitator', 'query($id: ID!) { tafel(id: $id) { printPack { status } } }', { id: own.target.tafelId });
      return res.data?.tafel.printPack.status === 'ready';
    });
    const seen: Record<string, number> = {};
    for (const caller of CALLERS) seen[caller] = (await getAs(api.url, own, caller, `/tafels/${own.target.tafelId}/printpakket.pdf`)).status;
    expect(seen).toEqual({ anonymous: 401, wijkcoach: 403, facilitator: 200, manager: 403, admin: 200 });
  });

  it('hides a withdrawn story from everyone but its teller (runs after withdrawStory above)', async () => {
    const id = own.target.spareStoryId;
    const [row] = await ds.query('SELECT status FROM story WHERE id = $1', [id]);
    expect(row.status).toBe('WITHDRAWN');
    const seen: Record<string, { story: string; inList: boolean }> = {};
    for (const caller of ['wijkcoach', 'facilitator', 'manager', 'admin'] as const) {
      const one = await callAs<{ story: { id: string } }>(api.url, own, caller, 'query($id: ID!) { story(id: $id) { id } }', { id });
      const list = await callAs<{ stories: { edges: { node: { id: string } }[] } }>(api.url, own, caller, '{ stories(first: 100) { edges { node { id } } } }', {});
      seen[caller] = {
        story: one.data?.story.id === id ? 'found' : (one.errors?.[0]?.extensions?.code ?? 'none'),
        inList: Boolean(list.data?.stories.edges.some((e) => e.node.id === id)),
      };
    }
    expect(seen).toEqual({
      wijkcoach: { story: 'found', inList: true },
      facilitator: { story: 'NOT_FOUND', inList: false },
      manager: { story: 'FORBIDDEN', inList: false },
      admin: { story: 'NOT_FOUND', inList: false },
    });
  });

  it('gives raw text and titles only to the teller and admins; colleagues get the anonymised story', async () => {
    const doc = `query($id: ID!) { story(id: $id) { title redactedTitle text unredacted { title text } permissions { seeUnredacted } } }`;
    type View = { story: { title: string; redactedTitle: string | null; text: string | null; unredacted: { title: string } | null; permissions: { seeUnredacted: boolean } } };
    const seen: Record<string, { raw: boolean; titleIsRedacted: boolean }> = {};
    for (const caller of ['wijkcoach', 'facilitator', 'admin'] as const) {
      const res = await callAs<View>(api.url, own, caller, doc, { id: own.target.storyId });
      const s = res.data!.story;
      seen[caller] = { raw: s.text !== null && s.unredacted !== null && s.permissions.seeUnredacted, titleIsRedacted: s.title === s.redactedTitle };
    }
    expect(seen).toEqual({
      wijkcoach: { raw: true, titleIsRedacted: false },
      facilitator: { raw: false, titleIsRedacted: true },
      admin: { raw: true, titleIsRedacted: false },
    });
  });
});
