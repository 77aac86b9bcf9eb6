import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../support/harness';
import { a11yOnBothViewports, loggedInOnBothViewports, loginExplained } from './support/beheer-helpers';
import { launchBrowser, laptopContext, startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

/** Beheer → Gebruikers: an admin adds a colleague, who logs in with the temporary password; a reset ends that session. */
describe('Beheer → Gebruikers (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: Page;
  const email = `sanne-${Date.now().toString(36)}@example.nl`;

  const memberCard = (name: string) => admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { level: 3, name }) });

  beforeAll(async () => {
    stack = await startStack('e2e-gebruikers', { workers: false });
    browser = await launchBrowser();
    admin = await (await laptopContext(browser)).newPage();
    await loginExplained(admin, stack.webUrl, stack.org.users.admin);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('adds a facilitator who logs in with the temporary password; a new password ends their session', async () => {
    await admin.goto(`${stack.webUrl}/beheer`);
    await admin.getByRole('link', { name: /Gebruikers/ }).click();
    await admin.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();

    // A mistake first: no role chosen. The typed name and e-mail stay.
    await admin.getByLabel('Naam').fill('Sanne de Vries');
    await admin.getByLabel('E-mailadres').fill(email);
    await admin.getByRole('button', { name: 'Toevoegen' }).click();
    await admin.getByText('Kies minstens één rol.').first().waitFor();
    await expect(admin.getByLabel('E-mailadres').inputValue()).resolves.toBe(email);

    await admin.locator('form[action="?/add"]').getByLabel('Facilitator').check();
    await admin.getByRole('button', { name: 'Toevoegen' }).click();
    const password = await admin.getByTestId('tijdelijk-wachtwoord').innerText();
    expect(password).toMatch(/^[a-zA-Z2-9]{14}$/);
    await memberCard('Sanne de Vries').waitFor();

    const colleague = await (await laptopContext(browser)).newPage();
    await loginExplained(colleague, stack.webUrl, { email, password });
    await colleague.goto(`${stack.webUrl}/tafels`);
    expect(colleague.url()).toContain('/tafels');

    // The admin gives a new password: the colleague's open session ends and the old password no longer works.
    await memberCard('Sanne de Vries').getByRole('button', { name: 'Nieuw tijdelijk wachtwoord' }).click();
    const fresh = await waitFor(async () => {
      const shown = await admin.getByTestId('tijdelijk-wachtwoord').innerText();
      return shown !== password ? shown : null;
    }, 15_000, 100);
    expect(fresh).not.toBe(password);
    await colleague.waitForTimeout(5200); // the API keeps a session in memory for at most 5 s
    await colleague.goto(`${stack.webUrl}/tafels`);
    expect(new URL(colleague.url()).pathname).toBe('/inloggen');
    await loginExplained(colleague, stack.webUrl, { email, password: fresh });
    await colleague.context().close();
  });

  it('changes roles and removes someone after asking first; the last admin stays', async () => {
    await admin.goto(`${stack.webUrl}/beheer/gebruikers`);
    const card = memberCard('Sanne de Vries');
    await card.getByLabel('Manager').check();
    await card.getByRole('button', { name: 'Rollen opslaan' }).click();
    await admin.getByRole('status').filter({ hasText: 'De rollen zijn opgeslagen.' }).waitFor();
    await expect(memberCard('Sanne de Vries').getByLabel('Manager').isChecked()).resolves.toBe(true);

    // The admin cannot take away their own admin role when they are the only one.
    const self = admin.getByRole('listitem').filter({ hasText: stack.org.users.admin.email });
    await self.getByLabel('Beheerder').uncheck();
    await self.getByRole('button', { name: 'Rollen opslaan' }).click();
    await self.getByRole('alert').filter({ hasText: 'Kies minstens één rol.' }).waitFor();
    await self.getByLabel('Facilitator').check();
    await self.getByLabel('Beheerder').uncheck();
    await self.getByRole('button', { name: 'Rollen opslaan' }).click();
    await admin.getByRole('alert').filter({ hasText: 'minstens één beheerder' }).waitFor();

    await memberCard('Sanne de Vries').getByRole('link', { name: 'Uit de organisatie halen' }).click();
    await admin.getByRole('button', { name: 'Ja, haal uit de organisatie' }).click();
    await admin.getByRole('status').filter({ hasText: 'uit de organisatie gehaald' }).waitFor();
    await expect(admin.getByRole('heading', { level: 3, name: 'Sanne de Vries' }).count()).resolves.toBe(0);
  });

  it('is for admins only, and passes axe on a laptop and a phone', async () => {
    const coach = await (await laptopContext(browser)).newPage();
    await loginExplained(coach, stack.webUrl, stack.org.users.wijkcoach);
    expect((await coach.goto(`${stack.webUrl}/beheer/gebruikers`))?.status()).toBe(403);
    await coach.context().close();

    const pages = await loggedInOnBothViewports(browser, stack.webUrl, stack.org.users.admin);
    try {
      for (const [where, violations] of Object.entries(await a11yOnBothViewports(pages, stack.webUrl, '/beheer/gebruikers')))
        expect({ where, violations }).toEqual({ where, violations: [] });
    } finally {
      await pages.close();
    }
  });
});
