import type { Browser, Page } from 'playwright-core';
import { login } from '../support/harness';
import { SAMPLE_STORIES, tellReadyStories } from '../support/ready-stories';
import { loginExplained } from './support/beheer-helpers';
import { pdfPages, pdfText, savedDownload } from './support/pdf';
import { launchBrowser, laptopContext, seriousA11yViolations, startStack, type Stack } from './support/stack';

jest.setTimeout(240_000);

type Pick = { storyId: string; tagId: string; wijkId: string; archetypeId: string; title: string };

/**
 * Issue "Dashboard Samenleren", done-when, as one flow on really processed stories: a facilitator filters by archetype
 * and tag, goes from a heatmap cell to the stories behind it, puts 5 stories in a Tafel's basket, downloads the print
 * pack (session sheet + 5 cards), records an insight and an intervention; a manager then sees them.
 */
describe('Dashboard Samenleren from filter to Tafel (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let facilitator: Page;
  let storyIds: string[];
  let pick: Pick;
  const INSIGHT = 'Rust komt van één vast aanspreekpunt.';
  const ACTION = 'Elk gezin met schulden krijgt een vaste contactpersoon';

  const titlesShown = async () => (await facilitator.locator('.vp-explorer__list article h3').allInnerTexts()).map((t) => t.trim());

  beforeAll(async () => {
    stack = await startStack('e2e-samenleren');
    browser = await launchBrowser();
    const coach = stack.org.users.wijkcoach;
    storyIds = await tellReadyStories(stack.ds, stack.apiUrl, stack.org, await login(stack.apiUrl, coach.email, coach.password), SAMPLE_STORIES);
    // A story, one of its archetypes and one of the tags the real tagger gave it (whatever it chose).
    [pick] = await stack.ds.query(
      `SELECT s.id AS "storyId", st.tag_id AS "tagId", s.wijk_id AS "wijkId", o.option_id AS "archetypeId", s.redacted_title AS title
         FROM story s
         JOIN story_tag st ON st.story_id = s.id AND st.state <> 'rejected'
         JOIN story_answer_option o ON o.story_id = s.id AND o.kind = 'archetype'
        WHERE s.organisation_id = $1 AND s.status = 'READY' AND s.wijk_id IS NOT NULL
        ORDER BY s.created_at, st.score DESC LIMIT 1`,
      [stack.org.organisation.id],
    );
    facilitator = await (await laptopContext(browser)).newPage();
    await loginExplained(facilitator, stack.webUrl, stack.org.users.facilitator);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('filters by archetype and tag, and goes from a heatmap cell to the stories behind it', async () => {
    await facilitator.goto(`${stack.webUrl}/verhalen`);
    // Tick the archetype and the tag in their (collapsed) filter groups, as a person would, and apply.
    for (const [name, value] of [['archetype', pick.archetypeId], ['tag', pick.tagId]]) {
      const box = facilitator.locator(`input[name="${name}"][value="${value}"]`);
      await facilitator.locator('details', { has: box }).locator('summary').click();
      await box.check();
    }
    await facilitator.getByRole('button', { name: 'Toon verhalen' }).click();
    await facilitator.waitForURL((u) => u.searchParams.has('archetype') && u.searchParams.has('tag'));
    await facilitator.getByRole('heading', { level: 2, name: /gevonden/ }).waitFor();
    expect(new URL(facilitator.url()).searchParams.getAll('archetype')).toEqual([pick.archetypeId]);
    expect(new URL(facilitator.url()).searchParams.getAll('tag')).toEqual([pick.tagId]);
    expect(await titlesShown()).toContain(pick.title);

    await facilitator.goto(`${stack.webUrl}/patronen`);
    await facilitator.locator(`a.vp-heatmap__cell[data-rij="${pick.tagId}"][data-kolom="${pick.wijkId}"]`).first().click();
    await facilitator.waitForURL(/\/verhalen\?/);
    const url = new URL(facilitator.url());
    expect(url.searchParams.getAll('tag')).toContain(pick.tagId);
    expect(url.searchParams.getAll('wijk')).toContain(pick.wijkId);
    expect(await titlesShown()).toContain(pick.title);
    expect(await seriousA11yViolations(facilitator)).toEqual([]);
  });

  it('puts 5 stories in a Tafel from their story pages, downloads the print pack and records what came out', async () => {
    await facilitator.goto(`${stack.webUrl}/tafels`);
    await facilitator.locator('#nieuw-titel').fill('Tafel over schulden');
    await facilitator.locator('#nieuw-datum').fill('2099-05-01');
    await facilitator.locator('#nieuw-vraag').fill('Wat helpt mensen met schulden echt verder?');
    await facilitator.locator('#nieuw-facilitator').selectOption(stack.org.users.facilitator.id);
    await facilitator.getByRole('button', { name: 'Tafel maken' }).click();
    await facilitator.waitForURL(/\/tafels\/[0-9a-f-]+\?melding=gemaakt/);
    const tafelUrl = facilitator.url().split('?')[0];
    const tafelId = tafelUrl.split('/').pop()!;

    for (const id of storyIds.slice(0, 5)) {
      await facilitator.goto(`${stack.webUrl}/verhalen/${id}`);
      await facilitator.getByLabel('Kies een Tafel').selectOption(tafelId);
      await facilitator.getByRole('button', { name: 'Toevoegen aan Tafel' }).click();
      await facilitator.getByRole('status').filter({ hasText: 'zit nu in de mand' }).waitFor();
    }

    await facilitator.goto(tafelUrl);
    const titles = await facilitator.locator('#mand-lijst > li h3').allInnerTexts();
    expect(titles).toHaveLength(5);
    await facilitator.getByRole('button', { name: 'Printpakket maken' }).click();
    const link = facilitator.getByRole('link', { name: 'Printpakket downloaden (PDF)' });
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([facilitator.waitForEvent('download'), link.click()]);
    const file = await savedDownload(download, 'printpakket.pdf');
    expect(pdfPages(file)).toBe(1 + 5);
    const text = pdfText(file);
    for (const title of titles) expect(text).toContain(title);

    await facilitator.locator('#nieuw-inzicht-tekst').fill(INSIGHT);
    await facilitator.getByRole('checkbox', { name: titles[0] }).check();
    await facilitator.getByRole('button', { name: 'Inzicht vastleggen' }).click();
    await facilitator.getByText(INSIGHT, { exact: true }).waitFor();
    await facilitator.locator('#nieuwe-interventie-actie').fill(ACTION);
    await facilitator.locator('#nieuwe-interventie-eigenaar').fill('Team Noord');
    await facilitator.locator('#nieuwe-interventie-status').selectOption('open');
    await facilitator.locator('#nieuwe-interventie-datum').fill('2099-07-01');
    await facilitator.getByRole('button', { name: 'Interventie vastleggen' }).click();
    await facilitator.getByText(ACTION, { exact: true }).waitFor();

    const manager = await (await laptopContext(browser)).newPage();
    await loginExplained(manager, stack.webUrl, stack.org.users.manager);
    await manager.goto(`${stack.webUrl}/tafels`);
    await manager.getByRole('link', { name: 'Tafel over schulden' }).click();
    await manager.waitForURL(tafelUrl);
    await manager.getByText(INSIGHT, { exact: true }).waitFor();
    await manager.getByText(ACTION, { exact: true }).waitFor();
    // Managers see aggregates only (issue 8): the basket and the insight's stories as counts, no titles.
    await manager.getByText('In de mand: 5 verhalen.').waitFor();
    await manager.getByText('Bij 1 verhalen uit de mand.').waitFor();
    const shown = await manager.locator('main').innerText();
    for (const title of titles) expect(shown).not.toContain(title);
    expect(await seriousA11yViolations(manager)).toEqual([]);
  });
});
