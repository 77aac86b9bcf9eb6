import { redact } from './redact';
import type { RedactionCase } from './redaction-testset';
import { REDACTION_TYPES, type RedactionType } from './redaction-types';

export type Score = {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
};

export type CaseError = { id: string; kind: 'missed' | 'spurious'; type: RedactionType; text: string };

export type RedactionEvaluation = {
  perType: Record<RedactionType, Score>;
  overall: Score;
  errors: CaseError[];
  cases: number;
};

const score = (tp: number, fp: number, fn: number): Score => {
  // An empty denominator means nothing was expected or predicted: nothing went wrong, so count it as perfect.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
};

/** Span-level scores: a prediction counts only when type and text match an expected span exactly (as a multiset). */
export const evaluateRedaction = (cases: readonly RedactionCase[]): RedactionEvaluation => {
  const counts = Object.fromEntries(REDACTION_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    RedactionType,
    { tp: number; fp: number; fn: number }
  >;
  const errors: CaseError[] = [];
  for (const c of cases) {
    const expected = new Map<string, number>();
    for (const e of c.expected)
      expected.set(`${e.type}\u0000${e.text}`, (expected.get(`${e.type}\u0000${e.text}`) ?? 0) + 1);
    for (const f of redact(c.text, c.options).found) {
      const key = `${f.type}\u0000${f.text}`;
      const left = expected.get(key) ?? 0;
      if (left > 0) {
        counts[f.type].tp++;
        expected.set(key, left - 1);
      } else {
        counts[f.type].fp++;
        errors.push({ id: c.id, kind: 'spurious', type: f.type, text: f.text });
      }
    }
    for (const [key, left] of expected) {
      if (left === 0) continue;
      const [type, text] = key.split('\u0000') as [RedactionType, string];
      counts[type].fn += left;
      for (let k = 0; k < left; k++) errors.push({ id: c.id, kind: 'missed', type, text });
    }
  }
  const perType = Object.fromEntries(
    REDACTION_TYPES.map((t) => [t, score(counts[t].tp, counts[t].fp, counts[t].fn)]),
  ) as Record<RedactionType, Score>;
  const total = REDACTION_TYPES.reduce(
    (acc, t) => ({ tp: acc.tp + counts[t].tp, fp: acc.fp + counts[t].fp, fn: acc.fn + counts[t].fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  return { perType, overall: score(total.tp, total.fp, total.fn), errors, cases: cases.length };
};

export type ThroughputResult = {
  stories: number;
  characters: number;
  milliseconds: number;
  storiesPerSecond: number;
  charactersPerSecond: number;
  /** Per second of this process's CPU time: stable when other processes share the machine. */
  storiesPerCpuSecond: number;
};

/**
 * Builds stories of about `storyLength` characters from the test set and redacts them repeatedly for `durationMs`
 * on this thread. Used by `npm run bench:ml`; the anonymiser itself does no timing or I/O.
 */
export const measureRedactionThroughput = (
  cases: readonly RedactionCase[],
  { storyLength = 1500, durationMs = 2000 }: { storyLength?: number; durationMs?: number } = {},
): ThroughputResult => {
  const stories: string[] = [];
  let current = '';
  for (let round = 0; stories.length < 50; round++) {
    for (const c of cases) {
      current += (current ? ' ' : '') + c.text;
      if (current.length >= storyLength) {
        stories.push(current.slice(0, storyLength));
        current = '';
      }
    }
    if (round > 100) break;
  }
  for (const s of stories.slice(0, 10)) redact(s); // warm-up: JIT and lazily compiled regular expressions
  let done = 0;
  let characters = 0;
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < durationMs) {
    const s = stories[done % stories.length];
    redact(s);
    characters += s.length;
    done++;
    if (done % 25 === 0) elapsed = performance.now() - startedAt;
  }
  elapsed = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    stories: done,
    characters,
    milliseconds: elapsed,
    storiesPerSecond: (done / elapsed) * 1000,
    charactersPerSecond: (characters / elapsed) * 1000,
    storiesPerCpuSecond: (done / cpuMs) * 1000,
  };
};
