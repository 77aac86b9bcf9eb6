import type { Browser } from 'playwright-core';
import { laptopContext, launchBrowser, loginAs, phoneContext, seriousA11yViolations, startStack, type Stack } from './support/stack';

describe('logging in and finding your way (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack('e2e-login', { workers: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows a Dutch error for a wrong password and keeps the e-mail address', async () => {
    const page = await (await phoneContext(browser)).newPage();
    await page.goto(`${stack.webUrl}/inloggen`);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('E-mailadres').fill(stack.org.users.facilitator.email);
    await page.getByLabel('Wachtwoord').fill('verkeerd-wachtwoord');
    await page.getByRole('button', { name: /inloggen/i }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('horen niet bij elkaar');
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe(stack.org.users.facilitator.email);
  });

  it('brings a facilitator to a home page with the areas of the role, and the story list', async () => {
    const page = await (await laptopContext(browser)).newPage();
    await loginAs(page, stack.webUrl, stack.org.users.facilitator);
    const nav = page.getByRole('navigation', { name: /hoofdmenu|menu/i });
    await expect(nav.getByRole('link', { name: 'Tafels' }).count()).resolves.toBeGreaterThan(0);
    await expect(nav.getByRole('link', { name: 'Beheer' }).count()).resolves.toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${stack.webUrl}/verhalen`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('sends visitors without a session to the login page and back after logging in', async () => {
    const page = await (await laptopContext(browser)).newPage();
    await page.goto(`${stack.webUrl}/verhalen`);
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await page.getByLabel('E-mailadres').fill(stack.org.users.facilitator.email);
    await page.getByLabel('Wachtwoord').fill(stack.org.users.facilitator.password);
    await page.getByRole('button', { name: /inloggen/i }).click();
    await page.waitForURL(/\/verhalen/);
  });
});
