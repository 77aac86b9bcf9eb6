import type { Browser, Page } from 'playwright-core';
import { seedProcessedStory } from '../support/explorer-fixtures';
import { loginExplained } from './support/beheer-helpers';
import { launchBrowser, laptopContext, seriousA11yViolations, startStack, type Stack } from './support/stack';

// The e2e project's testTimeout does not reach hooks (starting the stack takes longer than 5 s).
jest.setTimeout(180_000);

/** Pages of the explorer hold 20 stories (PAGE_SIZE in the page's load); 45 make two full pages and a short one. */
const STORIES = 45;

describe('Verhalen explorer: "Meer laden" (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let filterQuery: string;

  const focusedText = async (page: Page) => (await page.locator(':focus').innerText()).trim();
  const cardTitles = async (page: Page) => (await page.locator('.vp-explorer__list article h3').allInnerTexts()).map((t) => t.trim());

  beforeAll(async () => {
    stack = await startStack('e2e-meer-laden', { workers: false });
    // In Noord, plus one in Zuid that the wijk filter must keep out of every page.
    for (let i = 1; i <= STORIES; i++) {
      const n = String(i).padStart(2, '0');
      await seedProcessedStory(stack.ds, stack.org, { redacted: { title: `Verhaal ${n} uit Noord`, text: `Een verhaal over hulp in de wijk, nummer ${n}.` }, wijk: 0 });
    }
    await seedProcessedStory(stack.ds, stack.org, { redacted: { title: 'Verhaal uit Zuid', text: 'Een verhaal uit een andere wijk.' }, wijk: 1 });
    filterQuery = `wijk=${stack.org.wijken[0].id}`;
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** What the pages show without JavaScript, following the next-page link: the reference for the appended list. */
  let pagesWithoutJs: string[][] = [];

  it('works without JavaScript: a link to the next page (keyset cursor in the URL) with a way back to the first', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(stack.org.users.facilitator.email);
    await page.getByLabel('Wachtwoord').fill(stack.org.users.facilitator.password);
    await page.getByRole('button', { name: /inloggen/i }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));

    await page.goto(`${stack.webUrl}/verhalen?${filterQuery}`);
    pagesWithoutJs = [await cardTitles(page)];
    await expect(page.getByRole('button', { name: 'Meer laden' }).count()).resolves.toBe(0);
    while ((await page.getByRole('link', { name: 'Volgende verhalen' }).count()) > 0) {
      await page.getByRole('link', { name: 'Volgende verhalen' }).click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).searchParams.get('na')).toBeTruthy();
      await expect(page.getByRole('link', { name: 'Terug naar de eerste verhalen' }).count()).resolves.toBe(1);
      pagesWithoutJs.push(await cardTitles(page));
    }
    expect(pagesWithoutJs.map((p) => p.length)).toEqual([20, 20, 5]);
    expect(new Set(pagesWithoutJs.flat()).size).toBe(STORIES);
    expect(pagesWithoutJs.flat()).not.toContain('Verhaal uit Zuid');
    await context.close();
  });

  it('appends the next page in place with JavaScript, moves focus to the first new story and says how many were loaded', async () => {
    const page = await (await laptopContext(browser)).newPage();
    await loginExplained(page, stack.webUrl, stack.org.users.facilitator);
    await page.goto(`${stack.webUrl}/verhalen?${filterQuery}`, { waitUntil: 'networkidle' });
    const filterUrl = page.url();
    expect(await cardTitles(page)).toEqual(pagesWithoutJs[0]);
    const status = page.locator('.vp-explorer__results [role="status"]');
    await expect(status.innerText()).resolves.toBe('');

    const more = page.getByRole('button', { name: 'Meer laden' });
    await more.click();
    await page.locator('.vp-explorer__list > li').nth(39).waitFor();
    expect(await cardTitles(page)).toEqual([...pagesWithoutJs[0], ...pagesWithoutJs[1]]);
    // Same page, same shareable address: the filter, no cursor.
    expect(page.url()).toBe(filterUrl);
    await expect(focusedText(page)).resolves.toBe(pagesWithoutJs[1][0]);
    await expect(status.innerText()).resolves.toBe('20 verhalen geladen; 40 van 45 getoond.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await more.click();
    await page.locator('.vp-explorer__list > li').nth(44).waitFor();
    expect(await cardTitles(page)).toEqual(pagesWithoutJs.flat());
    await expect(focusedText(page)).resolves.toBe(pagesWithoutJs[2][0]);
    await expect(status.innerText()).resolves.toBe('5 verhalen geladen; 45 van 45 getoond.');
    // Everything is shown: no button left.
    await expect(page.getByRole('button', { name: 'Meer laden' }).count()).resolves.toBe(0);
    expect(page.url()).toBe(filterUrl);

    // To a story and back: the appended stories are there again.
    const last = pagesWithoutJs[2][4];
    await page.getByRole('link', { name: last, exact: true }).click();
    await page.waitForURL((u) => /\/verhalen\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.goBack();
    await page.waitForURL(filterUrl);
    await page.locator('.vp-explorer__list > li').nth(44).waitFor();
    expect(await cardTitles(page)).toEqual(pagesWithoutJs.flat());

    // Another filter (in the same page, without reloading it) starts again from its first page.
    await page.getByRole('link', { name: 'Alle filters wissen' }).click();
    await page.waitForURL((u) => u.search === '');
    await page.waitForLoadState('networkidle');
    expect(await cardTitles(page)).toHaveLength(20);
    expect(await cardTitles(page)).toContain('Verhaal uit Zuid');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
