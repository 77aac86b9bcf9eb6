import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import type { DataSource } from 'typeorm';
import { TafelRepository } from '@vertelpunt/db';
import { seedProcessedStory } from '@vertelpunt/test/support/explorer-fixtures';
import { gql, login, openDataSource, seedTestOrganisation, startApi, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';

const IMPORT = `mutation($i: ImportWatTeltInput!) { importWatTelt(input: $i) { imported } }`;
const HEADER = 'clientcode;datum;wijk;team;rapportcijfer;leefgebied;inwoner;professional;derde;derde_rol;doel;doel_status;notitie';
const SIDE = `query($s: WatTeltImpactSelectionInput, $by: TrendPeriod) { watTeltStorySide(selection: $s, tagTrendsBy: $by) {
  tagTrends { by minGroupSize periods { key suppressed stories } tags { label taxonomy counts total } } interventions { id date action } } }`;
const EFFECT = `query($id: ID!, $s: WatTeltImpactSelectionInput, $m: Int) { watTeltInterventionEffect(interventionId: $id, selection: $s, months: $m) {
  intervention { id date tafel action } months minGroupSize minStories before { from to } after { from to }
  stories { suppressed before after archetypes { label countBefore countAfter verdict } tags { label countBefore countAfter shareBefore shareAfter verdict explanation } }
  rapportcijfer { suppressed inwonersBefore inwonersAfter measurementsBefore measurementsAfter meanBefore meanAfter verdict explanation }
  followed { suppressed n improved stable declined } summary } }`;

type Side = {
  watTeltStorySide: {
    tagTrends: { by: string; minGroupSize: number; periods: { key: string; suppressed: boolean; stories: number | null }[]; tags: { label: string; taxonomy: string; counts: (number | null)[]; total: number }[] };
    interventions: { id: string; date: string; action: string }[];
  };
};
const REPORT = `query($s: WatTeltImpactSelectionInput, $f: ImpactReportFormat!, $id: ID, $m: Int) {
  watTeltImpactReport(selection: $s, format: $f, interventionId: $id, months: $m) { contentBase64 } }`;
type Report = { watTeltImpactReport: { contentBase64: string } };

/** Cell values of a sheet, row by row (exceljs rows are 1-based with an empty first cell). */
const sheetRows = (workbook: Workbook, name: string) => {
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

type Effect = { watTeltInterventionEffect: Record<string, unknown> & { stories: Record<string, unknown>; summary: string[] } };

/**
 * Hand-calculated fixture, minimum group 3. Tafel "Geldzorgen" in Noord on 15 March 2026; with one month each side,
 * before is 15 Feb–14 Mar and after 16 Mar–15 Apr.
 *   Stories in Noord: before 20 Feb (Financiën), 1 Mar (Basishouding), 10 Mar (Basishouding); on the day itself (no
 *   tag, in neither window); after 20 Mar (Financiën + Basishouding), 25 Mar, 1 Apr, 10 Apr (Financiën). Also one in
 *   Zuid and one on 1 May (outside).
 *   Financiën: 1 of 3 before, 4 of 4 after: [[1,4],[2,0]] → Fisher, p = C(5,1)·C(2,2)/C(7,3) = 5/35 ≈ 0,14.
 *   Wat telt (Noord): W1 5 → 7 (+2), W2 6 → 6, W3 6 → 5 (−1), W4 4 on 5 Jan (outside) and 8 after.
 *   Before: 5, 6, 6 (3 inwoners, mean 5,67); after: 7, 6, 5, 8 (4 inwoners, mean 6,5); followed: +2, 0, −1.
 */
describe('Impact: tag trends and before/after around a Tafel intervention', () => {
  const config = testConfig('wat-telt-effect', { WAT_TELT_MIN_GROUP_SIZE: '3' });
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let manager: string;
  let coach: string;
  let interventionId: string;
  const as = (token: string) => ({ token, organisationId: org.organisation.id });

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds, ['wijkcoach', 'manager']);
    api = await startApi(config);
    [coach, manager] = await Promise.all([
      login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password),
      login(api.url, org.users.manager.email, org.users.manager.password),
    ]);
    const story = (wijk: number, day: string, tags: string[], archetypes = [0]) =>
      seedProcessedStory(ds, org, { redacted: { title: 'Een verhaal', text: 'Een verhaal uit de wijk.' }, wijk, tags, archetypes, toldAt: new Date(`${day}T10:00:00Z`) });
    const FIN = 'leefgebieden/financien';
    const BASIS = 'werkzame-elementen/basishouding';
    await story(0, '2026-02-20', [FIN]);
    await story(0, '2026-03-01', [BASIS]);
    await story(0, '2026-03-10', [BASIS], [1]);
    await story(0, '2026-03-15', []);
    await story(0, '2026-03-20', [FIN, BASIS], [1]);
    await story(0, '2026-03-25', [FIN], [1]);
    await story(0, '2026-04-01', [FIN], [1]);
    await story(0, '2026-04-10', [FIN]);
    await story(1, '2026-03-20', [FIN]);
    await story(0, '2026-05-01', [FIN]);
    const tafels = new TafelRepository(ds);
    const tafel = await tafels.create(org.organisation.id, { title: 'Geldzorgen', date: '2026-03-15', question: 'Wat leren we?', wijkId: org.wijken[0].id, facilitatorUserId: org.users.manager.id });
    await tafels.addIntervention(org.organisation.id, tafel.id, { action: 'Spreekuur schuldhulp in het buurthuis', owner: 'Team Noord', status: 'bezig', dueDate: null });
    const rows = [
      'W-1;2026-02-20;Noord;Team N;5;wonen;5;;;;;;',
      'W-1;2026-04-01;Noord;Team N;7;wonen;6;;;;;;',
      'W-2;2026-03-01;Noord;Team N;6;wonen;5;;;;;;',
      'W-2;2026-04-10;Noord;Team N;6;wonen;5;;;;;;',
      'W-3;2026-03-10;Noord;Team N;6;wonen;5;;;;;;',
      'W-3;2026-03-20;Noord;Team N;5;wonen;5;;;;;;',
      'W-4;2026-01-05;Noord;Team N;4;wonen;5;;;;;;',
      'W-4;2026-04-05;Noord;Team N;8;wonen;5;;;;;;',
      'W-5;2026-03-01;Zuid;Team Z;6;wonen;5;;;;;;',
    ];
    const imported = await gql<{ importWatTelt: { imported: boolean } }>(api.url, IMPORT, { i: { csv: [HEADER, ...rows].join('\n') } }, as(coach));
    expect(imported.data?.importWatTelt.imported).toBe(true);
    const side = await gql<Side>(api.url, SIDE, { s: { wijkId: org.wijken[0].id } }, as(manager));
    interventionId = side.data!.watTeltStorySide.interventions[0].id;
  });
  afterAll(async () => {
    await api?.app.close();
    await ds?.destroy();
  });

  it('counts tags per month and per quarter, with the months below the minimum group suppressed', async () => {
    const selection = { from: '2026-02-01', to: '2026-04-30', wijkId: org.wijken[0].id };
    const byMonth = await gql<Side>(api.url, SIDE, { s: selection }, as(manager));
    expect(byMonth.errors).toBeUndefined();
    // February 1 story and April 2: below 3, so only March (5 stories) shows figures.
    expect(byMonth.data!.watTeltStorySide.tagTrends).toEqual({
      by: 'MONTH',
      minGroupSize: 3,
      periods: [
        { key: '2026-02', suppressed: true, stories: null },
        { key: '2026-03', suppressed: false, stories: 5 },
        { key: '2026-04', suppressed: true, stories: null },
      ],
      tags: [
        { label: 'Financiën', taxonomy: 'Leefgebieden (Wat telt)', counts: [null, 2, null], total: 2 },
        { label: 'Basishouding', taxonomy: 'Werkzame elementen', counts: [null, 3, null], total: 3 },
      ],
    });
    const byQuarter = await gql<Side>(api.url, SIDE, { s: selection, by: 'QUARTER' }, as(manager));
    expect(byQuarter.data!.watTeltStorySide.tagTrends.periods).toEqual([
      { key: '2026-K1', suppressed: false, stories: 6 },
      { key: '2026-K2', suppressed: true, stories: null },
    ]);
    expect(byQuarter.data!.watTeltStorySide.tagTrends.tags.map((t) => [t.label, t.counts])).toEqual([
      ['Financiën', [3, null]],
      ['Basishouding', [3, null]],
    ]);
  });

  it('compares stories and Wat telt before and after the intervention, with a verdict in plain Dutch', async () => {
    const res = await gql<Effect>(api.url, EFFECT, { id: interventionId, s: { wijkId: org.wijken[0].id }, m: 1 }, as(manager));
    expect(res.errors).toBeUndefined();
    const effect = res.data!.watTeltInterventionEffect;
    expect(effect).toMatchObject({
      intervention: { id: interventionId, date: '2026-03-15', tafel: 'Geldzorgen', action: 'Spreekuur schuldhulp in het buurthuis' },
      months: 1,
      // MIN_GROUP_SIZE (stories) is unset, so it follows WAT_TELT_MIN_GROUP_SIZE.
      minGroupSize: 3,
      minStories: 3,
      before: { from: '2026-02-15', to: '2026-03-14' },
      after: { from: '2026-03-16', to: '2026-04-15' },
      stories: { suppressed: false, before: 3, after: 4 },
      rapportcijfer: { suppressed: false, inwonersBefore: 3, inwonersAfter: 4, measurementsBefore: 3, measurementsAfter: 4, meanBefore: 17 / 3, meanAfter: 6.5, verdict: 'too-few' },
      followed: { suppressed: false, n: 3, improved: 1, stable: 1, declined: 1 },
    });
    const tags = effect.stories.tags as { label: string }[];
    expect(tags.find((t) => t.label === 'Financiën')).toEqual({
      label: 'Financiën',
      countBefore: 1,
      countAfter: 4,
      shareBefore: 1 / 3,
      shareAfter: 1,
      verdict: 'could-be-chance',
      explanation: 'Dit verschil kan goed toeval zijn (p = 0,14).',
    });
    expect(tags.find((t) => t.label === 'Basishouding')).toMatchObject({ countBefore: 2, countAfter: 1 });
    expect(effect.summary).toEqual([
      'Verhalen: geen archetype of tag komt na de interventie duidelijk vaker of minder vaak voor dan ervoor (3 verhalen vóór, 4 na).',
      'Rapportcijfer: na de interventie gemiddeld 6,5, ervoor 5,7 (hoger; 4 en 3 inwoners). Te weinig metingen om te zeggen of dit verschil toeval is.',
      'Van de 3 inwoners met een gesprek vóór én na gaf 33% na de interventie een hoger rapportcijfer, 33% hetzelfde en 33% een lager.',
      'Dit laat zien wat er rond de interventie veranderde, niet dat de interventie de oorzaak is.',
    ]);
  });

  it('says "te weinig gegevens" for a selection below the minimum, and refuses what it should', async () => {
    const zuid = await gql<Effect>(api.url, EFFECT, { id: interventionId, s: { wijkId: org.wijken[1].id }, m: 1 }, as(manager));
    expect(zuid.data!.watTeltInterventionEffect).toMatchObject({
      stories: { suppressed: true, before: null, after: null, tags: null },
      rapportcijfer: { suppressed: true, meanBefore: null },
      followed: { suppressed: true, n: null },
      summary: ['Te weinig gegevens: vóór of na de interventie zijn er minder dan 3 verhalen en minder dan 3 gemeten inwoners.'],
    });
    const tooLong = await gql(api.url, EFFECT, { id: interventionId, m: 13 }, as(manager));
    expect(tooLong.errors?.[0]).toMatchObject({ message: 'Kies een periode van 1 tot en met 12 maanden voor en na de interventie.', extensions: { code: 'BAD_USER_INPUT' } });
    const unknown = await gql(api.url, EFFECT, { id: '00000000-0000-4000-8000-000000000000' }, as(manager));
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const coachAsks = await gql(api.url, EFFECT, { id: interventionId }, as(coach));
    expect(coachAsks.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('puts the tag trends, the interventions and the chosen before/after in the XLSX and the PDF report', async () => {
    const variables = (f: 'XLSX' | 'PDF') => ({ s: { from: '2026-02-01', to: '2026-04-30', wijkId: org.wijken[0].id }, f, id: interventionId, m: 1 });
    const xlsx = await gql<Report>(api.url, REPORT, variables('XLSX'), as(manager));
    expect(xlsx.errors).toBeUndefined();
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.data!.watTeltImpactReport.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(sheetRows(workbook, 'Tags per maand')).toEqual([
      ['Tag', 'Soort', 'feb 2026', 'mrt 2026', 'apr 2026', 'Totaal'],
      ['Verhalen', '', 'te weinig gegevens', 5, 'te weinig gegevens', ''],
      ['Financiën', 'Leefgebieden (Wat telt)', 'te weinig gegevens', 2, 'te weinig gegevens', 2],
      ['Basishouding', 'Werkzame elementen', 'te weinig gegevens', 3, 'te weinig gegevens', 3],
    ]);
    expect(sheetRows(workbook, 'Interventies')[1]).toEqual(['15 maart 2026', 'Geldzorgen', 'Spreekuur schuldhulp in het buurthuis', 'Team Noord', 'Bezig']);
    const effect = sheetRows(workbook, 'Vóór en na');
    expect(effect[0]).toEqual(['Interventie', 'Spreekuur schuldhulp in het buurthuis (Geldzorgen, 15 maart 2026)']);
    expect(effect.filter((r) => r[0] === 'Oordeel').map((r) => r[1])).toHaveLength(4);
    expect(effect.find((r) => r[0] === 'Financiën')).toEqual(['Financiën', '1 (33%)', '4 (100%)', 'Dit verschil kan goed toeval zijn (p = 0,14).']);

    const pdf = await gql<Report>(api.url, REPORT, variables('PDF'), as(manager));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'vp-effect-')), 'rapport.pdf');
    writeFileSync(file, Buffer.from(pdf.data!.watTeltImpactReport.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Tags per maand');
    const line = (label: string) => text.split('\n').find((l) => l.trim().startsWith(label))!.trim().split(/\s{2,}/);
    expect(line('Basishouding (Werkzame elementen)')).toEqual(['Basishouding (Werkzame elementen)', '–', '3', '–', '3']);
    expect(text).toContain('15 maart 2026 — Geldzorgen: Spreekuur schuldhulp in het buurthuis (Team Noord, Bezig)');
    expect(text).toContain('Vóór en na een interventie');
    expect(text.replace(/\s+/g, ' ')).toContain('Dit laat zien wat er rond de interventie veranderde, niet dat de interventie de oorzaak is.');

    // Without a chosen intervention the report has no before/after part.
    const plain = await gql<Report>(api.url, REPORT, { ...variables('XLSX'), id: null, m: null }, as(manager));
    const plainBook = new Workbook();
    await plainBook.xlsx.load(Buffer.from(plain.data!.watTeltImpactReport.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(plainBook.getWorksheet('Vóór en na')).toBeUndefined();
  });
});
