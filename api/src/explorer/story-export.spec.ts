import { Workbook } from 'exceljs';
import type { ExplorerExportRow } from '@vertelpunt/db';
import { storiesToCsv, storiesToXlsx } from './story-export';

const row = (over: Partial<ExplorerExportRow> = {}): ExplorerExportRow => ({
  id: '11111111-1111-4111-8111-111111111111',
  title: 'Mevrouw [NAAM] en de post',
  excerpt: 'Mevrouw',
  text: 'Ze zei: "ik durf niet"; daarna\nbelden we samen.',
  status: 'READY',
  tellerKind: 'wijkcoach',
  toldAt: new Date('2026-03-10T10:00:00Z'),
  createdAt: new Date('2026-03-10T10:00:00Z'),
  wordCount: 9,
  durationSeconds: null,
  wijk: { id: 'w', label: 'Noord' },
  vertelpunt: { id: 'v', label: 'Verhalen van wijkcoaches' },
  archetypes: [{ id: 'a', label: 'De doorzetter' }],
  tags: [{ id: 't', label: 'Financiën', taxonomyKey: 'leefgebieden', taxonomyName: 'Leefgebieden' }],
  ...over,
});

describe('story export', () => {
  it('writes CSV with semicolons, quotes and a BOM that Dutch Excel reads', () => {
    const csv = storiesToCsv([row()]).toString('utf8');
    expect(csv.startsWith('\uFEFFId;Titel;Tekst (geanonimiseerd);')).toBe(true);
    expect(csv).toContain('"Ze zei: ""ik durf niet""; daarna\nbelden we samen."');
    expect(csv).toContain(';Noord;Verhalen van wijkcoaches;De doorzetter;Leefgebieden: Financiën;9;;READY');
  });

  it('keeps cells that look like formulas as text', () => {
    const csv = storiesToCsv([row({ title: '=HYPERLINK("x")' })]).toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes an XLSX workbook with a header row and one row per story', async () => {
    const buffer = await storiesToXlsx([row(), row({ id: '2', title: 'Tweede' })]);
    const workbook = new Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Verhalen')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(2).value).toBe('Titel');
    expect(sheet.getRow(3).getCell(2).value).toBe('Tweede');
    expect(String(sheet.getRow(2).getCell(3).value)).toContain('durf niet');
  });
});
