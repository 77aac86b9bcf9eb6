import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { gql, login, openDataSource, seedTestOrganisation, startApi, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';

const MEMBER = 'userId email name roles disabled lockedUntil otherOrganisations';
const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { temporaryPassword member { ${MEMBER} } } }`;
const ROLES = `mutation($input: SetMemberRolesInput!) { setMemberRoles(input: $input) { ${MEMBER} } }`;
const RESET = `mutation($id: ID!) { resetMemberPassword(userId: $id) { temporaryPassword member { userId } } }`;
const REMOVE = 'mutation($id: ID!) { removeMember(userId: $id) }';
const UNLOCK = `mutation($id: ID!) { unlockMember(userId: $id) { ${MEMBER} } }`;

type Added = { addMember: { temporaryPassword: string | null; member: { userId: string; roles: string[]; otherOrganisations: number } } };

describe('members (Beheer → Gebruikers) on real Postgres', () => {
  const config = testConfig('members');
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let other: TestOrganisation;
  let admin: string;
  const as = (token: string, o = org) => ({ token, organisationId: o.organisation.id });
  const email = (name: string) => `${name}-${Date.now().toString(36)}@example.nl`;

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds);
    other = await seedTestOrganisation(ds);
    api = await startApi(config);
    admin = await login(api.url, org.users.admin.email, org.users.admin.password);
  });
  afterAll(async () => {
    await api?.app.close();
    await ds?.destroy();
  });

  it('adds a person with a temporary password that works once given, and audits it without the password', async () => {
    const address = email('nieuw');
    const res = await gql<Added>(api.url, ADD, { input: { email: address, name: 'Noor Nieuw', roles: ['facilitator'] } }, as(admin));
    expect(res.errors).toBeUndefined();
    const password = res.data!.addMember.temporaryPassword!;
    expect(password).toMatch(/^[a-zA-Z2-9]{14}$/);
    const token = await login(api.url, address, password);
    const me = await gql<{ me: { memberships: { roles: string[] }[] } }>(api.url, '{ me { memberships { roles } } }', {}, as(token));
    expect(me.data?.me.memberships.map((m) => m.roles)).toEqual([['facilitator']]);
    const audit = await ds.query(`SELECT action, details::text AS details FROM audit_event WHERE subject_id = $1`, [res.data!.addMember.member.userId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['member.added']);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it('refuses a second membership, wrong roles and a bad e-mail with Dutch messages', async () => {
    const dup = await gql(api.url, ADD, { input: { email: org.users.wijkcoach.email, name: 'Dubbel', roles: ['wijkcoach'] } }, as(admin));
    expect(dup.errors?.[0].message).toContain('hoort al bij je organisatie');
    const role = await gql(api.url, ADD, { input: { email: email('rol'), name: 'Rol', roles: ['superuser'] } }, as(admin));
    expect(JSON.stringify(role.errors)).toContain('Kies rollen uit');
    const bad = await gql(api.url, ADD, { input: { email: 'geen-adres', name: 'X Y', roles: ['wijkcoach'] } }, as(admin));
    expect(JSON.stringify(bad.errors)).toContain('geldig e-mailadres');
  });

  it('resets a password: the old one and every session stop working', async () => {
    const address = email('reset');
    const added = await gql<Added>(api.url, ADD, { input: { email: address, name: 'Rita Reset', roles: ['wijkcoach'] } }, as(admin));
    const oldToken = await login(api.url, address, added.data!.addMember.temporaryPassword!);
    const reset = await gql<{ resetMemberPassword: { temporaryPassword: string } }>(api.url, RESET, { id: added.data!.addMember.member.userId }, as(admin));
    const fresh = reset.data!.resetMemberPassword.temporaryPassword;
    // The actor cache holds a session for up to 5 s; after that the old session is gone.
    await new Promise((r) => setTimeout(r, 5200));
    const stale = await gql(api.url, '{ me { id } }', {}, as(oldToken));
    expect(stale.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await expect(login(api.url, address, added.data!.addMember.temporaryPassword!)).rejects.toThrow();
    await expect(login(api.url, address, fresh)).resolves.toEqual(expect.any(String));
  });

  it('never reaches people of another organisation, and leaves shared accounts to their owner', async () => {
    const stranger = other.users.wijkcoach;
    const strangerId = (await ds.query('SELECT id FROM app_user WHERE email = $1', [stranger.email]))[0].id;
    for (const [query, variables] of [
      [RESET, { id: strangerId }],
      [REMOVE, { id: strangerId }],
      [UNLOCK, { id: strangerId }],
      [ROLES, { input: { userId: strangerId, roles: ['admin'] } }],
      [RESET, { id: 'geen-uuid' }],
    ] as const) {
      const res = await gql(api.url, query, variables, as(admin));
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const list = await gql<{ members: { email: string }[] }>(api.url, `{ members { ${MEMBER} } }`, {}, as(admin));
    expect(list.data?.members.map((m) => m.email)).not.toContain(stranger.email);

    // The other organisation's person is added here too: an existing account keeps its password.
    const shared = await gql<Added>(api.url, ADD, { input: { email: stranger.email, name: 'Gedeeld', roles: ['facilitator'] } }, as(admin));
    expect(shared.data?.addMember.temporaryPassword).toBeNull();
    expect(shared.data?.addMember.member.otherOrganisations).toBe(1);
    const reset = await gql(api.url, RESET, { id: strangerId }, as(admin));
    expect(reset.errors?.[0].message).toContain('andere organisatie');
    await expect(login(api.url, stranger.email, stranger.password)).resolves.toEqual(expect.any(String));
  });

  it('keeps at least one admin and lets only admins manage people', async () => {
    const adminId = (await ds.query('SELECT id FROM app_user WHERE email = $1', [org.users.admin.email]))[0].id;
    const demote = await gql(api.url, ROLES, { input: { userId: adminId, roles: ['facilitator'] } }, as(admin));
    expect(demote.errors?.[0].message).toContain('minstens één beheerder');
    const self = await gql(api.url, REMOVE, { id: adminId }, as(admin));
    expect(self.errors?.[0].message).toContain('jezelf');
    for (const role of ['wijkcoach', 'facilitator', 'manager'] as const) {
      const token = await login(api.url, org.users[role].email, org.users[role].password);
      const res = await gql(api.url, `{ members { ${MEMBER} } }`, {}, as(token));
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('removes a person: an account that belongs nowhere else is disabled and logged out', async () => {
    const address = email('weg');
    const added = await gql<Added>(api.url, ADD, { input: { email: address, name: 'Wim Weg', roles: ['manager'] } }, as(admin));
    const id = added.data!.addMember.member.userId;
    expect((await gql(api.url, REMOVE, { id }, as(admin))).data).toEqual({ removeMember: true });
    await expect(login(api.url, address, added.data!.addMember.temporaryPassword!)).rejects.toThrow();
    const [{ disabled }] = await ds.query('SELECT disabled FROM app_user WHERE id = $1', [id]);
    expect(disabled).toBe(true);
  });
});
