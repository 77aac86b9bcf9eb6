import { Workbook } from 'exceljs';
import PDFDocument from 'pdfkit';
import { TOO_LITTLE_DATA } from '@vertelpunt/domain';
import type { ChangeFigureModel, WatTeltImpactModel } from './wat-telt.model';

/**
 * The impact report (XLSX and PDF) for one selection. It is made from the API's own impact result, after
 * suppression, so a figure over too few inwoners reads "te weinig gegevens" here exactly as on the screen.
 */
export type ImpactReportFormat = 'XLSX' | 'PDF';

export type ImpactReportInput = {
  impact: WatTeltImpactModel;
  from: string | null;
  to: string | null;
  wijkName: string | null;
  team: string | null;
  madeOn: string;
};

export const REPORT_MIME: Record<ImpactReportFormat, string> = {
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PDF: 'application/pdf',
};

export const reportFilename = (format: ImpactReportFormat, madeOn: string) => `impactrapport-${madeOn}.${format.toLowerCase()}`;

const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const signed = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const dutchDate = (iso: string) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

const period = ({ from, to }: ImpactReportInput) =>
  from && to ? `${dutchDate(from)} t/m ${dutchDate(to)}` : from ? `vanaf ${dutchDate(from)}` : to ? `tot en met ${dutchDate(to)}` : 'alle metingen';

/** The lines that say what the report is about and which rules it follows. */
export const reportIntro = (input: ImpactReportInput): [string, string][] => [
  ['Periode', period(input)],
  ['Wijk', input.wijkName ?? 'alle wijken'],
  ['Team', input.team ?? 'alle teams'],
  ['Gemaakt op', dutchDate(input.madeOn)],
  [
    'Drempel voor verandering',
    `${decimal.format(input.impact.threshold)} punt: een verandering van minstens ${decimal.format(input.impact.threshold)} omhoog telt als verbeterd, omlaag als verslechterd; minder telt als gelijk gebleven.`,
  ],
  [
    'Kleine groepen',
    `Een cijfer over minder dan ${input.impact.minGroupSize} inwoners wordt niet getoond: daar staat "${TOO_LITTLE_DATA}".`,
  ],
  ['Vergelijking', 'Per inwoner de eerste en de laatste meting in de periode; inwoners met minstens 2 metingen.'],
];

const CHANGE_HEADERS = ['Onderwerp', 'Aantal inwoners', 'Verbeterd', 'Gelijk', 'Verslechterd', 'Laagste', 'Q1', 'Mediaan', 'Q3', 'Hoogste', 'Gemiddeld'];
const GOAL_HEADERS = ['Inwoners met doelen', 'Doelen', 'Open', 'Bezig', 'Bereikt', 'Gestopt'];
const GAP_HEADERS = ['Leefgebied', 'Aantal inwoners', 'Laagste', 'Q1', 'Mediaan', 'Q3', 'Hoogste', 'Gemiddeld'];

type Cell = string | number;

const changeRows = (impact: WatTeltImpactModel): { label: string; figure: ChangeFigureModel }[] => [
  { label: 'Rapportcijfer', figure: impact.rapportcijfer },
  ...impact.leefgebieden.map((l) => ({ label: l.label, figure: l.change })),
];

/** Figures as numbers; `null` for a suppressed figure (every cell then reads "te weinig gegevens"). */
const changeCells = (figure: ChangeFigureModel): number[] | null => {
  if (figure.suppressed || figure.n === undefined) return null;
  const d = figure.distribution;
  return [figure.n, figure.improved ?? 0, figure.stable ?? 0, figure.declined ?? 0, ...(d ? [d.min, d.q1, d.median, d.q3, d.max, d.mean] : [])];
};

const gapCells = (gap: WatTeltImpactModel['perspectiveGap'][number]): number[] | null => {
  if (gap.suppressed || gap.n === undefined) return null;
  const d = gap.distribution;
  return [gap.n, ...(d ? [d.min, d.q1, d.median, d.q3, d.max, d.mean] : [])];
};

const goalCells = (goals: WatTeltImpactModel['goals']): number[] | null =>
  goals.suppressed ? null : [goals.inwoners ?? 0, goals.total ?? 0, goals.open ?? 0, goals.bezig ?? 0, goals.bereikt ?? 0, goals.gestopt ?? 0];

const orTooLittle = (cells: number[] | null, width: number): Cell[] => cells ?? Array.from({ length: width }, () => TOO_LITTLE_DATA);

export const impactToXlsx = async (input: ImpactReportInput): Promise<Buffer> => {
  const { impact } = input;
  const workbook = new Workbook();
  workbook.creator = 'Vertelpunt';
  const about = workbook.addWorksheet('Toelichting');
  about.columns = [{ width: 26 }, { width: 100 }];
  about.addRow(['Impactrapport Wat telt']).font = { bold: true, size: 14 };
  for (const line of reportIntro(input)) about.addRow(line);
  const followed = impact.inwonersWithFollowUp;
  about.addRow(['Inwoners met 2 of meer metingen', followed.suppressed ? TOO_LITTLE_DATA : (followed.value ?? 0)]);

  const table = (name: string, headers: string[], rows: Cell[][], widths: number[]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 14 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
  };
  table(
    'Verandering',
    CHANGE_HEADERS,
    changeRows(impact).map(({ label, figure }) => [label, ...orTooLittle(changeCells(figure), CHANGE_HEADERS.length - 1)]),
    [30],
  );
  table('Doelen', GOAL_HEADERS, [orTooLittle(goalCells(impact.goals), GOAL_HEADERS.length)], [20]);
  table(
    'Inwoner min professional',
    GAP_HEADERS,
    impact.perspectiveGap.map((gap) => [gap.label, ...orTooLittle(gapCells(gap), GAP_HEADERS.length - 1)]),
    [30],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

// DejaVu covers Dutch (ë, ï, é) and is embedded, so the PDF prints the same everywhere.
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const MARGIN = 40;

/** A table with a label column; a suppressed row says "te weinig gegevens" once across its figure columns. */
const pdfTable = (doc: PDFKit.PDFDocument, headers: string[], rows: { cells: Cell[] | null; label: string }[], labelWidth: number) => {
  const width = doc.page.width - 2 * MARGIN;
  const column = (width - labelWidth) / (headers.length - 1);
  const x = (i: number) => (i === 0 ? MARGIN : MARGIN + labelWidth + (i - 1) * column);
  const line = (cells: string[], font: 'regular' | 'bold') => {
    if (doc.y > doc.page.height - MARGIN - 30) doc.addPage();
    const top = doc.y;
    doc.font(font).fontSize(font === 'bold' ? 7.5 : 8.5);
    let bottom = top;
    cells.forEach((text, i) => {
      const cellWidth = i === 0 ? labelWidth - 6 : cells.length === 2 ? width - labelWidth : column - 4;
      doc.text(text, x(i), top, { width: cellWidth, align: i === 0 ? 'left' : cells.length === 2 ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = MARGIN;
    doc.y = bottom + 3;
  };
  line(headers, 'bold');
  for (const row of rows) {
    if (!row.cells) line([row.label, TOO_LITTLE_DATA], 'regular');
    else line([row.label, ...row.cells.map((c) => (typeof c === 'number' ? String(c) : c))], 'regular');
  }
  doc.moveDown(0.8);
};

const shown = (cells: number[] | null, signedFrom: number) =>
  cells ? cells.map((value, i) => (i >= signedFrom ? signed.format(value) : decimal.format(value))) : null;

export const impactToPdf = (input: ImpactReportInput): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const { impact } = input;
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: 'Impactrapport Wat telt', Author: 'Vertelpunt' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', FONT);
    doc.registerFont('bold', FONT_BOLD);
    const width = doc.page.width - 2 * MARGIN;

    doc.font('bold').fontSize(18).text('Impactrapport Wat telt', { width });
    doc.moveDown(0.4).fontSize(10);
    for (const [label, text] of reportIntro(input)) {
      doc.font('bold').text(`${label}: `, { continued: true, width }).font('regular').text(text);
    }
    const followed = impact.inwonersWithFollowUp;
    doc.font('bold').text('Inwoners met 2 of meer metingen: ', { continued: true, width }).font('regular').text(followed.suppressed ? TOO_LITTLE_DATA : String(followed.value ?? 0));

    doc.moveDown(0.8).font('bold').fontSize(13).text('Verandering tussen eerste en laatste meting', { width });
    doc.font('regular').fontSize(9).text('Verandering in punten (rapportcijfer 1–10, leefgebieden 0–10); Q1 en Q3: het kwart laagste en hoogste veranderingen.', { width });
    doc.moveDown(0.4);
    pdfTable(
      doc,
      CHANGE_HEADERS,
      changeRows(impact).map(({ label, figure }) => ({ label, cells: shown(changeCells(figure), 4) })),
      150,
    );
    doc.font('bold').fontSize(13).text('Doelen', MARGIN, doc.y, { width });
    doc.moveDown(0.4);
    pdfTable(doc, ['', ...GOAL_HEADERS], [{ label: 'Alle doelen', cells: shown(goalCells(impact.goals), 99) }], 150);
    doc.font('bold').fontSize(13).text('Verschil inwoner min professional (laatste meting)', MARGIN, doc.y, { width });
    doc.moveDown(0.4);
    pdfTable(
      doc,
      GAP_HEADERS,
      impact.perspectiveGap.map((gap) => ({ label: gap.label, cells: shown(gapCells(gap), 1) })),
      150,
    );
    doc.end();
  });
