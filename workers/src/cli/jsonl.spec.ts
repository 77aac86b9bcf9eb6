import { PassThrough, Readable } from 'node:stream';
import { processJsonLines } from './jsonl';

const run = async (lines: string[]) => {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  const failed = await processJsonLines(Readable.from(lines.map((l) => `${l}\n`)), out, (line) => ({ length: line.text.length }));
  return { failed, rows: chunks.join('').trim().split('\n').map((l) => JSON.parse(l)) };
};

describe('processJsonLines', () => {
  it('answers every line in order and gives bad lines an error for their id', async () => {
    const { failed, rows } = await run(['{"id":"a","text":"hallo"}', 'geen json', '{"id":"c"}', '', '{"id":4,"text":"hoi"}']);
    expect(failed).toBe(2);
    expect(rows).toEqual([
      { id: 'a', length: 5 },
      { id: null, error: 'Regel is geen geldige JSON.' },
      { id: 'c', error: 'Veld "text" ontbreekt of is geen tekst.' },
      { id: 4, length: 3 },
    ]);
  });
});
