import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { gql, login, openDataSource, seedTestOrganisation, startApi, testConfig, type GraphQLResponse } from '@vertelpunt/test/support/harness';
import { startWorkersInProcess } from '@vertelpunt/test/support/ready-stories';
import { organisationChecksums } from './org-rows';
import { newMarker, seedSecurityOrganisation, type SecurityOrganisation } from './security-fixture';

const codesOf = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
const ME = '{ me { id } }';
const MEMBERS = '{ members { userId } }';

/** Forged, expired and revoked sessions, foreign organisations, and SQL in every filter: refused, nothing broken. */
describe('sessions and injection (real API, Postgres, Redis and workers)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vp-security-sessions-'));
  const config = testConfig('security-sessions', {
    AUDIO_DIR: dir,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    RECOVERY_SWEEP_MS: '600000',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let workers: INestApplicationContext;
  let own: SecurityOrganisation;
  let otherOrganisationId: string;
  const as = (token: string, organisationId = own.target.organisationId) => ({ token, organisationId });
  const fresh = (role: 'wijkcoach' | 'facilitator' | 'manager' | 'admin' = 'admin') =>
    login(api.url, own.target.org.users[role].email, own.target.org.users[role].password);

  beforeAll(async () => {
    ds = await openDataSource(config);
    api = await startApi(config);
    workers = await startWorkersInProcess(config);
    own = await seedSecurityOrganisation(ds, api.url, newMarker('Sessie'));
    otherOrganisationId = (await seedTestOrganisation(ds, ['admin'])).organisation.id;
  }, 120_000);
  afterAll(async () => {
    await workers?.close();
    await api?.app.close();
    await ds?.destroy();
  });

  describe('sessions', () => {
    it('refuses forged tokens', async () => {
      const [session] = await ds.query('SELECT token_hash FROM user_session WHERE revoked_at IS NULL LIMIT 1');
      const forged = [
        randomBytes(32).toString('base64url'),
        // The stored hash is no token: a leaked database row does not log anyone in.
        session.token_hash,
        createHash('sha256').update('admin').digest('hex'),
        'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbImFkbWluIl19.',
        `${own.tokens.admin}x`,
        own.tokens.admin.slice(0, -1),
        "' OR '1'='1",
        'a'.repeat(5000),
      ];
      for (const token of forged) {
        for (const query of [ME, MEMBERS]) {
          expect({ token: token.slice(0, 40), codes: codesOf(await gql(api.url, query, {}, as(token))) }).toEqual({
            token: token.slice(0, 40),
            codes: ['UNAUTHENTICATED'],
          });
        }
      }
    });

    it('refuses an expired session', async () => {
      const token = await fresh();
      await ds.query(`UPDATE user_session SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [hashOf(token)]);
      expect(codesOf(await gql(api.url, MEMBERS, {}, as(token)))).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses a revoked session, and a logged-out one at once', async () => {
      const revoked = await fresh();
      await ds.query('UPDATE user_session SET revoked_at = now() WHERE token_hash = $1', [hashOf(revoked)]);
      expect(codesOf(await gql(api.url, MEMBERS, {}, as(revoked)))).toEqual(['UNAUTHENTICATED']);

      const loggedOut = await fresh();
      expect(codesOf(await gql(api.url, MEMBERS, {}, as(loggedOut)))).toEqual([]);
      await gql(api.url, 'mutation { logout }', {}, as(loggedOut));
      expect(codesOf(await gql(api.url, MEMBERS, {}, as(loggedOut)))).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses an organisation the user is not in, and a malformed organisation header', async () => {
      for (const organisationId of [otherOrganisationId, '00000000-0000-0000-0000-000000000000', 'niet-een-id', "' OR 1=1 --"]) {
        for (const query of [ME, MEMBERS, '{ stories(first: 5) { edges { node { id } } } }']) {
          const codes = codesOf(await gql(api.url, query, {}, as(own.tokens.admin, organisationId)));
          expect({ organisationId, query, refused: codes.length === 1 && ['FORBIDDEN', 'UNAUTHENTICATED'].includes(codes[0]) }).toEqual({
            organisationId,
            query,
            refused: true,
          });
        }
      }
    });

    it('takes an admin’s changes to a member into effect at once, even for a session in use', async () => {
      const secondAdmin = await gql<{ addMember: { member: { userId: string }; temporaryPassword: string } }>(
        api.url,
        'mutation($i: AddMemberInput!) { addMember(input: $i) { temporaryPassword member { userId } } }',
        { i: { email: `tweede-admin-${Date.now()}@test.vertelpunt.nl`, name: 'Tweede beheerder', roles: ['admin'] } },
        as(own.tokens.admin),
      );
      const { member, temporaryPassword } = secondAdmin.data!.addMember;
      const email = (await ds.query('SELECT email FROM app_user WHERE id = $1', [member.userId]))[0].email;
      const setRoles = (roles: string[]) =>
        gql(api.url, 'mutation($i: SetMemberRolesInput!) { setMemberRoles(input: $i) { userId } }', { i: { userId: member.userId, roles } }, as(own.tokens.admin));

      // Roles taken away: the very next request of the (cached) session is refused.
      const token = await login(api.url, email, temporaryPassword);
      expect(codesOf(await gql(api.url, MEMBERS, {}, as(token)))).toEqual([]);
      await setRoles(['wijkcoach']);
      expect(codesOf(await gql(api.url, MEMBERS, {}, as(token)))).toEqual(['FORBIDDEN']);
      await setRoles(['admin']);
      expect(codesOf(await gql(api.url, MEMBERS, {}, as(token)))).toEqual([]);

      // Password reset ends every session at once.
      const reset = await gql<{ resetMemberPassword: { temporaryPassword: string } }>(
        api.url,
        'mutation($id: ID!) { resetMemberPassword(userId: $id) { temporaryPassword } }',
        { id: member.userId },
        as(own.tokens.admin),
      );
      expect(codesOf(await gql(api.url, MEMBERS, {}, as(token)))).toEqual(['UNAUTHENTICATED']);

      // Removed from the organisation: refused at once.
      const again = await login(api.url, email, reset.data!.resetMemberPassword.temporaryPassword);
      expect(codesOf(await gql(api.url, MEMBERS, {}, as(again)))).toEqual([]);
      await gql(api.url, 'mutation($id: ID!) { removeMember(userId: $id) }', { id: member.userId }, as(own.tokens.admin));
      const afterRemoval = codesOf(await gql(api.url, MEMBERS, {}, as(again)));
      expect(afterRemoval).toHaveLength(1);
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(afterRemoval[0]);
    });
  });

  describe('injection in search and filters', () => {
    const PAYLOADS = [
      "' OR '1'='1",
      "' OR 1=1 --",
      "'; DROP TABLE story; --",
      '"; DELETE FROM story; --',
      "') OR ('a'='a",
      "' UNION SELECT id, title, text FROM story --",
      "'; SELECT pg_sleep(3); --",
      '%',
      '_',
      '\\',
      '$1',
      ':organisationId',
      '*',
      '!!! & | <-> ( )',
      'a\u0000b',
      '😀'.repeat(20),
    ];
    const EXPLORE = `query($f: StoryFilterInput) { exploreStories(filter: $f, first: 50) { totalCount edges { node { id } } } }`;
    const EXPORT = `query($f: StoryFilterInput) { exportStories(format: CSV, filter: $f) { storyCount } }`;
    const STRING_FILTERS = (p: string) => [
      { q: p },
      { similarTo: p },
      { from: p.slice(0, 10) },
      { to: p.slice(0, 10) },
      { tellerKind: p.slice(0, 20) },
      { wijkIds: [p] },
      { vertelpuntIds: [p] },
      { archetypeIds: [p] },
      { tagIds: [p] },
      { leefgebieden: [p] },
      { statuses: [p] },
      { choices: [{ questionId: p, optionId: p }] },
    ];
    const ALLOWED = ['BAD_USER_INPUT', 'NOT_FOUND'];

    it('answers SQL in every string filter of exploreStories and exportStories with a clear error or no match', async () => {
      const before = await organisationChecksums(ds, own.target.organisationId);
      const [{ n: total }] = await ds.query(`SELECT count(*)::int AS n FROM story WHERE organisation_id = $1 AND status = 'READY'`, [own.target.organisationId]);
      expect(total).toBeGreaterThanOrEqual(3);
      const problems: string[] = [];
      for (const payload of PAYLOADS) {
        for (const f of STRING_FILTERS(payload)) {
          for (const doc of [EXPLORE, EXPORT]) {
            const started = Date.now();
            const res = await gql<{ exploreStories?: { totalCount: number }; exportStories?: { storyCount: number } }>(api.url, doc, { f }, as(own.tokens.admin));
            const codes = codesOf(res);
            const count = res.data?.exploreStories?.totalCount ?? res.data?.exportStories?.storyCount ?? 0;
            const label = `${JSON.stringify(f)} ${doc.includes('export') ? 'export' : 'explore'}`;
            if (codes.some((c) => !ALLOWED.includes(c))) problems.push(`${label}: ${JSON.stringify(res.errors)}`);
            // No payload widens the search to every story (the organisation has READY stories none of them match).
            if (codes.length === 0 && count >= total) problems.push(`${label}: matched ${count} of ${total}`);
            if (Date.now() - started > 2500) problems.push(`${label}: took ${Date.now() - started} ms`);
          }
        }
      }
      expect(problems).toEqual([]);
      // Every export is audited (new audit rows); nothing else changed.
      const { audit_event: _auditBefore, ...rest } = before;
      const { audit_event: _auditAfter, ...restAfter } = await organisationChecksums(ds, own.target.organisationId);
      expect(restAfter).toEqual(rest);
    });

    it('answers SQL in Tafel search, ids and Wat telt selections with a clear error or no match; the database is intact', async () => {
      const before = await organisationChecksums(ds, own.target.organisationId);
      const problems: string[] = [];
      const check = async (label: string, doc: string, variables: Record<string, unknown>, isEmpty: (data: never) => boolean) => {
        const res = await gql(api.url, doc, variables, as(own.tokens.admin));
        const codes = codesOf(res);
        if (codes.some((c) => !ALLOWED.includes(c))) problems.push(`${label}: ${JSON.stringify(res.errors)}`);
        if (codes.length === 0 && !isEmpty(res.data as never)) problems.push(`${label}: ${JSON.stringify(res.data).slice(0, 200)}`);
      };
      for (const p of PAYLOADS) {
        await check(`tafelStorySearch ${p}`, 'query($t: ID!, $q: String!) { tafelStorySearch(tafelId: $t, text: $q, first: 50) { id } }', { t: own.target.tafelId, q: p }, (d: { tafelStorySearch: unknown[] }) => d.tafelStorySearch.length === 0);
        await check(`story ${p}`, 'query($id: ID!) { story(id: $id) { id } }', { id: p }, () => false);
        await check(`tafel ${p}`, 'query($id: ID!) { tafel(id: $id) { id } }', { id: p }, () => false);
        await check(`watTeltClient ${p}`, 'query($id: ID!) { watTeltClient(id: $id) { id } }', { id: p }, () => false);
        await check(
          `watTeltImpact team ${p}`,
          'query($s: WatTeltImpactSelectionInput) { watTeltImpact(selection: $s) { inwonersWithFollowUp { value } } }',
          { s: { team: p.slice(0, 80) } },
          (d: { watTeltImpact: { inwonersWithFollowUp: { value: number | null } } }) => !d.watTeltImpact.inwonersWithFollowUp.value,
        );
      }
      expect(problems).toEqual([]);
      expect(await organisationChecksums(ds, own.target.organisationId)).toEqual(before);
      const tables = await ds.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(tables[0].n).toBeGreaterThan(25);
    });
  });
});

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
