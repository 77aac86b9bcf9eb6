import { normalizeDutchWords } from './word-error-rate';

export type TranscriptSegment = { startMs: number; endMs: number; text: string };

/** One window's transcript with times already on the recording's clock (window start added). */
export type WindowTranscript = { startMs: number; endMs: number; segments: TranscriptSegment[] };

type Work = { startMs: number; endMs: number; words: string[]; keep: boolean[] };
type WordRef = { segment: Work; index: number; key: string };

/** Words a window may repeat from the previous one: the overlap is 5 s, about 15 words; 60 leaves slack. */
const MAX_BORDER_WORDS = 60;
/** Shortest run of identical words that proves the two windows heard the same speech. */
const MIN_MATCH_WORDS = 2;

const toWork = (s: TranscriptSegment): Work => {
  const words = s.text
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  return { startMs: s.startMs, endMs: Math.max(s.startMs, s.endMs), words, keep: words.map(() => true) };
};

const refs = (segments: Work[]): WordRef[] =>
  segments.flatMap((segment) =>
    segment.words.map((word, index) => ({ segment, index, key: normalizeDutchWords(word).join(' ') })),
  );

/** Longest run of equal (normalised, non-empty) words: [end in a, end in b, length]. */
const longestCommonRun = (a: WordRef[], b: WordRef[]): [number, number, number] => {
  let best: [number, number, number] = [-1, -1, 0];
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      if (a[i - 1].key !== '' && a[i - 1].key === b[j - 1].key) {
        current[j] = previous[j - 1] + 1;
        if (current[j] > best[2]) best = [i - 1, j - 1, current[j]];
      }
    }
    previous = current;
  }
  return best;
};

/** Where a word falls in its segment, spreading the words evenly (Whisper gives segment times, not word times). */
const wordMs = (s: Work, index: number) => s.startMs + ((index + 0.5) / s.words.length) * (s.endMs - s.startMs);

/**
 * Removes what both windows transcribed in their overlap [overlapStartMs, overlapEndMs]: where the texts agree on a run
 * of words, keep the earlier window up to the end of that run and the later one after it; where they do not, split at
 * the middle of the overlap (the earlier window lacks right context there, the later one left context).
 */
const joinAtBorder = (earlier: Work[], later: Work[], overlapStartMs: number, overlapEndMs: number) => {
  const tail = refs(earlier.filter((s) => s.endMs > overlapStartMs)).slice(-MAX_BORDER_WORDS);
  const head = refs(later.filter((s) => s.startMs < overlapEndMs)).slice(0, MAX_BORDER_WORDS);
  const [tailEnd, headEnd, length] = longestCommonRun(tail, head);
  if (length >= MIN_MATCH_WORDS) {
    tail.slice(tailEnd + 1).forEach((r) => (r.segment.keep[r.index] = false));
    head.slice(0, headEnd + 1).forEach((r) => (r.segment.keep[r.index] = false));
    return;
  }
  const middle = (overlapStartMs + overlapEndMs) / 2;
  tail.filter((r) => wordMs(r.segment, r.index) >= middle).forEach((r) => (r.segment.keep[r.index] = false));
  head.filter((r) => wordMs(r.segment, r.index) < middle).forEach((r) => (r.segment.keep[r.index] = false));
};

/** Drops removed words; a segment that lost words at an edge shrinks in proportion. */
const compact = (s: Work): Work => {
  const first = s.keep.indexOf(true);
  const last = s.keep.lastIndexOf(true);
  const span = s.endMs - s.startMs;
  const n = s.words.length;
  const words = s.words.filter((_, i) => s.keep[i]);
  return {
    startMs: s.startMs + (first / n) * span,
    endMs: s.startMs + ((last + 1) / n) * span,
    words,
    keep: words.map(() => true),
  };
};

/**
 * Joins window transcripts (in order, each overlapping the previous one) into one list of segments with increasing,
 * non-overlapping times inside [0, durationMs], without the words the overlaps made twice.
 */
export const mergeWindowTranscripts = (
  windows: WindowTranscript[],
  options: { durationMs?: number } = {},
): TranscriptSegment[] => {
  let merged: Work[] = [];
  let previousEndMs: number | null = null;
  for (const window of windows) {
    const segments = window.segments.map(toWork).filter((s) => s.words.length > 0);
    if (previousEndMs !== null && previousEndMs > window.startMs && merged.length > 0 && segments.length > 0) {
      joinAtBorder(merged, segments, window.startMs, previousEndMs);
      merged = merged.filter((s) => s.keep.some(Boolean)).map(compact);
    }
    merged.push(...segments.filter((s) => s.keep.some(Boolean)).map(compact));
    previousEndMs = window.endMs;
  }
  const limit = options.durationMs ?? Number.POSITIVE_INFINITY;
  const result: TranscriptSegment[] = [];
  let lastEnd = 0;
  for (const s of merged) {
    const startMs = Math.round(Math.min(limit, Math.max(s.startMs, lastEnd)));
    const endMs = Math.round(Math.min(limit, Math.max(s.endMs, startMs)));
    result.push({ startMs, endMs, text: s.words.join(' ') });
    lastEnd = endMs;
  }
  return result;
};

export const joinSegments = (segments: TranscriptSegment[]): string =>
  segments
    .map((s) => s.text)
    .join(' ')
    .trim();
