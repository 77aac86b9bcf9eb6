import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gql, login, REPO_ROOT, stopProcess } from '../support/harness';
import { freePort, launchBrowser, laptopContext, seriousA11yViolations, startStack, type Stack } from '../e2e/support/stack';

jest.setTimeout(180_000);

const CLIENT_ID = 'vertelpunt-test';
const CLIENT_SECRET = 'test-geheim-dat-lang-genoeg-is-1234567890';
const LABEL = 'Gemeente-account';
/** The provider's people: one whose roles come from the claim, one nobody gave a role yet, one with an unverified e-mail. */
const ACCOUNTS = (suffix: string) => ({
  fatima: { email: `fatima-${suffix}@gemeente.test`, email_verified: true, name: 'Fatima El Amrani', vertelpunt_rollen: ['facilitator', 'beheerder-van-iets'] },
  nieuw: { email: `nieuw-${suffix}@gemeente.test`, email_verified: true, name: 'Nieuwe Collega' },
});

/**
 * Issue 8, OpenID Connect: the full browser flow against a real provider (`oidc-provider`, in a child process):
 * "Inloggen met …" on /inloggen, log in at the provider, land in the app with the roles of the claim; a first
 * sign-in without roles gets a Dutch page saying an admin must give one, and after the admin did, the same person
 * gets in. A wrong state, a wrong nonce and a replayed callback are refused.
 */
describe('OpenID Connect sign-in (browser, real provider)', () => {
  let stack: Stack;
  let provider: ChildProcess;
  let browser: Browser;
  let issuer: string;
  const suffix = Math.random().toString(36).slice(2, 8);
  const slug = `oidc-${suffix}`;

  beforeAll(async () => {
    const [providerPort, webPort] = [await freePort(), await freePort()];
    issuer = `http://127.0.0.1:${providerPort}`;
    const redirect = `http://127.0.0.1:${webPort}/inloggen/oidc/terug`;
    provider = spawn(process.execPath, [path.join(REPO_ROOT, 'test/support/oidc-provider.mjs')], {
      env: {
        ...process.env,
        OIDC_TEST_PORT: String(providerPort),
        OIDC_TEST_CLIENT_ID: CLIENT_ID,
        OIDC_TEST_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_TEST_REDIRECT_URI: redirect,
        OIDC_TEST_ACCOUNTS: JSON.stringify(ACCOUNTS(suffix)),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    provider.stderr?.on('data', (d: Buffer) => process.env.TEST_VERBOSE && process.stderr.write(d));
    await new Promise<void>((resolve, reject) => {
      provider.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      provider.once('exit', (code) => reject(new Error(`oidc provider stopped (${code})`)));
    });
    stack = await startStack('e2e-oidc', {
      workers: false,
      webPort,
      env: {
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_REDIRECT_URL: redirect,
        OIDC_ORGANISATION: slug,
        OIDC_ROLES_CLAIM: 'vertelpunt_rollen',
        OIDC_SCOPES: 'openid email profile roles',
        OIDC_LABEL: LABEL,
      },
    });
    await stack.ds.query('UPDATE organisation SET slug = $1 WHERE id = $2', [slug, stack.org.organisation.id]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (provider) await stopProcess(provider);
  });

  const rolesOf = async (email: string): Promise<string[] | null> => {
    const rows: { roles: string[] }[] = await stack.ds.query(
      'SELECT m.roles FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = $1 AND m.organisation_id = $2',
      [email, stack.org.organisation.id],
    );
    return rows[0]?.roles ?? null;
  };
  const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === 'vp_session');

  /** From /inloggen through the provider's own login and consent pages, back to us. */
  const signInAtProvider = async (page: Page, loginName: string) => {
    await page.goto(`${stack.webUrl}/inloggen`);
    await page.getByRole('link', { name: `Inloggen met ${LABEL}` }).click();
    await page.waitForURL((u) => u.origin === issuer);
    await page.locator('input[name="login"]').fill(loginName);
    await page.locator('input[name="password"]').fill('wat-dan-ook');
    await page.locator('button[type="submit"]').click();
    // The provider asks once to share the claims with this client.
    await page.waitForURL((u) => u.origin === issuer && !u.pathname.endsWith('/login'), { timeout: 10_000 }).catch(() => undefined);
    const consent = page.getByRole('button', { name: 'Continue' });
    if (await consent.isVisible().catch(() => false)) await consent.click();
  };

  it('shows "Inloggen met …" on /inloggen, accessibly', async () => {
    const context = await laptopContext(browser);
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/inloggen`);
    await page.getByRole('link', { name: `Inloggen met ${LABEL}` }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('signs a person in with the roles of the claim (unknown role names ignored) and links their subject', async () => {
    const context = await laptopContext(browser);
    const page = await context.newPage();
    await signInAtProvider(page, 'fatima');
    await page.waitForURL((u) => u.origin === stack.webUrl && !u.pathname.startsWith('/inloggen'));
    const email = ACCOUNTS(suffix).fatima.email;
    expect(await rolesOf(email)).toEqual(['facilitator']);
    const [identity] = await stack.ds.query(
      'SELECT i.issuer, i.subject FROM oidc_identity i JOIN app_user u ON u.id = i.user_id WHERE u.email = $1',
      [email],
    );
    expect(identity).toEqual({ issuer, subject: 'fatima' });
    // A facilitator's area opens; the session cookie is the usual httpOnly one.
    const tafels = await page.goto(`${stack.webUrl}/tafels`);
    expect(tafels?.status()).toBe(200);
    expect(await sessionCookie(context)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await context.close();
  });

  it('tells a first-time person without a role, in Dutch, that an admin must give one; after that they get in', async () => {
    const email = ACCOUNTS(suffix).nieuw.email;
    const first = await laptopContext(browser);
    const page = await first.newPage();
    await signInAtProvider(page, 'nieuw');
    await page.waitForURL((u) => u.origin === stack.webUrl && u.pathname === '/inloggen/oidc/terug');
    await page.getByRole('heading', { level: 1, name: 'Je hebt nog geen rol' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Een beheerder moet je eerst een rol geven');
    expect(await page.locator('main').innerText()).toContain(email);
    expect(await sessionCookie(first)).toBeUndefined();
    expect(await rolesOf(email)).toBeNull();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await first.close();

    // The admin maps them under Beheer → Gebruikers: added by e-mail with a role.
    const admin = stack.org.users.admin;
    const added = await gql(
      stack.apiUrl,
      'mutation($i: AddMemberInput!) { addMember(input: $i) { __typename } }',
      { i: { email, name: 'Nieuwe Collega', roles: ['wijkcoach'] } },
      { token: await login(stack.apiUrl, admin.email, admin.password), organisationId: stack.org.organisation.id },
    );
    expect(added.errors).toBeUndefined();

    const second = await laptopContext(browser);
    const again = await second.newPage();
    await signInAtProvider(again, 'nieuw');
    await again.waitForURL((u) => u.origin === stack.webUrl && !u.pathname.startsWith('/inloggen'));
    expect(await rolesOf(email)).toEqual(['wijkcoach']);
    expect(await sessionCookie(second)).toBeDefined();
    await second.close();
  });

  /**
   * Leaves for the provider, then changes what the web app kept (in its httpOnly cookie) while the person is there,
   * so the provider's answer no longer matches it: as when an attacker's answer or ID token is fed in.
   */
  const signInWithTampered = async (context: BrowserContext, change: Record<string, string>): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/inloggen`);
    await page.getByRole('link', { name: `Inloggen met ${LABEL}` }).click();
    await page.waitForURL((u) => u.origin === issuer);
    const pending = (await context.cookies()).find((c) => c.name === 'vp_oidc');
    if (!pending) throw new Error('no pending sign-in cookie');
    const kept = JSON.parse(Buffer.from(pending.value, 'base64url').toString('utf8')) as Record<string, string>;
    await context.addCookies([{ ...pending, value: Buffer.from(JSON.stringify({ ...kept, ...change })).toString('base64url') }]);
    await page.locator('input[name="login"]').fill('fatima');
    await page.locator('input[name="password"]').fill('wat-dan-ook');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === '/inloggen/oidc/terug' || u.origin === issuer);
    const consent = page.getByRole('button', { name: 'Continue' });
    if (await consent.isVisible().catch(() => false)) await consent.click();
    await page.waitForURL((u) => u.pathname === '/inloggen/oidc/terug');
    return page;
  };
  const REFUSAL = `Inloggen met ${LABEL} is niet gelukt`;

  it('refuses a callback whose state is not the one this browser started with, and a replayed callback', async () => {
    const context = await laptopContext(browser);
    const page = await signInWithTampered(context, { state: 's'.repeat(43) });
    await page.getByRole('alert').filter({ hasText: REFUSAL }).waitFor();
    expect(await sessionCookie(context)).toBeUndefined();
    // The same answer once more: the pending sign-in was used up.
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'verlopen of niet op dit apparaat begonnen' }).waitFor();
    expect(await sessionCookie(context)).toBeUndefined();
    await context.close();
  });

  it('refuses an ID token whose nonce is not the one this browser started with', async () => {
    const context = await laptopContext(browser);
    const page = await signInWithTampered(context, { nonce: 'n'.repeat(43) });
    await page.getByRole('alert').filter({ hasText: REFUSAL }).waitFor();
    expect(await sessionCookie(context)).toBeUndefined();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
