import type { Browser, Page } from 'playwright-core';
import { tagIdOf } from '../support/explorer-fixtures';
import { seedPatternStory } from '../support/patterns-fixtures';
import { loginExplained } from './support/beheer-helpers';
import { launchBrowser, laptopContext, phoneContext, seriousA11yViolations, startStack, type Stack } from './support/stack';

// The e2e project's testTimeout does not reach hooks (starting the stack takes longer than 5 s).
jest.setTimeout(120_000);

describe('Patronen (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let facilitator: Page;
  let financien: string;
  let financienLabel: string;
  let noord: { id: string; name: string };
  let zuid: { id: string; name: string };

  beforeAll(async () => {
    stack = await startStack('e2e-patronen', { workers: false });
    [noord, zuid] = stack.org.wijken.map((w) => ({ id: w.id, name: w.name }));
    // Noord: ten stories about money where the professional had the say; Zuid: ten about housing, two also about money.
    for (let i = 0; i < 10; i++) {
      await seedPatternStory(stack.ds, stack.org, { wijk: 0, tags: ['leefgebieden/financien'], signifiers: { regie: 70 + i, impact: { x: 80, y: 80 } } });
      await seedPatternStory(stack.ds, stack.org, {
        wijk: 1,
        tags: i < 2 ? ['leefgebieden/wonen', 'leefgebieden/financien'] : ['leefgebieden/wonen'],
        signifiers: { regie: 10 + i, impact: { x: 15, y: 30 } },
      });
    }
    financien = await tagIdOf(stack.ds, stack.org.organisation.id, 'leefgebieden/financien');
    [{ label: financienLabel }] = await stack.ds.query('SELECT label FROM tag WHERE id = $1', [financien]);
    browser = await launchBrowser();
    facilitator = await (await laptopContext(browser)).newPage();
    await loginExplained(facilitator, stack.webUrl, stack.org.users.facilitator);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the archetype chart and the tag × wijk heatmap, with a table view', async () => {
    await facilitator.goto(`${stack.webUrl}/patronen`);
    await facilitator.getByRole('link', { name: 'Patronen' }).first().waitFor();
    await expect(facilitator.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Patronen');
    await expect(facilitator.getByRole('status').first().innerText()).resolves.toContain('20 verwerkte verhalen');

    // Every story chose the first archetype of the wijkcoach set.
    const archetypes = facilitator.locator('section', { has: facilitator.getByRole('heading', { name: 'Archetypen', level: 2 }) });
    const [{ name: firstArchetype }] = await stack.ds.query(
      `SELECT a.name FROM archetype a WHERE a.id = $1`,
      [stack.org.archetypeIdsInSet(stack.org.versions.wijkcoach.questions.find((q) => q.type === 'archetype')!.archetypeSetId)[0]],
    );
    await expect(archetypes.locator(`svg a[aria-label^="${firstArchetype}, Wijkcoaches: 20 verhalen"]`).count()).resolves.toBe(1);

    const cell = facilitator.locator(`a.vp-heatmap__cell[data-rij="${financien}"][data-kolom="${noord.id}"]`);
    await expect(cell.getAttribute('aria-label')).resolves.toBe(`${financienLabel}, ${noord.name}: 10 verhalen. Bekijk deze verhalen.`);
    await expect(cell.locator('text').textContent()).resolves.toBe('10');
    await expect(facilitator.locator(`a.vp-heatmap__cell[data-rij="${financien}"][data-kolom="${zuid.id}"] text`).textContent()).resolves.toBe('2');

    // The same numbers as a table, for screen readers and for reading without colour.
    const heatmap = facilitator.locator('figure', { has: facilitator.getByRole('heading', { name: /Tags per wijk: Leefgebieden/i }) });
    await heatmap.getByText('Toon als tabel').click();
    const row = heatmap.getByRole('row', { name: new RegExp(`^${financienLabel}`) });
    await expect(row.innerText()).resolves.toMatch(/10\s+2/);

    expect(await seriousA11yViolations(facilitator)).toEqual([]);
  });

  it('leads from a heatmap cell to the stories behind it ("van patroon naar verhaal")', async () => {
    await facilitator.goto(`${stack.webUrl}/patronen?teller=wijkcoach`);
    await facilitator.locator(`a.vp-heatmap__cell[data-rij="${financien}"][data-kolom="${noord.id}"]`).click();
    await facilitator.waitForURL(/\/verhalen\?/);
    const url = new URL(facilitator.url());
    expect(url.pathname).toBe('/verhalen');
    expect(url.searchParams.getAll('tag')).toEqual([financien]);
    expect(url.searchParams.getAll('wijk')).toEqual([noord.id]);
    expect(url.searchParams.get('teller')).toBe('wijkcoach');
  });

  it('compares two wijken and explains the difference in plain Dutch', async () => {
    await facilitator.goto(`${stack.webUrl}/patronen`);
    await facilitator.locator('#a-wijk').selectOption(noord.id);
    await facilitator.locator('#b-wijk').selectOption(zuid.id);
    await facilitator.getByRole('button', { name: 'Vergelijk' }).click();
    await facilitator.waitForURL(/vergelijk=1/);
    await expect(facilitator.getByText('Selectie A: 10 verhalen. Selectie B: 10 verhalen.').count()).resolves.toBe(1);
    const money = facilitator.locator(`tr[data-onderdeel="${financien}"]`);
    await expect(money.innerText()).resolves.toMatch(/10 \(100%\)\s+2 \(20%\)\s+Dit verschil is waarschijnlijk geen toeval \(p < 0,001\)\./);
    const regie = facilitator.locator('tr[data-onderdeel$=":regie"]');
    await expect(regie.innerText()).resolves.toContain('gemiddeld 74,5');
    await expect(regie.innerText()).resolves.toContain('Dit verschil is waarschijnlijk geen toeval');
    // The form keeps what was chosen.
    await expect(facilitator.locator('#a-wijk').inputValue()).resolves.toBe(noord.id);
    expect(await seriousA11yViolations(facilitator)).toEqual([]);
  });

  it('says when there are too few stories, and passes axe on a phone', async () => {
    const phone = await (await phoneContext(browser)).newPage();
    await loginExplained(phone, stack.webUrl, stack.org.users.facilitator);
    await phone.goto(`${stack.webUrl}/patronen?van=2020-01-01&tot=2020-12-31&vergelijk=1&a-wijk=${noord.id}&b-wijk=${zuid.id}`);
    await expect(phone.getByText('Er zijn geen verwerkte verhalen in deze selectie.').count()).resolves.toBe(1);
    await expect(phone.getByText('Selectie A: 0 verhalen. Selectie B: 0 verhalen.').count()).resolves.toBe(1);
    await phone.goto(`${stack.webUrl}/patronen`);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.context().close();
  });

  it('shows a manager counts only: "te weinig gegevens" under 10 stories, and no links to stories (issue 8)', async () => {
    const manager = await (await laptopContext(browser)).newPage();
    await loginExplained(manager, stack.webUrl, stack.org.users.manager);
    await manager.goto(`${stack.webUrl}/patronen`);
    await expect(manager.getByRole('status').first().innerText()).resolves.toContain('20 verwerkte verhalen');
    await expect(manager.locator('[data-onderdrukt]').innerText()).resolves.toContain('minder dan 10 verhalen');
    // Not a single link from a chart or the summary to /verhalen.
    await expect(manager.locator('main a[href*="/verhalen"]').count()).resolves.toBe(0);

    // Noord × money rests on 10 stories: shown. Zuid × money on 2: hidden, in the chart and in the table.
    const shownCell = manager.locator(`.vp-heatmap__cell[data-rij="${financien}"][data-kolom="${noord.id}"]`);
    await expect(shownCell.locator('text').textContent()).resolves.toBe('10');
    const hiddenCell = manager.locator(`.vp-heatmap__cell[data-rij="${financien}"][data-kolom="${zuid.id}"]`);
    await expect(hiddenCell.evaluate((el) => el.tagName.toLowerCase())).resolves.toBe('g');
    await expect(hiddenCell.locator('text').textContent()).resolves.toBe('te weinig gegevens–');
    const heatmap = manager.locator('figure', { has: manager.getByRole('heading', { name: /Tags per wijk: Leefgebieden/i }) });
    await expect(heatmap.innerText()).resolves.toContain('te weinig gegevens (minder dan 10 verhalen)');
    await heatmap.getByText('Toon als tabel').click();
    const tableCell = heatmap.locator(`td[data-rij="${financien}"][data-kolom="${zuid.id}"]`);
    await expect(tableCell.innerText()).resolves.toBe('te weinig gegevens');
    await expect(tableCell.locator('a').count()).resolves.toBe(0);
    await expect(heatmap.getByRole('row', { name: new RegExp(`^${financienLabel}`) }).innerText()).resolves.toMatch(/10\s+te weinig gegevens/);
    expect(await seriousA11yViolations(manager)).toEqual([]);

    // The comparison gives no verdict on the 2 stories of Zuid.
    await manager.goto(`${stack.webUrl}/patronen?vergelijk=1&a-wijk=${noord.id}&b-wijk=${zuid.id}`);
    const money = manager.locator(`tr[data-onderdeel="${financien}"]`);
    await expect(money.innerText()).resolves.toMatch(/10\s+te weinig gegevens\s+Te weinig verhalen om iets te zeggen\./);
    expect(await seriousA11yViolations(manager)).toEqual([]);
    await manager.context().close();
  });
});
