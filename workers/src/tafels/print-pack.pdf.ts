import PDFDocument from 'pdfkit';
import type { KeyAnswer } from '@vertelpunt/domain';

export type PrintPackSession = {
  title: string;
  date: string;
  question: string;
  facilitatorName: string;
  wijkName: string | null;
};
export type StoryCard = {
  title: string;
  text: string;
  archetypes: string[];
  wijkName: string | null;
  keyAnswers: KeyAnswer[];
};

// DejaVu covers Dutch (ë, ï, é, the ĳ ligature) and is embedded, so the PDF prints the same everywhere.
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const MARGIN = 56;
const NOTE_LINES = 12;
/** Space kept for the notes heading and at least a few lines. */
const NOTES_RESERVE = 90;

export const dutchDate = (isoDate: string) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

/** The session sheet: what the Tafel is about, who leads it, which stories, and room for notes. */
const sessionSheet = (doc: PDFKit.PDFDocument, session: PrintPackSession, cards: StoryCard[]) => {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(22).text(session.title, { width, height: 60, ellipsis: true });
  doc.moveDown(0.3).font('regular').fontSize(11).fillColor('#333333');
  doc.text(`ErvaringenTafel · ${dutchDate(session.date)}${session.wijkName ? ` · wijk ${session.wijkName}` : ''}`, {
    width,
  });
  doc.text(`Facilitator: ${session.facilitatorName}`, { width });
  doc.moveDown(0.8).fillColor('#000000').font('bold').fontSize(13).text('Thema of vraag');
  doc.font('regular').fontSize(12).text(session.question, { width, height: 90, ellipsis: true });
  doc.moveDown(0.8).font('bold').fontSize(13).text(`Verhalen (${cards.length})`);
  // The whole list fits on the sheet, a full basket (40) included: rows shrink to the room left above the notes.
  const room = doc.page.height - MARGIN - doc.y - NOTES_RESERVE;
  const rowHeight = Math.max(9, Math.min(16, room / Math.max(cards.length, 1)));
  doc.font('regular').fontSize(rowHeight * 0.7);
  const top = doc.y;
  cards.forEach((card, i) =>
    doc.text(`${i + 1}. ${card.title}`, MARGIN, top + i * rowHeight, {
      width,
      height: rowHeight,
      ellipsis: true,
      lineBreak: false,
    }),
  );
  doc.x = MARGIN;
  doc.y = top + cards.length * rowHeight;
  doc.moveDown(0.8).font('bold').fontSize(13).text('Aantekeningen');
  const bottom = doc.page.height - MARGIN;
  const step = Math.max(18, Math.min(28, (bottom - doc.y - 8) / NOTE_LINES));
  doc.lineWidth(0.5).strokeColor('#999999');
  for (let y = doc.y + step; y <= bottom; y += step)
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .stroke();
};

/** One story per page; long texts are cut off with an ellipsis rather than spilling onto a second page. */
const storyCard = (doc: PDFKit.PDFDocument, card: StoryCard, index: number, total: number) => {
  const width = doc.page.width - 2 * MARGIN;
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#555555')
    .text(`Verhaal ${index + 1} van ${total}${card.wijkName ? ` · ${card.wijkName}` : ''}`, { width });
  doc
    .moveDown(0.4)
    .fillColor('#000000')
    .font('bold')
    .fontSize(18)
    .text(card.title, { width, height: 70, ellipsis: true });
  if (card.archetypes.length > 0)
    doc
      .moveDown(0.3)
      .font('regular')
      .fontSize(11)
      .text(`Archetypen: ${card.archetypes.join(', ')}`, { width });
  doc.moveDown(0.6);

  const answers = card.keyAnswers.slice(0, 6);
  doc.fontSize(10);
  const answerHeight = answers.reduce(
    (h, a) => h + doc.heightOfString(`${a.prompt} ${a.answer}`, { width }) + 6,
    answers.length ? 24 : 0,
  );
  const textHeight = Math.max(60, doc.page.height - MARGIN - doc.y - answerHeight - 8);
  doc.font('regular').fontSize(12).text(card.text, { width, height: textHeight, ellipsis: true, lineGap: 2 });

  if (answers.length > 0) {
    doc.y = Math.max(doc.y + 12, doc.page.height - MARGIN - answerHeight);
    doc.font('bold').fontSize(11).text('Antwoorden', { width });
    for (const a of answers) {
      doc
        .font('bold')
        .fontSize(10)
        .text(`${a.prompt} `, { width, continued: true })
        .font('regular')
        .text(a.answer)
        .moveDown(0.2);
    }
  }
};

/** Session sheet + one card per story: N + 1 A4 pages. */
export const renderPrintPack = (session: PrintPackSession, cards: StoryCard[]): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      autoFirstPage: true,
      info: { Title: `${session.title} – printpakket`, Author: 'Vertelpunt' },
      lang: 'nl-NL',
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', FONT);
    doc.registerFont('bold', FONT_BOLD);
    sessionSheet(doc, session, cards);
    cards.forEach((card, i) => {
      doc.addPage();
      storyCard(doc, card, i, cards.length);
    });
    doc.end();
  });
