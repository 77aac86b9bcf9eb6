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

const IMPORT = `mutation($i: ImportWatTeltInput!) { importWatTelt(input: $i) { imported measurementsImported } }`;
const REPORT = `query($s: WatTeltImpactSelectionInput, $f: ImpactReportFormat!) { watTeltImpactReport(selection: $s, format: $f) { filename mimeType contentBase64 } }`;
const HEADER = 'clientcode;datum;wijk;team;rapportcijfer;leefgebied;inwoner;professional;derde;derde_rol;doel;doel_status;notitie';
type Report = { watTeltImpactReport: { filename: string; mimeType: string; contentBase64: string } };

/** Cell values of a sheet, row by row (exceljs rows are 1-based with an empty first cell). */
const sheetRows = (workbook: Workbook, name: string) => {
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('Wat telt impact report (XLSX and PDF)', () => {
  // A low threshold so three inwoners show figures; the goals (one inwoner) stay suppressed.
  const config = testConfig('wat-telt-report', { WAT_TELT_MIN_GROUP_SIZE: '3' });
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let manager: string;
  let coach: string;
  const as = (token: string) => ({ token, organisationId: org.organisation.id });
  const report = async (selection: Record<string, string>, format: 'XLSX' | 'PDF') => {
    const res = await gql<Report>(api.url, REPORT, { s: selection, f: format }, as(manager));
    expect(res.errors).toBeUndefined();
    return { ...res.data!.watTeltImpactReport, content: Buffer.from(res.data!.watTeltImpactReport.contentBase64, 'base64') };
  };
  const pdfText = (content: Buffer) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'vp-impact-')), 'rapport.pdf');
    writeFileSync(file, content);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  };

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds, ['wijkcoach', 'manager']);
    api = await startApi(config);
    [coach, manager] = await Promise.all([
      login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password),
      login(api.url, org.users.manager.email, org.users.manager.password),
    ]);
    // Noord/Team Impact: rapportcijfer +2, 0, −1; Sociale contacten +3, +0,2, −1. Zuid: one inwoner, one conversation.
    const rows = [
      'IMPACT-1;2026-01-10;Noord;Team Impact;5;sociale-contacten;3;4;;;Elke week iemand spreken;open;',
      'IMPACT-1;2026-05-10;Noord;Team Impact;7;sociale-contacten;6;5;;;;;',
      'IMPACT-2;2026-01-10;Noord;Team Impact;6;sociale-contacten;5;5;;;;;',
      'IMPACT-2;2026-05-10;Noord;Team Impact;6;sociale-contacten;5,2;5;;;;;',
      'IMPACT-3;2026-01-10;Noord;Team Impact;6;sociale-contacten;7;5;;;;;',
      'IMPACT-3;2026-05-10;Noord;Team Impact;5;sociale-contacten;6;6;;;;;',
      'IMPACT-4;2026-02-10;Zuid;Team Zuid;4;wonen;4;5;;;;;',
    ];
    const res = await gql<{ importWatTelt: { imported: boolean } }>(api.url, IMPORT, { i: { csv: [HEADER, ...rows].join('\n') } }, as(coach));
    expect(res.data?.importWatTelt.imported).toBe(true);
  });
  afterAll(async () => {
    await api?.app.close();
    await ds?.destroy();
  });

  it('writes the figures, the rules and "te weinig gegevens" in every suppressed cell of the XLSX', async () => {
    const file = await report({ from: '2026-01-01', to: '2026-06-30', wijkId: org.wijken[0].id }, 'XLSX');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.filename).toMatch(/^impactrapport-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);

    const about = Object.fromEntries(sheetRows(workbook, 'Toelichting').map((r) => [r[0], r[1]]));
    expect(about).toMatchObject({ Periode: '1 januari 2026 t/m 30 juni 2026', Wijk: 'Noord', Team: 'alle teams', 'Inwoners met 2 of meer metingen': 3 });
    expect(about['Drempel voor verandering']).toMatch(/^0,5 punt/);
    expect(about['Kleine groepen']).toContain('minder dan 3 inwoners');

    const change = sheetRows(workbook, 'Verandering');
    expect(change[0]).toEqual(['Onderwerp', 'Aantal inwoners', 'Verbeterd', 'Gelijk', 'Verslechterd', 'Laagste', 'Q1', 'Mediaan', 'Q3', 'Hoogste', 'Gemiddeld']);
    // Rapportcijfer +2, 0, −1: Q1 −0,5, median 0, Q3 1, mean 0,33. Sociale contacten +3, +0,2, −1.
    expect(change[1]).toEqual(['Rapportcijfer', 3, 1, 1, 1, -1, -0.5, 0, 1, 2, 0.33]);
    expect(change[2]).toEqual(['Sociale contacten', 3, 1, 1, 1, -1, -0.4, 0.2, 1.6, 3, 0.73]);
    // One inwoner with goals: every cell suppressed.
    expect(sheetRows(workbook, 'Doelen')[1]).toEqual(Array.from({ length: 6 }, () => 'te weinig gegevens'));
    // Latest gaps: 6−5 = +1, 5,2−5 = +0,2, 6−6 = 0.
    expect(sheetRows(workbook, 'Inwoner min professional')[1]).toEqual(['Sociale contacten', 3, 0, 0.1, 0.2, 0.6, 1, 0.4]);

    // Zuid: one inwoner, so every figure reads "te weinig gegevens" and no number is left.
    const zuid = new Workbook();
    await zuid.xlsx.load((await report({ wijkId: org.wijken[1].id }, 'XLSX')).content as unknown as ArrayBuffer);
    expect(sheetRows(zuid, 'Toelichting').find((r) => r[0] === 'Inwoners met 2 of meer metingen')?.[1]).toBe('te weinig gegevens');
    expect(sheetRows(zuid, 'Verandering')[1]).toEqual(['Rapportcijfer', ...Array.from({ length: 10 }, () => 'te weinig gegevens')]);
    expect(sheetRows(zuid, 'Doelen')[1]).toEqual(Array.from({ length: 6 }, () => 'te weinig gegevens'));
  });

  it('prints the same figures and suppression in the PDF, and only managers and admins get it', async () => {
    const file = await report({ from: '2026-01-01', to: '2026-06-30', wijkId: org.wijken[0].id }, 'PDF');
    expect(file.mimeType).toBe('application/pdf');
    const text = pdfText(file.content);
    expect(text).toContain('Impactrapport Wat telt');
    expect(text).toContain('Periode: 1 januari 2026 t/m 30 juni 2026');
    expect(text).toContain('Wijk: Noord');
    expect(text).toMatch(/Drempel voor verandering: 0,5 punt/);
    expect(text).toMatch(/minder dan 3 inwoners/);
    const line = (label: string) => text.split('\n').find((l) => l.trim().startsWith(label))!.trim().split(/\s{2,}/);
    expect(line('Rapportcijfer')).toEqual(['Rapportcijfer', '3', '1', '1', '1', '-1', '-0,5', '0', '+1', '+2', '+0,33']);
    expect(line('Sociale contacten')).toEqual(['Sociale contacten', '3', '1', '1', '1', '-1', '-0,4', '+0,2', '+1,6', '+3', '+0,73']);
    expect(line('Alle doelen')).toEqual(['Alle doelen', 'te weinig gegevens']);

    const zuid = pdfText((await report({ wijkId: org.wijken[1].id }, 'PDF')).content);
    expect(zuid).toContain('Wijk: Zuid');
    expect(zuid).toMatch(/Inwoners met 2 of meer metingen: te weinig gegevens/);
    expect(zuid.split('\n').find((l) => l.trim().startsWith('Rapportcijfer'))?.trim().split(/\s{2,}/)).toEqual(['Rapportcijfer', 'te weinig gegevens']);

    const refused = await gql(api.url, REPORT, { s: {}, f: 'PDF' }, as(coach));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Every report that left the system is in the audit log: who, which format and selection — not the figures.
    const audited: { details: Record<string, unknown>; actor_user_id: string }[] = await ds.query(
      `SELECT details, actor_user_id FROM audit_event WHERE organisation_id = $1 AND action = 'impact.report-exported' ORDER BY created_at`,
      [org.organisation.id],
    );
    expect(audited.length).toBeGreaterThanOrEqual(2);
    expect(audited.every((a) => a.actor_user_id === org.users.manager.id)).toBe(true);
    expect(audited.map((a) => a.details.format)).toContain('PDF');
    expect(JSON.stringify(audited)).not.toContain('Rapportcijfer');
  });

  it('puts the story side next to it: stories per month, archetypes and Tafel interventions of the period and wijk', async () => {
    const story = (wijk: number, toldAt: string, archetypes: number[]) =>
      seedProcessedStory(ds, org, { redacted: { title: 'Een verhaal', text: 'Een verhaal uit de wijk.' }, wijk, archetypes, toldAt: new Date(`${toldAt}T10:00:00Z`) });
    await story(0, '2026-02-03', [0]);
    await story(0, '2026-02-20', [0, 1]);
    await story(0, '2026-03-09', [1]);
    await story(1, '2026-02-10', [0]); // Zuid
    await story(0, '2025-11-10', [0]); // before the period
    const tafels = new TafelRepository(ds);
    const tafel = async (title: string, date: string, wijkId: string | null, actions: string[]) => {
      const t = await tafels.create(org.organisation.id, { title, date, question: 'Wat leren we?', wijkId, facilitatorUserId: org.users.manager.id });
      for (const action of actions) await tafels.addIntervention(org.organisation.id, t.id, { action, owner: 'Team Noord', status: 'bezig', dueDate: null });
    };
    await tafel('Tafel geldzorgen', '2026-03-15', org.wijken[0].id, ['Spreekuur schuldhulp in het buurthuis', 'Folder in eenvoudige taal']);
    await tafel('Tafel voor iedereen', '2026-04-01', null, ['Wijkcoaches delen hun agenda']);
    await tafel('Tafel Zuid', '2026-03-20', org.wijken[1].id, ['Alleen voor Zuid']);
    await tafel('Tafel vorig jaar', '2025-10-01', org.wijken[0].id, ['Te vroeg']);

    const query = `query($s: WatTeltImpactSelectionInput) { watTeltStorySide(selection: $s) { months { month stories } archetypes { label stories } interventions { date tafel action status } } }`;
    type Side = { watTeltStorySide: { months: unknown[]; archetypes: { label: string; stories: number }[]; interventions: { date: string; tafel: string; action: string }[] } };
    const res = await gql<Side>(api.url, query, { s: { from: '2026-01-01', to: '2026-06-30', wijkId: org.wijken[0].id } }, as(manager));
    expect(res.errors).toBeUndefined();
    const side = res.data!.watTeltStorySide;
    expect(side.months).toEqual([{ month: '2026-02', stories: 2 }, { month: '2026-03', stories: 1 }]);
    const setId = org.versions.wijkcoach.questions.find((q) => q.type === 'archetype')!;
    const ids = org.archetypeIdsInSet((setId as { archetypeSetId: string }).archetypeSetId);
    const names: { id: string; name: string }[] = await ds.query('SELECT id, name FROM archetype WHERE id = ANY($1)', [ids.slice(0, 2)]);
    const name = (i: number) => names.find((n) => n.id === ids[i])!.name;
    expect(side.archetypes).toEqual(expect.arrayContaining([{ label: name(0), stories: 2 }, { label: name(1), stories: 2 }]));
    expect(side.archetypes).toHaveLength(2);
    expect(side.interventions).toEqual([
      { date: '2026-03-15', tafel: 'Tafel geldzorgen', action: 'Spreekuur schuldhulp in het buurthuis', status: 'bezig' },
      { date: '2026-03-15', tafel: 'Tafel geldzorgen', action: 'Folder in eenvoudige taal', status: 'bezig' },
      { date: '2026-04-01', tafel: 'Tafel voor iedereen', action: 'Wijkcoaches delen hun agenda', status: 'bezig' },
    ]);
    const refused = await gql(api.url, query, { s: {} }, as(coach));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
