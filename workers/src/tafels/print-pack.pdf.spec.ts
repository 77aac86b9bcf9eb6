import { dutchDate, renderPrintPack, type StoryCard } from './print-pack.pdf';

/** pdfkit writes page objects uncompressed, so their count is the page count. */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page[^s]/g) ?? []).length;

const session = {
  title: 'Tafel',
  date: '2026-12-03',
  question: 'Wat helpt?',
  facilitatorName: 'Eva de Vries',
  wijkName: 'Noord',
};
const card = (overrides: Partial<StoryCard> = {}): StoryCard => ({
  title: 'Mevrouw [NAAM] kwam er weer bovenop',
  text: 'Ze had schulden en durfde de post niet open te maken.',
  archetypes: ['Held'],
  wijkName: 'Zuid',
  keyAnswers: [{ prompt: 'Waar ging het over?', answer: 'Geld' }],
  ...overrides,
});

describe('renderPrintPack', () => {
  it('makes one session sheet and one page per story', async () => {
    const pdf = await renderPrintPack(session, [card(), card(), card()]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(4);
  });

  it('keeps every story on one page and the list on one sheet, however long the texts are', async () => {
    const long = (word: string, n: number) => Array.from({ length: n }, () => word).join(' ');
    const worst = card({
      title: long('Heel lange titel', 40),
      text: long('Een heel lang verhaal over de wijk en wat er gebeurde.', 600),
      archetypes: ['Held', 'Twijfelaar', 'Verbinder', 'Doorzetter'],
      keyAnswers: Array.from({ length: 9 }, (_, i) => ({
        prompt: `Vraag ${i} ${long('met veel woorden', 6)}`,
        answer: long('antwoord', 30),
      })),
    });
    const pdf = await renderPrintPack(
      { ...session, title: long('Titel', 30), question: long('Een lange vraag', 200) },
      Array.from({ length: 40 }, () => worst),
    );
    expect(pageCount(pdf)).toBe(41);
  });

  it('writes the date in Dutch', () => {
    expect(dutchDate('2026-12-03')).toBe('donderdag 3 december 2026');
  });
});
