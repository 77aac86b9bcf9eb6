import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { gql, login } from '../support/harness';
import { a11yOnBothViewports, loggedInOnBothViewports, loginExplained } from './support/beheer-helpers';
import { launchBrowser, laptopContext, startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

/** Beheer → Privacy (export, erasure with a typed confirmation, retention dry run) and Beheer → Logboek (issue 8). */
describe('Beheer → Privacy and Logboek (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: Page;
  const suffix = Date.now().toString(36).toUpperCase();
  const erased = `WIS-9${suffix}`;
  const kept = `BLIJF-9${suffix}`;

  beforeAll(async () => {
    stack = await startStack('e2e-privacy', { workers: false });
    const coach = await login(stack.apiUrl, stack.org.users.wijkcoach.email, stack.org.users.wijkcoach.password);
    for (const code of [erased, kept]) {
      const res = await gql(stack.apiUrl, 'mutation($i: CreateWatTeltClientInput!) { createWatTeltClient(input: $i) { id } }', { i: { code } }, { token: coach, organisationId: stack.org.organisation.id });
      if (!res.data) throw new Error(JSON.stringify(res.errors));
    }
    browser = await launchBrowser();
    admin = await (await laptopContext(browser)).newPage();
    await loginExplained(admin, stack.webUrl, stack.org.users.admin);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('finds a client, downloads the export and erases it only after the code is typed', async () => {
    await admin.goto(`${stack.webUrl}/beheer`);
    await admin.getByRole('link', { name: /Privacy \(AVG\)/ }).click();
    await admin.getByRole('heading', { level: 1, name: 'Privacy (AVG)' }).waitFor();
    // The dry run of the retention job is on the page (nothing configured: keep for ever).
    await admin.getByText('Opnames: bewaren (geen termijn)').waitFor();

    await admin.getByLabel('Wat telt-cliënt (code)').check();
    await admin.getByLabel('Code of e-mailadres').fill(erased.toLowerCase());
    await admin.getByRole('button', { name: 'Zoeken' }).click();
    await admin.getByRole('heading', { level: 2, name: `Gevonden: ${erased}` }).waitFor();

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Alles downloaden (ZIP)' }).click()]);
    const zip = readFileSync((await download.path())!);
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');

    // A wrong confirmation erases nothing and says why.
    await admin.getByLabel(`Typ ${erased} om te bevestigen`).fill('iets anders');
    await admin.getByRole('button', { name: 'Ja, wis alles definitief' }).click();
    await admin.getByRole('alert').filter({ hasText: 'De bevestiging klopt niet' }).waitFor();
    expect((await stack.ds.query('SELECT count(*)::int AS n FROM wat_telt_client WHERE code = $1', [erased]))[0].n).toBe(1);

    await admin.getByLabel(`Typ ${erased} om te bevestigen`).fill(erased);
    await admin.getByRole('button', { name: 'Ja, wis alles definitief' }).click();
    await admin.getByRole('status').filter({ hasText: 'Gewist:' }).waitFor();
    expect((await stack.ds.query('SELECT count(*)::int AS n FROM wat_telt_client WHERE code = $1', [erased]))[0].n).toBe(0);
    expect((await stack.ds.query('SELECT count(*)::int AS n FROM wat_telt_client WHERE code = $1', [kept]))[0].n).toBe(1);
  });

  it('shows the export and the erasure in the audit log, filtered by kind, without content', async () => {
    await admin.goto(`${stack.webUrl}/beheer`);
    await admin.getByRole('link', { name: /Logboek/ }).click();
    await admin.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    await admin.getByRole('cell', { name: 'Gegevens gewist (verzoek)' }).waitFor();

    await admin.getByLabel('Soort').selectOption('export');
    await admin.getByRole('button', { name: 'Toepassen' }).click();
    await admin.waitForURL(/soort=export/);
    await admin.getByRole('cell', { name: 'Inzage-export gemaakt' }).waitFor();
    await expect(admin.getByRole('cell', { name: 'Gegevens gewist (verzoek)' }).count()).resolves.toBe(0);

    await admin.getByLabel('Soort').selectOption('verwijdering');
    await admin.getByRole('button', { name: 'Toepassen' }).click();
    await admin.waitForURL(/soort=verwijdering/);
    const row = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: 'Gegevens gewist (verzoek)' }) });
    await expect(row.innerText()).resolves.toMatch(/Wat telt-cliënt.*clients: 1/s);
    // The code of the erased client appears nowhere: entries hold counts and ids, never content.
    expect(await admin.locator('main').innerText()).not.toContain(erased);
  });

  it('is for admins only, and passes axe on a laptop and a phone', async () => {
    const coach = await (await laptopContext(browser)).newPage();
    await loginExplained(coach, stack.webUrl, stack.org.users.wijkcoach);
    expect((await coach.goto(`${stack.webUrl}/beheer/audit`))?.status()).toBe(403);
    expect((await coach.goto(`${stack.webUrl}/beheer/privacy`))?.status()).toBe(403);
    await coach.context().close();

    const pages = await loggedInOnBothViewports(browser, stack.webUrl, stack.org.users.admin);
    try {
      for (const path of ['/beheer/audit', `/beheer/privacy?soort=client&zoek=${kept}`, '/beheer/privacy?soort=client&zoek=ONBEKEND-1'])
        for (const [where, violations] of Object.entries(await a11yOnBothViewports(pages, stack.webUrl, path)))
          expect({ where, violations }).toEqual({ where, violations: [] });
    } finally {
      await pages.close();
    }
  });
});
