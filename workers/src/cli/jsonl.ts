import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export type LineInput = { id: string; text: string };
export type LineResult = Record<string, unknown>;

/** Why a line cannot be used, in one Dutch sentence; null when it is fine. */
export const problemWith = (value: unknown): string | null => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'Regel is geen JSON-object.';
  const { id, text } = value as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return 'Veld "id" ontbreekt of is geen tekst.';
  if (typeof text !== 'string') return 'Veld "text" ontbreekt of is geen tekst.';
  return null;
};

/**
 * Reads JSON lines, answers each with one JSON line in the same order. A bad line gets an error line
 * for its id (or null) and the rest goes on. Returns how many lines failed.
 */
export const processJsonLines = async (input: Readable, output: Writable, handle: (line: LineInput) => LineResult): Promise<number> => {
  let failed = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    if (raw.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      failed++;
      output.write(`${JSON.stringify({ id: null, error: 'Regel is geen geldige JSON.' })}\n`);
      continue;
    }
    const problem = problemWith(parsed);
    const id = (parsed as { id?: unknown })?.id;
    if (problem) {
      failed++;
      output.write(`${JSON.stringify({ id: typeof id === 'string' || typeof id === 'number' ? id : null, error: problem })}\n`);
      continue;
    }
    const line = parsed as { id: string | number; text: string };
    try {
      output.write(`${JSON.stringify({ id: line.id, ...handle({ id: String(line.id), text: line.text }) })}\n`);
    } catch (error) {
      failed++;
      output.write(`${JSON.stringify({ id: line.id, error: error instanceof Error ? error.message : String(error) })}\n`);
    }
  }
  return failed;
};
