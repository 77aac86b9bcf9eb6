import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { TafelRepository } from '@vertelpunt/db';
import { gql, login } from '../support/harness';
import { a11yOnBothViewports, loggedInOnBothViewports, loginExplained } from './support/beheer-helpers';
import { launchBrowser, laptopContext, phoneContext, seriousA11yViolations, startStack, type Stack } from './support/stack';

// The e2e project's testTimeout does not reach hooks (starting the stack takes longer than 5 s).
jest.setTimeout(120_000);

const HEADER = 'clientcode;datum;wijk;team;rapportcijfer;leefgebied;inwoner;professional;derde;derde_rol;doel;doel_status;notitie';
const CLIENT = `query($id: ID!) { watTeltClient(id: $id) { measurements { measuredOn rapportcijfer leefgebieden { leefgebied inwoner professional } } goals { text status history { status } } } }`;

/** A report downloaded from the impact page, saved by the browser. */
const downloadReport = async (page: Page, name: string) => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return { filename: download.suggestedFilename(), file: (await download.path())! };
};
/** The cells of one row of a PDF table, as pdftotext lays them out. */
const pdfRow = (file: string, label: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\n')
    .find((line) => line.trim().startsWith(label))
    ?.trim()
    .split(/\s{2,}/);

const sliderValue = async (page: Page, name: string) => Number(await page.getByRole('slider', { name }).getAttribute('aria-valuenow'));

/** Presses a key on whatever has focus, `times` times. */
const press = async (page: Page, key: string, times = 1) => {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
};

describe('Wat telt: registering boards and seeing impact (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let coach: Page;
  let clientId: string;

  beforeAll(async () => {
    // A threshold of 3 inwoners, so three followed clients show figures and a smaller selection does not.
    stack = await startStack('e2e-wat-telt', { workers: false, env: { WAT_TELT_MIN_GROUP_SIZE: '3' } });
    browser = await launchBrowser();
    coach = await (await phoneContext(browser)).newPage();
    await loginExplained(coach, stack.webUrl, stack.org.users.wijkcoach);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lets a professional register a first board for a new client, moving the chips with the keyboard', async () => {
    await coach.goto(`${stack.webUrl}/`);
    await coach.getByRole('link', { name: /^Wat telt/ }).first().click();
    await coach.waitForURL(/\/wat-telt$/);
    await coach.getByLabel('Cliëntcode').fill('111222333');
    await coach.getByRole('button', { name: 'Cliënt aanmaken' }).click();
    await expect(coach.locator('#client-code-fout').innerText()).resolves.toContain('BSN');

    await coach.getByLabel('Cliëntcode').fill('e2e-0001');
    await coach.getByLabel('Wijk (niet verplicht)').selectOption({ label: 'Noord' });
    await coach.getByLabel('Team (niet verplicht)').fill('Team E2E');
    await coach.getByRole('button', { name: 'Cliënt aanmaken' }).click();
    await coach.waitForURL(/\/wat-telt\/[0-9a-f-]{36}\?melding=nieuw/);
    clientId = new URL(coach.url()).pathname.split('/')[2];
    await expect(coach.getByRole('status').innerText()).resolves.toContain('aangemaakt');
    expect(await seriousA11yViolations(coach)).toEqual([]);

    await coach.getByRole('link', { name: 'Eerste gesprek vastleggen' }).click();
    await coach.waitForURL(/\/bord$/);
    await coach.locator('#datum').fill('2026-01-15');
    await coach.locator('#rapportcijfer').fill('5');
    await coach.getByLabel('Financiën').check();
    // The place buttons only exist once the board runs with JavaScript.
    const placeInwoner = coach.getByRole('button', { name: 'Fiche Inwoner plaatsen (Financiën)' });
    await placeInwoner.focus();
    await coach.keyboard.press('Enter');
    await expect(coach.evaluate('document.activeElement.getAttribute("role")')).resolves.toBe('slider');
    await press(coach, 'ArrowLeft', 12); // 5.0 → 3.8
    expect(await sliderValue(coach, 'Fiche Inwoner, Financiën')).toBe(3.8);
    await expect(coach.getByRole('slider', { name: 'Fiche Inwoner, Financiën' }).getAttribute('aria-valuetext')).resolves.toBe('Inwoner: 3,8 van 10');

    await coach.getByRole('button', { name: 'Fiche Professional plaatsen (Financiën)' }).focus();
    await coach.keyboard.press('Enter');
    await press(coach, 'PageDown'); // 4.0
    await press(coach, 'ArrowUp', 2); // 4.2
    expect(await sliderValue(coach, 'Fiche Professional, Financiën')).toBe(4.2);

    await coach.locator('#doel-0-tekst').fill('Post elke week openen');
    await coach.locator('#doel-0-leefgebied').selectOption('financien');
    await coach.locator('#notitie').fill('Eerste gesprek aan de keukentafel.');
    expect(await seriousA11yViolations(coach)).toEqual([]);
    await coach.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await coach.waitForURL(/melding=opgeslagen/);
    await expect(coach.locator('table').innerText()).resolves.toContain('I 3,8 · P 4,2');
  });

  it('shows the previous chips ghosted on a follow-up board and records the change', async () => {
    await coach.getByRole('link', { name: 'Vervolggesprek vastleggen' }).click();
    await coach.waitForURL(/\/bord$/);
    // Financiën was chosen last time: it is chosen again, with last time's two chips behind the scale.
    await expect(coach.getByLabel('Financiën').isChecked()).resolves.toBe(true);
    const row = coach.locator('fieldset', { has: coach.getByLabel('Financiën') });
    await expect(row.locator('.wt-chip--ghost').count()).resolves.toBe(2);
    await expect(row.innerText()).resolves.toContain('Vorige keer');

    await coach.locator('#datum').fill('2026-04-15');
    await coach.locator('#rapportcijfer').fill('7');
    await coach.getByRole('button', { name: 'Fiche Inwoner plaatsen (Financiën)' }).focus();
    await coach.keyboard.press('Enter'); // starts where the inwoner was last time: 3.8
    expect(await sliderValue(coach, 'Fiche Inwoner, Financiën')).toBe(3.8);
    await press(coach, 'PageUp', 2);
    await press(coach, 'ArrowRight');
    expect(await sliderValue(coach, 'Fiche Inwoner, Financiën')).toBe(5.9);

    // The professional's chip is dragged with the pointer to about 60% of the scale.
    await coach.getByRole('button', { name: 'Fiche Professional plaatsen (Financiën)' }).click();
    const chip = coach.getByRole('slider', { name: 'Fiche Professional, Financiën' });
    const lane = chip.locator('xpath=..');
    const box = (await lane.boundingBox())!;
    const from = (await chip.boundingBox())!;
    await coach.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await coach.mouse.down();
    await coach.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 4 });
    await coach.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 4 });
    await coach.mouse.up();
    const dragged = await sliderValue(coach, 'Fiche Professional, Financiën');
    expect(dragged).toBeGreaterThanOrEqual(5.8);
    expect(dragged).toBeLessThanOrEqual(6.2);

    await coach.getByLabel('Post elke week openen').selectOption('bereikt');
    expect(await seriousA11yViolations(coach)).toEqual([]);
    await coach.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await coach.waitForURL(/melding=opgeslagen/);
    await expect(coach.locator('table').innerText()).resolves.toContain('I 5,9');

    const token = await login(stack.apiUrl, stack.org.users.wijkcoach.email, stack.org.users.wijkcoach.password);
    type Client = { watTeltClient: { measurements: { rapportcijfer: number; leefgebieden: { inwoner: number; professional: number }[] }[]; goals: { status: string; history: { status: string }[] }[] } };
    const stored = await gql<Client>(stack.apiUrl, CLIENT, { id: clientId }, { token, organisationId: stack.org.organisation.id });
    const [first, second] = stored.data!.watTeltClient.measurements;
    expect(first).toMatchObject({ rapportcijfer: 5, leefgebieden: [{ inwoner: 3.8, professional: 4.2 }] });
    expect(second).toMatchObject({ rapportcijfer: 7, leefgebieden: [{ inwoner: 5.9, professional: dragged }] });
    expect(stored.data!.watTeltClient.goals).toEqual([{ text: 'Post elke week openen', status: 'bereikt', history: [{ status: 'open' }, { status: 'bereikt' }] }]);
  });

  it('works as a plain form without JavaScript: numeric inputs, and Dutch messages per field', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'nl-NL' });
    const page = await context.newPage();
    await loginExplained(page, stack.webUrl, stack.org.users.wijkcoach);
    // Its own client, so the impact figures below stay about the three followed inwoners.
    const token = await login(stack.apiUrl, stack.org.users.wijkcoach.email, stack.org.users.wijkcoach.password);
    const created = await gql<{ createWatTeltClient: { id: string } }>(
      stack.apiUrl,
      'mutation($i: CreateWatTeltClientInput!) { createWatTeltClient(input: $i) { id } }',
      { i: { code: 'NOJS-01' } },
      { token, organisationId: stack.org.organisation.id },
    );
    await page.goto(`${stack.webUrl}/wat-telt/${created.data!.createWatTeltClient.id}/bord`);
    await expect(page.getByRole('slider').count()).resolves.toBe(0);
    await page.locator('#datum').fill('2026-05-01');
    await page.locator('#rapportcijfer').fill('8');
    await page.getByLabel('Financiën').check();
    await page.locator('#p-financien-inwoner').fill('12');
    await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.locator('#p-financien-inwoner-fout').innerText()).resolves.toContain('0 tot en met 10');
    // What was typed is still there, to correct.
    await expect(page.locator('#p-financien-inwoner').inputValue()).resolves.toBe('12');
    // A chosen leefgebied without any chip: the API refuses it, and says so next to the leefgebied.
    await page.locator('#p-financien-inwoner').fill('');
    await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.locator('#financien-fout').innerText()).resolves.toBe('Plaats minstens één fiche op de schaal.');
    await page.locator('#p-financien-inwoner').fill('6,4');
    await page.locator('#p-financien-professional').fill('6');
    await page.getByRole('button', { name: 'Gesprek opslaan' }).click();
    await page.waitForURL(/melding=opgeslagen/);
    await expect(page.locator('table').innerText()).resolves.toContain('I 6,4 · P 6,0');
    await context.close();
  });

  it('imports a CSV file: a bad row changes nothing, until only the good rows are chosen', async () => {
    const page = await (await laptopContext(browser)).newPage();
    await loginExplained(page, stack.webUrl, stack.org.users.wijkcoach);
    await page.goto(`${stack.webUrl}/wat-telt`);
    await page.getByRole('link', { name: /importeren/ }).click();
    await page.waitForURL(/\/wat-telt\/import$/);
    const csv = [HEADER, 'IMP-0100;12-02-2026;Zuid;;6;Wonen;6;5;;;;;', 'piet@example.nl;2026-02-12;;;6;wonen;6;;;;;;'].join('\n');
    await page.locator('#bestand').setInputFiles({ name: 'registraties.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Controleren en importeren' }).click();
    await page.getByRole('heading', { name: 'Verslag' }).waitFor();
    await expect(page.getByRole('status').innerText()).resolves.toContain('Er is niets geïmporteerd');
    const problems = await page.locator('table').innerText();
    expect(problems).toContain('3');
    expect(problems).toContain('e-mailadres');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const count = async () => (await stack.ds.query(`SELECT count(*)::int AS n FROM wat_telt_client WHERE organisation_id = $1 AND code = 'IMP-0100'`, [stack.org.organisation.id]))[0].n;
    expect(await count()).toBe(0);

    await page.getByRole('button', { name: 'Alleen de goede rijen importeren (1)' }).click();
    await page.getByRole('status').filter({ hasText: '1 gesprek(ken) geïmporteerd, 1 nieuwe cliënt(en)' }).waitFor();
    expect(await count()).toBe(1);
    await page.context().close();
  });

  it("shows a manager the change from 3 inwoners and 'te weinig gegevens' for a smaller selection, never client data", async () => {
    // Two more followed inwoners in the same team, imported through the real API: rapportcijfer +2 and −1.
    const token = await login(stack.apiUrl, stack.org.users.wijkcoach.email, stack.org.users.wijkcoach.password);
    const csv = [
      HEADER,
      'E2E-0002;2026-01-20;Noord;Team E2E;6;wonen;5;5;;;;;',
      'E2E-0002;2026-04-20;Noord;Team E2E;8;wonen;7;6;;;;;',
      'E2E-0003;2026-01-20;Noord;Team E2E;6;wonen;6;5;;;;;',
      'E2E-0003;2026-04-20;Noord;Team E2E;5;wonen;5,5;5;;;;;',
    ].join('\n');
    const imported = await gql<{ importWatTelt: { imported: boolean } }>(
      stack.apiUrl,
      'mutation($i: ImportWatTeltInput!) { importWatTelt(input: $i) { imported } }',
      { i: { csv } },
      { token, organisationId: stack.org.organisation.id },
    );
    expect(imported.data?.importWatTelt.imported).toBe(true);

    // An ErvaringenTafel in Noord with an agreed action: it shows on the impact page's time axis.
    const tafels = new TafelRepository(stack.ds);
    const tafel = await tafels.create(stack.org.organisation.id, {
      title: 'Tafel eenzaamheid',
      date: '2026-03-05',
      question: 'Wat helpt tegen eenzaamheid?',
      wijkId: stack.org.wijken[0].id,
      facilitatorUserId: stack.org.users.manager.id,
    });
    await tafels.addIntervention(stack.org.organisation.id, tafel.id, { action: 'Wekelijkse koffieochtend', owner: 'Team E2E', status: 'bezig', dueDate: null });

    const manager = await (await laptopContext(browser)).newPage();
    await loginExplained(manager, stack.webUrl, stack.org.users.manager);
    expect((await manager.goto(`${stack.webUrl}/wat-telt`))?.status()).toBe(403);

    await manager.goto(`${stack.webUrl}/impact`);
    await manager.getByLabel('Team').selectOption('Team E2E');
    await manager.getByRole('button', { name: 'Toon' }).click();
    await manager.waitForURL(/team=Team/);
    await expect(manager.locator('#gevolgd').innerText()).resolves.toBe('3 inwoners');
    // Changes −1, +2, +2: 2 of 3 improved, median +2, Q1 = −1 + 0.5 × 3 = +0.5, Q3 +2, mean +1.
    const rapport = await manager.locator('#verandering tr', { hasText: 'Rapportcijfer' }).innerText();
    expect(rapport.split('\t')).toEqual(['Rapportcijfer', '3', '67% (2)', '0% (0)', '33% (1)', '+2', '+0,5 tot +2', '+1']);
    await expect(manager.locator('main').innerText()).resolves.toContain('minstens 0,5 punt');
    expect(await manager.content()).not.toContain('E2E-000');
    expect(await seriousA11yViolations(manager)).toEqual([]);

    await expect(manager.locator('#interventies').innerText()).resolves.toBe('5 maart 2026 Tafel eenzaamheid: Wekelijkse koffieochtend (Bezig)');
    // The report of the same selection shows the same change, as PDF and as XLSX.
    const pdf = await downloadReport(manager, 'Download als PDF');
    expect(pdf.filename).toMatch(/^impactrapport-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdfRow(pdf.file, 'Rapportcijfer')).toEqual(['Rapportcijfer', '3', '2', '0', '1', '-1', '+0,5', '+2', '+2', '+2', '+1']);
    const xlsx = await downloadReport(manager, 'Download als Excel (XLSX)');
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(xlsx.file) as unknown as ArrayBuffer);
    expect((workbook.getWorksheet('Verandering')!.getRow(2).values as unknown[]).slice(1)).toEqual(['Rapportcijfer', 3, 2, 0, 1, -1, 0.5, 2, 2, 2, 1]);

    await manager.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Zuid' });
    await manager.getByRole('button', { name: 'Toon' }).click();
    await manager.waitForURL(new RegExp(`wijk=${stack.org.wijken[1].id}`));
    await expect(manager.locator('#gevolgd').innerText()).resolves.toBe('te weinig gegevens');
    await expect(manager.locator('#verandering tr', { hasText: 'Rapportcijfer' }).innerText()).resolves.toContain('te weinig gegevens');
    expect(await seriousA11yViolations(manager)).toEqual([]);
    expect(pdfRow((await downloadReport(manager, 'Download als PDF')).file, 'Rapportcijfer')).toEqual(['Rapportcijfer', 'te weinig gegevens']);
    await manager.context().close();
  });

  it('passes axe on every Wat telt page and on Impact, on a laptop and on a phone', async () => {
    const coachPages = await loggedInOnBothViewports(browser, stack.webUrl, stack.org.users.wijkcoach);
    const managerPages = await loggedInOnBothViewports(browser, stack.webUrl, stack.org.users.manager);
    try {
      const results = {
        ...(await a11yOnBothViewports(coachPages, stack.webUrl, '/wat-telt')),
        ...(await a11yOnBothViewports(coachPages, stack.webUrl, `/wat-telt/${clientId}`)),
        ...(await a11yOnBothViewports(coachPages, stack.webUrl, `/wat-telt/${clientId}/bord`)),
        ...(await a11yOnBothViewports(coachPages, stack.webUrl, '/wat-telt/import')),
        ...(await a11yOnBothViewports(coachPages, stack.webUrl, '/wat-telt/leefgebieden')),
        ...(await a11yOnBothViewports(managerPages, stack.webUrl, '/impact')),
      };
      for (const [where, violations] of Object.entries(results)) expect({ where, violations }).toEqual({ where, violations: [] });
    } finally {
      await coachPages.close();
      await managerPages.close();
    }
  });

  it("lets an admin replace the default leefgebieden by the organisation's own cards, keeping keys", async () => {
    const admin = await (await laptopContext(browser)).newPage();
    await loginExplained(admin, stack.webUrl, stack.org.users.admin);
    await admin.goto(`${stack.webUrl}/wat-telt/leefgebieden`);
    await expect(admin.locator('main').innerText()).resolves.toContain('Dit is de standaardlijst');
    await admin.getByLabel('Leefgebieden', { exact: true }).fill('financien = Geld en schulden\nwonen = Wonen\nMeedoen in de buurt');
    await admin.getByRole('button', { name: 'Lijst opslaan' }).click();
    await admin.waitForURL(/opgeslagen/);
    await expect(admin.locator('main').innerText()).resolves.toContain('eigen lijst met 3 leefgebieden');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    // The client's earlier conversations keep their leefgebied under the new name.
    await admin.goto(`${stack.webUrl}/wat-telt/${clientId}`);
    await expect(admin.locator('table').innerText()).resolves.toContain('Geld en schulden');
    await admin.goto(`${stack.webUrl}/wat-telt/${clientId}/bord`);
    await expect(admin.locator('fieldset legend').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['Geld en schulden', 'Wonen', 'Meedoen in de buurt']),
    );

    await admin.goto(`${stack.webUrl}/wat-telt/leefgebieden`);
    await admin.getByRole('button', { name: 'Terug naar de standaardlijst' }).click();
    await admin.waitForURL(/opgeslagen/);
    await expect(admin.locator('main').innerText()).resolves.toContain('Dit is de standaardlijst');
    await admin.context().close();
  });
});
