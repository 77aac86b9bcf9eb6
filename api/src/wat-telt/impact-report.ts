import { Workbook } from 'exceljs';
import PDFDocument from 'pdfkit';
import { TOO_LITTLE_DATA } from '@vertelpunt/domain';
import { TrendPeriodEnum, type ChangeFigureModel, type WatTeltImpactModel, type WatTeltInterventionEffectModel, type WatTeltStorySideModel } from './wat-telt.model';

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
  /** The story side of the same period and wijk: tag trends and interventions. */
  stories: WatTeltStorySideModel;
  /** Before/after around the intervention chosen on the page, if any. */
  effect: WatTeltInterventionEffectModel | null;
};

const INTERVENTION_STATUS: Record<string, string> = { open: 'Open', bezig: 'Bezig', klaar: 'Klaar' };

const periodLabel = (key: string) => {
  const quarter = /^(\d{4})-K(\d)$/.exec(key);
  if (quarter) return `K${quarter[2]} ${quarter[1]}`;
  return new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${key}-01T00:00:00Z`));
};

/** Tag trends as rows: the stories per period first, then one row per tag; suppressed periods read "te weinig gegevens". */
const tagTrendRows = ({ tagTrends }: WatTeltStorySideModel): { headers: string[]; rows: Cell[][] } => ({
  headers: ['Tag', 'Soort', ...tagTrends.periods.map((p) => periodLabel(p.key)), 'Totaal'],
  rows: [
    ['Verhalen', '', ...tagTrends.periods.map((p) => (p.suppressed ? TOO_LITTLE_DATA : (p.stories ?? 0))), ''],
    ...tagTrends.tags.map((tag) => [tag.label, tag.taxonomy, ...tag.counts.map((c) => c ?? TOO_LITTLE_DATA), tag.total]),
  ],
});

const interventionRows = ({ interventions }: WatTeltStorySideModel): Cell[][] =>
  interventions.map((i) => [dutchDate(i.date), i.tafel, i.action, i.owner, INTERVENTION_STATUS[i.status] ?? i.status]);

const share = (count: number, total: number) => (total === 0 ? '0%' : `${Math.round((count / total) * 100)}%`);

/** Before/after as lines and a table: what was compared, the verdict, and the stories' archetypes and tags. */
const effectParts = (effect: WatTeltInterventionEffectModel) => {
  const { stories, rapportcijfer, followed } = effect;
  const intro: [string, string][] = [
    ['Interventie', `${effect.intervention.action} (${effect.intervention.tafel}, ${dutchDate(effect.intervention.date)})`],
    ['Vóór', `${dutchDate(effect.before.from)} t/m ${dutchDate(effect.before.to)}`],
    ['Na', `${dutchDate(effect.after.from)} t/m ${dutchDate(effect.after.to)}`],
    ['Gemiddeld rapportcijfer', rapportcijfer.suppressed ? TOO_LITTLE_DATA : `${decimal.format(rapportcijfer.meanBefore ?? 0)} vóór (${rapportcijfer.inwonersBefore} inwoners), ${decimal.format(rapportcijfer.meanAfter ?? 0)} na (${rapportcijfer.inwonersAfter} inwoners)`],
    ['Inwoners vóór én na', followed.suppressed ? TOO_LITTLE_DATA : `${followed.n}: ${followed.improved} hoger, ${followed.stable} gelijk, ${followed.declined} lager`],
  ];
  const items = stories.suppressed ? [] : [...(stories.archetypes ?? []), ...(stories.tags ?? [])];
  const rows: { label: string; cells: Cell[] | null }[] = stories.suppressed
    ? [{ label: 'Verhalen', cells: null }]
    : [
        { label: 'Verhalen', cells: [stories.before ?? 0, stories.after ?? 0, ''] },
        ...items.map((item) => ({
          label: item.label,
          cells: [`${item.countBefore} (${share(item.countBefore, stories.before ?? 0)})`, `${item.countAfter} (${share(item.countAfter, stories.after ?? 0)})`, item.explanation],
        })),
      ];
  return { intro, summary: effect.summary, headers: ['Onderwerp', 'Vóór', 'Na', 'Is het verschil toeval?'], rows };
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

const orTooLittle = (cells: Cell[] | null, width: number): Cell[] => cells ?? Array.from({ length: width }, () => TOO_LITTLE_DATA);

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
  const trends = tagTrendRows(input.stories);
  table(input.stories.tagTrends.by === TrendPeriodEnum.QUARTER ? 'Tags per kwartaal' : 'Tags per maand', trends.headers, trends.rows, [30, 24]);
  table('Interventies', ['Datum Tafel', 'Tafel', 'Actie', 'Eigenaar', 'Status'], interventionRows(input.stories), [18, 30, 50, 20]);
  if (input.effect) {
    const parts = effectParts(input.effect);
    const sheet = workbook.addWorksheet('Vóór en na');
    sheet.columns = [{ width: 30 }, { width: 24 }, { width: 24 }, { width: 60 }];
    for (const line of parts.intro) sheet.addRow(line);
    sheet.addRow([]);
    for (const sentence of parts.summary) sheet.addRow(['Oordeel', sentence]);
    sheet.addRow([]);
    sheet.addRow(parts.headers).font = { bold: true };
    for (const row of parts.rows) sheet.addRow([row.label, ...orTooLittle(row.cells, 3)]);
  }
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

    const trends = tagTrendRows(input.stories);
    doc.font('bold').fontSize(13).text(input.stories.tagTrends.by === TrendPeriodEnum.QUARTER ? 'Tags per kwartaal' : 'Tags per maand', MARGIN, doc.y, { width });
    doc.font('regular').fontSize(9).text(`Verhalen met elke tag. Een periode met minder dan ${input.stories.tagTrends.minGroupSize} verhalen: "${TOO_LITTLE_DATA}".`, { width });
    doc.moveDown(0.4);
    if (trends.rows.length > 1) {
      pdfTable(
        doc,
        [trends.headers[0], ...trends.headers.slice(2)],
        trends.rows.map((row) => ({ label: row[1] ? `${row[0]} (${row[1]})` : String(row[0]), cells: row.slice(2).map((c) => (c === TOO_LITTLE_DATA ? '–' : c)) })),
        190,
      );
    } else doc.font('regular').fontSize(9).text('Geen verhalen met tags in deze periode en wijk.', { width }).moveDown(0.8);

    doc.font('bold').fontSize(13).text('Interventies van ErvaringenTafels', MARGIN, doc.y, { width });
    doc.moveDown(0.4).font('regular').fontSize(9);
    const interventions = interventionRows(input.stories);
    if (interventions.length === 0) doc.text('Geen interventies in deze periode en wijk.', { width });
    for (const [date, tafel, action, owner, status] of interventions) doc.text(`${date} — ${tafel}: ${action} (${owner}, ${status})`, { width });
    doc.moveDown(0.8);

    if (input.effect) {
      const parts = effectParts(input.effect);
      doc.font('bold').fontSize(13).text('Vóór en na een interventie', MARGIN, doc.y, { width });
      doc.moveDown(0.4).fontSize(9);
      for (const [label, text] of parts.intro) doc.font('bold').text(`${label}: `, { continued: true, width }).font('regular').text(text);
      doc.moveDown(0.4);
      for (const sentence of parts.summary) doc.font('regular').text(`• ${sentence}`, { width });
      doc.moveDown(0.4);
      pdfTable(doc, parts.headers, parts.rows, 190);
    }
    doc.end();
  });
