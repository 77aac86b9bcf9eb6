import type { Browser, Page } from 'playwright-core';
import { TafelRepository } from '@vertelpunt/db';
import { seedProcessedStory } from '../support/explorer-fixtures';
import { gql, login } from '../support/harness';
import { a11yOnBothViewports, loggedInOnBothViewports, loginExplained } from './support/beheer-helpers';
import { launchBrowser, laptopContext, seriousA11yViolations, startStack, type Stack } from './support/stack';

// The e2e project's testTimeout does not reach hooks (starting the stack takes longer than 5 s).
jest.setTimeout(120_000);

const HEADER = 'clientcode;datum;wijk;team;rapportcijfer;leefgebied;inwoner;professional;derde;derde_rol;doel;doel_status;notitie';

/**
 * The story side of /impact for a manager: tag trends, the interventions on the time axis and before/after around one.
 * The fixture is the hand-calculated one of api/src/wat-telt/intervention-effect.int.spec.ts (minimum group 3): a Tafel
 * in Noord on 15 March 2026; Financiën in 1 of 3 stories in the month before and 4 of 4 in the month after.
 */
describe('Impact: tag trends and before/after an intervention (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let manager: Page;
  let interventionId: string;

  beforeAll(async () => {
    stack = await startStack('e2e-impact', { workers: false, env: { WAT_TELT_MIN_GROUP_SIZE: '3' } });
    browser = await launchBrowser();
    const { ds, org } = stack;
    const story = (wijk: number, day: string, tags: string[], archetypes = [0]) =>
      seedProcessedStory(ds, org, { redacted: { title: 'Een verhaal', text: 'Een verhaal uit de wijk.' }, wijk, tags, archetypes, toldAt: new Date(`${day}T10:00:00Z`) });
    const FIN = 'leefgebieden/financien';
    const BASIS = 'werkzame-elementen/basishouding';
    for (const [day, tags, archetypes] of [
      ['2026-02-20', [FIN], [0]],
      ['2026-03-01', [BASIS], [0]],
      ['2026-03-10', [BASIS], [1]],
      ['2026-03-15', [], [0]],
      ['2026-03-20', [FIN, BASIS], [1]],
      ['2026-03-25', [FIN], [1]],
      ['2026-04-01', [FIN], [1]],
      ['2026-04-10', [FIN], [0]],
    ] as const) {
      await story(0, day, [...tags], [...archetypes]);
    }
    const tafels = new TafelRepository(ds);
    const tafel = await tafels.create(org.organisation.id, { title: 'Geldzorgen', date: '2026-03-15', question: 'Wat leren we?', wijkId: org.wijken[0].id, facilitatorUserId: org.users.manager.id });
    interventionId = (await tafels.addIntervention(org.organisation.id, tafel.id, { action: 'Spreekuur schuldhulp', owner: 'Team Noord', status: 'bezig', dueDate: null })).id;
    const token = await login(stack.apiUrl, org.users.wijkcoach.email, org.users.wijkcoach.password);
    const csv = [
      HEADER,
      'W-1;2026-02-20;Noord;Team N;5;wonen;5;;;;;;',
      'W-1;2026-04-01;Noord;Team N;7;wonen;6;;;;;;',
      'W-2;2026-03-01;Noord;Team N;6;wonen;5;;;;;;',
      'W-2;2026-04-10;Noord;Team N;6;wonen;5;;;;;;',
      'W-3;2026-03-10;Noord;Team N;6;wonen;5;;;;;;',
      'W-3;2026-03-20;Noord;Team N;5;wonen;5;;;;;;',
    ].join('\n');
    const imported = await gql<{ importWatTelt: { imported: boolean } }>(
      stack.apiUrl,
      'mutation($i: ImportWatTeltInput!) { importWatTelt(input: $i) { imported } }',
      { i: { csv } },
      { token, organisationId: org.organisation.id },
    );
    expect(imported.data?.importWatTelt.imported).toBe(true);
    manager = await (await laptopContext(browser)).newPage();
    await loginExplained(manager, stack.webUrl, org.users.manager);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows tag trends with the quiet months suppressed, and the intervention on the time axis', async () => {
    await manager.goto(`${stack.webUrl}/impact`);
    await manager.getByLabel('Van', { exact: true }).fill('2026-02-01');
    await manager.getByLabel('Tot en met', { exact: true }).fill('2026-04-30');
    await manager.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Noord' });
    await manager.getByLabel('Tags per', { exact: true }).selectOption({ label: 'maand' });
    await manager.getByRole('button', { name: 'Toon' }).click();
    await manager.waitForURL(/tags=maand/);

    const rows = (await manager.locator('#tagtrends tr').allInnerTexts()).map((row) => row.split('\t').map((cell) => cell.trim()));
    // February has 1 story and April 2: below 3, so only March shows its figures.
    expect(rows).toEqual([
      ['Tag', 'Verloop', 'feb 2026', 'mrt 2026', 'apr 2026', 'Totaal'],
      ['Verhalen', '', 'te weinig gegevens', '5', 'te weinig gegevens', ''],
      ['Financiën (Leefgebieden (Wat telt))', '', '–\nte weinig gegevens', '2', '–\nte weinig gegevens', '2'],
      ['Basishouding (Werkzame elementen)', '', '–\nte weinig gegevens', '3', '–\nte weinig gegevens', '3'],
    ]);
    // The Tafel's date is marker 1 on the stories-per-month chart, the same number as in the list below it.
    await expect(manager.locator('#tijdlijn [data-interventie="1"] title').textContent()).resolves.toBe('1. 15 maart 2026: Spreekuur schuldhulp');
    await expect(manager.locator('#interventies li').first().innerText()).resolves.toContain('Geldzorgen: Spreekuur schuldhulp');
    expect(await seriousA11yViolations(manager)).toEqual([]);
  });

  it('compares the month before and after the intervention the manager picks, in plain Dutch', async () => {
    await manager.getByLabel('Interventie', { exact: true }).selectOption({ label: '1. 15 maart 2026 — Geldzorgen: Spreekuur schuldhulp' });
    await manager.getByLabel('Maanden ervoor en erna', { exact: true }).fill('1');
    await manager.getByRole('button', { name: 'Vergelijk vóór en na' }).click();
    await manager.waitForURL(new RegExp(`interventie=${interventionId}.*maanden=1`));
    await expect(manager.locator('#voor-na-resultaat').innerText()).resolves.toBe('Vóór en na "Spreekuur schuldhulp" (15 maart 2026)');
    await expect(manager.locator('#oordeel li').allInnerTexts()).resolves.toEqual([
      'Verhalen: geen archetype of tag komt na de interventie duidelijk vaker of minder vaak voor dan ervoor (3 verhalen vóór, 4 na).',
      'Rapportcijfer: na de interventie gemiddeld 6,0, ervoor 5,7 (hoger; 3 en 3 inwoners). Te weinig metingen om te zeggen of dit verschil toeval is.',
      'Van de 3 inwoners met een gesprek vóór én na gaf 33% na de interventie een hoger rapportcijfer, 33% hetzelfde en 33% een lager.',
      'Dit laat zien wat er rond de interventie veranderde, niet dat de interventie de oorzaak is.',
    ]);
    const financien = await manager.locator('#voor-na-verhalen-tabel tr', { hasText: 'Financiën' }).innerText();
    expect(financien.split('\t')).toEqual(['Financiën', '1 van 3 (33%)', '4 van 4 (100%)', 'Dit verschil kan goed toeval zijn (p = 0,14).']);
    // The selection stays as it was, and the chosen intervention and window stay chosen.
    await expect(manager.getByLabel('Maanden ervoor en erna', { exact: true }).inputValue()).resolves.toBe('1');
    expect(await seriousA11yViolations(manager)).toEqual([]);

    // Another wijk has too little on both sides: every part says so.
    const zuid = new URL(manager.url());
    zuid.searchParams.set('wijk', stack.org.wijken[1].id);
    await manager.goto(zuid.toString());
    await expect(manager.locator('#oordeel').innerText()).resolves.toBe(
      'Te weinig gegevens: vóór of na de interventie zijn er minder dan 3 verhalen en minder dan 3 gemeten inwoners.',
    );
    await expect(manager.locator('#voor-na-wat-telt').innerText()).resolves.toContain('te weinig gegevens');

    // A window the API refuses is explained beside the comparison; the rest of the page stays.
    const tooLong = new URL(manager.url());
    tooLong.searchParams.set('maanden', '24');
    await manager.goto(tooLong.toString());
    await expect(manager.locator('#voor-na-probleem').innerText()).resolves.toBe('Kies een periode van 1 tot en met 12 maanden voor en na de interventie.');
    await expect(manager.locator('#gevolgd').count()).resolves.toBe(1);
  });

  it('passes axe with tag trends and a comparison, on a laptop and on a phone', async () => {
    const pages = await loggedInOnBothViewports(browser, stack.webUrl, stack.org.users.manager);
    try {
      const query = `van=2026-02-01&tot=2026-04-30&wijk=${stack.org.wijken[0].id}&interventie=${interventionId}&maanden=1`;
      const results = await a11yOnBothViewports(pages, stack.webUrl, `/impact?${query}`);
      for (const [where, violations] of Object.entries(results)) expect({ where, violations }).toEqual({ where, violations: [] });
    } finally {
      await pages.close();
    }
  });
});
