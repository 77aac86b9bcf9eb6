import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDataSource, seedTestOrganisation, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';
import { OidcIdentityRepository } from './oidc-identity.repository';

describe('OidcIdentityRepository on real Postgres', () => {
  const config = testConfig('oidc-identity');
  const issuer = `https://login-${randomUUID().slice(0, 8)}.gemeente.test`;
  let ds: DataSource;
  let org: TestOrganisation;
  let repo: OidcIdentityRepository;

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds, ['wijkcoach', 'admin']);
    repo = new OidcIdentityRepository(ds);
  });
  afterAll(() => ds?.destroy());

  const person = (subject: string, email: string, emailVerified = true) => ({ issuer, subject, email, emailVerified, name: 'Iemand' });

  it('makes an account without password on a first sign-in, and finds the same one by subject afterwards', async () => {
    const email = `Nieuw-${randomUUID().slice(0, 6)}@Gemeente.test`;
    const first = await repo.signIn(person('sub-1', email));
    expect(first).toMatchObject({ kind: 'linked', isNewAccount: true, user: { email: email.toLowerCase(), passwordHash: null } });
    // The provider may change the e-mail later; the subject is what counts.
    const again = await repo.signIn(person('sub-1', 'ander-adres@gemeente.test'));
    expect(again).toMatchObject({ kind: 'linked', isNewAccount: false });
    if (first.kind === 'linked' && again.kind === 'linked') expect(again.user.id).toBe(first.user.id);
  });

  it('links an existing account only when the provider vouches for the e-mail', async () => {
    const coach = org.users.wijkcoach;
    expect(await repo.signIn(person('sub-2', coach.email, false))).toEqual({ kind: 'emailTaken' });
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM oidc_identity WHERE subject = $1', ['sub-2']);
    expect(count).toBe(0);
    const linked = await repo.signIn(person('sub-2', coach.email, true));
    expect(linked).toMatchObject({ kind: 'linked', isNewAccount: false, user: { id: coach.id } });
  });

  it('sets roles from a claim, and an empty claim ends the membership', async () => {
    const signedIn = await repo.signIn(person('sub-3', `rollen-${randomUUID().slice(0, 6)}@gemeente.test`));
    if (signedIn.kind !== 'linked') throw new Error('not linked');
    const roles = async () =>
      (await ds.query('SELECT roles FROM membership WHERE organisation_id = $1 AND user_id = $2', [org.organisation.id, signedIn.user.id]))[0]?.roles ?? null;
    await repo.setRoles(org.organisation.id, signedIn.user.id, ['facilitator']);
    expect(await roles()).toEqual(['facilitator']);
    await repo.setRoles(org.organisation.id, signedIn.user.id, ['manager', 'wijkcoach']);
    expect(await roles()).toEqual(['manager', 'wijkcoach']);
    await repo.setRoles(org.organisation.id, signedIn.user.id, []);
    expect(await roles()).toBeNull();
  });
});
