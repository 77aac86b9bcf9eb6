import type { Browser, BrowserContext, Page } from 'playwright-core';
import { laptopContext, phoneContext, seriousA11yViolations } from './stack';

type User = { email: string; password: string };

/** One logged-in page per viewport, so every page can be checked on a laptop and on a phone. */
export const loggedInOnBothViewports = async (
  browser: Browser,
  webUrl: string,
  user: User,
): Promise<{ laptop: Page; phone: Page; close: () => Promise<void> }> => {
  const contexts: BrowserContext[] = [await laptopContext(browser), await phoneContext(browser)];
  const [laptop, phone] = await Promise.all(contexts.map((c) => c.newPage()));
  await loginExplained(laptop, webUrl, user);
  await loginExplained(phone, webUrl, user);
  return { laptop, phone, close: async () => void (await Promise.all(contexts.map((c) => c.close()))) };
};

/**
 * Like `loginAs`, but waits until the login page has hydrated before typing: text typed earlier is
 * wiped by hydration (the e-mail field is rendered with `value={…}`), which made logins flaky.
 * A failure says what the page showed instead of only timing out.
 */
export const loginExplained = async (page: Page, webUrl: string, user: User): Promise<void> => {
  await page.goto(`${webUrl}/inloggen`, { waitUntil: 'networkidle' });
  await page.getByLabel('E-mailadres').fill(user.email);
  await page.getByLabel('Wachtwoord').fill(user.password);
  await page.getByRole('button', { name: /inloggen/i }).click();
  try {
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  } catch (cause) {
    const shown = await page
      .locator('main')
      .innerText()
      .catch(() => '(no main)');
    throw new Error(`login as ${user.email} did not leave ${page.url()}: ${shown.slice(0, 500)}`, { cause });
  }
};

/** Visits the path on both viewports; returns the serious axe violations per viewport (empty when fine). */
export const a11yOnBothViewports = async (
  pages: { laptop: Page; phone: Page },
  webUrl: string,
  path: string,
): Promise<Record<string, string[]>> => {
  const result: Record<string, string[]> = {};
  for (const [name, page] of [
    ['laptop', pages.laptop],
    ['phone', pages.phone],
  ] as const) {
    const response = await page.goto(`${webUrl}${path}`);
    if (!response?.ok()) throw new Error(`${path} on ${name}: HTTP ${response?.status()}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    result[`${name} ${path}`] = await seriousA11yViolations(page);
  }
  return result;
};

/** The id after `?melding=…&id=` in the URL the vertelpunten page redirects to after a change. */
export const noticeIdFrom = (url: string): string => {
  const id = new URL(url).searchParams.get('id');
  if (!id) throw new Error(`no id in ${url}`);
  return id;
};

export const VERTEL_LINK = `query($token: String!) { vertelLink(token: $token) { id name isOpen } }`;
export const STORY_STATUS = `query($id: ID!) { story(id: $id) { id status } }`;
