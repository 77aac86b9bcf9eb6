import { Workbook } from 'exceljs';
import type { ExplorerExportRow } from '@vertelpunt/db';

export type ExportFormat = 'CSV' | 'XLSX';

const COLUMNS: { header: string; width: number; value: (r: ExplorerExportRow) => string | number | null }[] = [
  { header: 'Id', width: 38, value: (r) => r.id },
  { header: 'Titel', width: 40, value: (r) => r.title },
  { header: 'Tekst (geanonimiseerd)', width: 90, value: (r) => r.text },
  { header: 'Verteld op', width: 12, value: (r) => r.toldAt.toISOString().slice(0, 10) },
  { header: 'Verteller', width: 12, value: (r) => r.tellerKind },
  { header: 'Wijk', width: 18, value: (r) => r.wijk?.label ?? null },
  { header: 'Vertelpunt', width: 28, value: (r) => r.vertelpunt.label },
  { header: 'Archetypen', width: 30, value: (r) => r.archetypes.map((a) => a.label).join(', ') },
  { header: 'Tags', width: 50, value: (r) => r.tags.map((t) => `${t.taxonomyName}: ${t.label}`).join(', ') },
  { header: 'Woorden', width: 10, value: (r) => r.wordCount },
  { header: 'Duur (seconden)', width: 14, value: (r) => r.durationSeconds },
  { header: 'Status', width: 10, value: (r) => r.status },
];

/** A cell that starts like a formula would run in Excel (CSV injection); a leading apostrophe keeps it text. */
const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const csvCell = (value: string | number | null) => {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Semicolons and a byte-order mark: what Dutch Excel opens correctly with a double-click. */
export const storiesToCsv = (rows: ExplorerExportRow[]): Buffer => {
  const lines = [COLUMNS.map((c) => csvCell(c.header)), ...rows.map((r) => COLUMNS.map((c) => csvCell(c.value(r))))];
  return Buffer.from(`\uFEFF${lines.map((l) => l.join(';')).join('\r\n')}\r\n`, 'utf8');
};

export const storiesToXlsx = async (rows: ExplorerExportRow[]): Promise<Buffer> => {
  const workbook = new Workbook();
  workbook.creator = 'Vertelpunt';
  const sheet = workbook.addWorksheet('Verhalen', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow(COLUMNS.map((c) => {
      const v = c.value(r);
      return typeof v === 'string' ? neutralise(v) : v;
    }));
  }
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

export const EXPORT_MIME: Record<ExportFormat, string> = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const exportFilename = (format: ExportFormat, now: Date) => `verhalen-${now.toISOString().slice(0, 10)}.${format.toLowerCase()}`;
