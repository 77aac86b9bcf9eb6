/**
 * Dutch text as words for comparison: lower case, accents folded (Australië = Australie: Whisper and typists differ),
 * hyphens and slashes split words, other punctuation (including apostrophes: zo'n = zon) dropped.
 */
export const normalizeDutchWords = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-‐‑–—/]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter((w) => w.length > 0);

export type WordErrors = {
  /** (substitutions + deletions + insertions) / reference words; 0 for two empty texts, 1 for an empty reference. */
  wer: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  referenceWords: number;
};

/** Word-level Levenshtein alignment of hypothesis against reference, after normalizeDutchWords. */
export const wordErrors = (reference: string, hypothesis: string): WordErrors => {
  const ref = normalizeDutchWords(reference);
  const hyp = normalizeDutchWords(hypothesis);
  type Cell = { cost: number; s: number; d: number; i: number };
  let previous: Cell[] = Array.from({ length: hyp.length + 1 }, (_, j) => ({ cost: j, s: 0, d: 0, i: j }));
  for (let r = 1; r <= ref.length; r += 1) {
    const current: Cell[] = [{ cost: r, s: 0, d: r, i: 0 }];
    for (let h = 1; h <= hyp.length; h += 1) {
      const same = ref[r - 1] === hyp[h - 1];
      const diagonal = previous[h - 1];
      const options: Cell[] = [
        { ...diagonal, cost: diagonal.cost + (same ? 0 : 1), s: diagonal.s + (same ? 0 : 1) },
        { ...previous[h], cost: previous[h].cost + 1, d: previous[h].d + 1 },
        { ...current[h - 1], cost: current[h - 1].cost + 1, i: current[h - 1].i + 1 },
      ];
      current.push(options.reduce((best, o) => (o.cost < best.cost ? o : best)));
    }
    previous = current;
  }
  const { s, d, i } = previous[hyp.length];
  const wer = ref.length === 0 ? (hyp.length === 0 ? 0 : 1) : (s + d + i) / ref.length;
  return { wer, substitutions: s, deletions: d, insertions: i, referenceWords: ref.length };
};

export const wordErrorRate = (reference: string, hypothesis: string): number => wordErrors(reference, hypothesis).wer;
