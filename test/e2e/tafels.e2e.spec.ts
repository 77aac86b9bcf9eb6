import type { Browser, Page } from 'playwright-core';
import { login } from '../support/harness';
import { SAMPLE_STORIES, tellReadyStories } from '../support/ready-stories';
import { loginExplained } from './support/beheer-helpers';
import { pdfPages, pdfText, savedDownload } from './support/pdf';
import {
  launchBrowser,
  laptopContext,
  phoneContext,
  seriousA11yViolations,
  startStack,
  type Stack,
} from './support/stack';

// The e2e project's testTimeout does not reach hooks (starting the stack and processing stories takes a while).
jest.setTimeout(180_000);

describe('ErvaringenTafels (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let facilitator: Page;
  let tafelUrl: string;
  let storyIds: string[];
  const INSIGHT = 'Een vast aanspreekpunt geeft mensen rust.';
  const ACTION = 'Elk gezin krijgt één vaste contactpersoon';

  beforeAll(async () => {
    stack = await startStack('e2e-tafels');
    browser = await launchBrowser();
    const coach = stack.org.users.wijkcoach;
    // Real stories: told through the API and made READY by the real workers (redact → analyse).
    storyIds = await tellReadyStories(
      stack.ds,
      stack.apiUrl,
      stack.org,
      await login(stack.apiUrl, coach.email, coach.password),
      SAMPLE_STORIES,
    );
    facilitator = await (await laptopContext(browser)).newPage();
    await loginExplained(facilitator, stack.webUrl, stack.org.users.facilitator);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lets a facilitator plan a Tafel and fill its basket with 5 stories, reordered by keyboard', async () => {
    await facilitator.goto(`${stack.webUrl}/tafels`);
    await facilitator.getByRole('heading', { level: 1, name: 'ErvaringenTafels' }).waitFor();
    expect(await seriousA11yViolations(facilitator)).toEqual([]);

    await facilitator.locator('#nieuw-titel').fill('Tafel geldzorgen in de wijk');
    await facilitator.locator('#nieuw-datum').fill('2099-04-01');
    await facilitator.locator('#nieuw-vraag').fill('Wat helpt mensen met geldzorgen echt verder?');
    await facilitator.locator('#nieuw-wijk').selectOption(stack.org.wijken[0].id);
    await facilitator.locator('#nieuw-facilitator').selectOption(stack.org.users.facilitator.id);
    await facilitator.getByRole('button', { name: 'Tafel maken' }).click();
    await facilitator.waitForURL(/\/tafels\/[0-9a-f-]+\?melding=gemaakt/);
    tafelUrl = facilitator.url().split('?')[0];
    await expect(facilitator.getByRole('status').first().innerText()).resolves.toContain('De Tafel is gemaakt');

    // One story found by searching (anonymised: the name is gone), four picked for variety.
    await facilitator.locator('#zoek-tekst').fill('post');
    await facilitator.getByRole('button', { name: 'Zoeken' }).click();
    await facilitator.waitForURL(/zoek=post/);
    const hit = facilitator.getByRole('button', {
      name: 'Mevrouw [NAAM] durfde de post weer open te maken toevoegen aan de mand',
    });
    await hit.click();
    await facilitator.locator('#zoek-resultaten').getByText('Zit al in de mand').waitFor();
    await facilitator.locator('#divers-aantal').fill('4');
    await facilitator.getByRole('button', { name: 'Kies verschillende verhalen' }).click();
    await facilitator.getByText('4 verhalen toegevoegd aan de mand.').waitFor();
    const cards = facilitator.locator('#mand-lijst > li');
    await expect(cards.count()).resolves.toBe(5);
    expect(await facilitator.locator('#mand-lijst').innerText()).not.toMatch(/Jansen|Bakker/);

    // Reorder without dragging: the first story one place down, with the keyboard.
    const firstTitle = await cards.nth(0).locator('h3').innerText();
    const secondTitle = await cards.nth(1).locator('h3').innerText();
    await facilitator.getByRole('button', { name: `${firstTitle}: een plaats omlaag` }).focus();
    await facilitator.keyboard.press('Enter');
    await facilitator.getByText('Het verhaal staat nu op plaats 2.').waitFor();
    await expect(cards.nth(0).locator('h3').innerText()).resolves.toBe(secondTitle);
    await expect(cards.nth(1).locator('h3').innerText()).resolves.toBe(firstTitle);
    // Focus stayed on the moved story's button, so the next press moves it again.
    expect(
      await facilitator.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")'),
    ).toBe(`${firstTitle}: een plaats omlaag`);

    expect(await seriousA11yViolations(facilitator)).toEqual([]);
  });

  it('makes a print pack with a worker and downloads it: a session sheet and 5 story cards', async () => {
    await facilitator.goto(tafelUrl);
    const titles = await facilitator.locator('#mand-lijst > li h3').allInnerTexts();
    await facilitator.getByRole('button', { name: 'Printpakket maken' }).click();
    const link = facilitator.getByRole('link', { name: 'Printpakket downloaden (PDF)' });
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([facilitator.waitForEvent('download'), link.click()]);
    const file = await savedDownload(download, 'printpakket.pdf');
    expect(pdfPages(file)).toBe(1 + 5);
    const text = pdfText(file);
    for (const title of titles) expect(text).toContain(title);
    expect(text).toContain('Tafel geldzorgen in de wijk');
    expect(text).not.toMatch(/Jansen|Bakker|06-12345678/);
  });

  it('records an insight linked to stories and an intervention', async () => {
    await facilitator.goto(tafelUrl);
    const titles = await facilitator.locator('#mand-lijst > li h3').allInnerTexts();
    await facilitator.locator('#nieuw-inzicht-tekst').fill(INSIGHT);
    await facilitator.getByRole('checkbox', { name: titles[0] }).check();
    await facilitator.getByRole('checkbox', { name: titles[2] }).check();
    await facilitator.getByRole('button', { name: 'Inzicht vastleggen' }).click();
    await facilitator.getByText(INSIGHT, { exact: true }).waitFor();
    await facilitator.getByText(`Bij: ${titles[0]}; ${titles[2]}`).waitFor();

    await facilitator.locator('#nieuwe-interventie-actie').fill(ACTION);
    await facilitator.locator('#nieuwe-interventie-eigenaar').fill('Team Noord');
    await facilitator.locator('#nieuwe-interventie-status').selectOption('bezig');
    await facilitator.locator('#nieuwe-interventie-datum').fill('2099-06-30');
    await facilitator.getByRole('button', { name: 'Interventie vastleggen' }).click();
    await facilitator.getByText(ACTION, { exact: true }).waitFor();
    await facilitator.getByText(/Bezig\s*· Door: Team Noord\s*· Klaar op 30 juni 2099/).waitFor();
    expect(await seriousA11yViolations(facilitator)).toEqual([]);
  });

  it('adds a story from another page through the AddToTafel form route, and is accessible on a phone', async () => {
    const tafelId = tafelUrl.split('/').pop()!;
    const inBasket: { story_id: string }[] = await stack.ds.query(
      'SELECT story_id FROM tafel_story WHERE tafel_id = $1',
      [tafelId],
    );
    const outside = storyIds.find((id) => !inBasket.some((r) => r.story_id === id))!;
    // What AddToTafel.svelte posts; without JavaScript the answer page is shown.
    const res = await facilitator.request.post(`${stack.webUrl}/tafels/toevoegen`, {
      form: { tafelId, storyId: outside, terug: '/verhalen' },
      headers: { origin: stack.webUrl },
    });
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('Het verhaal zit nu in de mand van de Tafel.');
    await facilitator.goto(tafelUrl);
    await expect(facilitator.locator('#mand-lijst > li').count()).resolves.toBe(6);

    const phone = await (await phoneContext(browser)).newPage();
    await loginExplained(phone, stack.webUrl, stack.org.users.facilitator);
    for (const url of [`${stack.webUrl}/tafels`, tafelUrl]) {
      await phone.goto(url);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      expect(await seriousA11yViolations(phone)).toEqual([]);
    }
  });

  it('shows a manager the Tafel, its insight and intervention, read-only, with its stories as counts', async () => {
    const manager = await (await laptopContext(browser)).newPage();
    await loginExplained(manager, stack.webUrl, stack.org.users.manager);
    await manager.goto(`${stack.webUrl}/tafels`);
    await manager.getByRole('link', { name: 'Tafel geldzorgen in de wijk' }).click();
    await manager.waitForURL(tafelUrl);
    await manager.getByText(INSIGHT, { exact: true }).waitFor();
    await manager.getByText(ACTION, { exact: true }).waitFor();
    await expect(manager.getByText('Alleen facilitators kunnen hem aanpassen').count()).resolves.toBe(1);
    await expect(manager.getByRole('button', { name: 'Inzicht vastleggen' }).count()).resolves.toBe(0);
    await expect(manager.getByRole('button', { name: /een plaats omlaag/ }).count()).resolves.toBe(0);
    // Aggregates only (issue 8): the basket as a count, no story titles, and no print pack (it holds the stories).
    await manager.getByText(/^In de mand: \d+ verhalen\.$/).waitFor();
    await expect(manager.locator('#mand-lijst').count()).resolves.toBe(0);
    expect(await manager.locator('main').innerText()).not.toContain('[NAAM]');
    await expect(manager.getByRole('link', { name: 'Printpakket downloaden (PDF)' }).count()).resolves.toBe(0);
    expect((await manager.request.get(`${tafelUrl}/printpakket`)).status()).toBe(403);
    expect(await seriousA11yViolations(manager)).toEqual([]);
    const refused = await manager.request.post(`${stack.webUrl}/tafels/toevoegen`, {
      form: { tafelId: tafelUrl.split('/').pop()!, storyId: storyIds[0], terug: '/tafels' },
      headers: { origin: stack.webUrl },
    });
    expect(await refused.text()).toContain('Alleen facilitators');
  });
});
