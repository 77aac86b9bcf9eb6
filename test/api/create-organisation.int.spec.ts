import { execFileSync } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { verifyPassword } from '@vertelpunt/db';
import { openDataSource, REPO_ROOT, testConfig } from '../support/harness';

/** `npm run organisation -- …`: a production organisation with its first admin, from the command line. */
describe('create-organisation command', () => {
  const config = testConfig('create-organisation');
  let ds: DataSource;
  const name = `Gemeente Proef ${Date.now().toString(36)}`;
  const email = `beheer-${Date.now().toString(36)}@gemeente.nl`;
  const run = (...args: string[]) =>
    execFileSync(process.execPath, ['-r', '@swc-node/register', 'libs/db/src/cli.ts', 'create-organisation', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: config.db.url, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  beforeAll(async () => (ds = await openDataSource(config)));
  afterAll(() => ds?.destroy());

  it('makes the organisation with defaults and wijken, and an admin whose printed password works', async () => {
    const out = run('--naam', name, '--beheerder-email', email, '--beheerder-naam', 'Bea Beheer', '--wijken', 'Noord, Zuid');
    const password = /tijdelijk wachtwoord \(één keer getoond\): (\S+)/.exec(out)?.[1];
    expect(password).toMatch(/^[a-zA-Z2-9]{14}$/);
    const [org] = await ds.query('SELECT id FROM organisation WHERE name = $1', [name]);
    const wijken = await ds.query('SELECT name FROM wijk WHERE organisation_id = $1 ORDER BY name', [org.id]);
    expect(wijken.map((w: { name: string }) => w.name)).toEqual(['Noord', 'Zuid']);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM questionnaire WHERE organisation_id = $1', [org.id]);
    expect(n).toBe(2);
    const [user] = await ds.query(
      `SELECT u.password_hash, m.roles FROM app_user u JOIN membership m ON m.user_id = u.id WHERE u.email = $1 AND m.organisation_id = $2`,
      [email, org.id],
    );
    expect(user.roles).toEqual(['admin']);
    await expect(verifyPassword(user.password_hash, password!)).resolves.toBe(true);
  });

  it('refuses a second organisation with the same name and a missing e-mail, with a Dutch sentence', () => {
    expect(() => run('--naam', name, '--beheerder-email', 'ander@gemeente.nl')).toThrow(/Er is al een organisatie/);
    expect(() => run('--naam', 'Zonder beheerder')).toThrow(/Gebruik: cli.ts create-organisation/);
  });
});
