import { stemDutch } from './dutch-stemmer';
import { tokenize, type Token } from './tokenize';

export type FeatureOptions = {
  /** Stemmed words (`w:schuld`). Default true. */
  stems?: boolean;
  /** Pairs of adjacent stems (`b:geen geld`). Default false. */
  bigrams?: boolean;
  /**
   * Character n-grams of each word with boundary marks (`c:<schu`), lengths `[min, max]`; null for none. They let
   * Dutch compounds share evidence: `huurachterstand` and `huur`, `schuldhulpverlening` and `schulden`.
   */
  charNgrams?: [number, number] | null;
};

export const DEFAULT_FEATURE_OPTIONS: Required<FeatureOptions> = { stems: true, bigrams: false, charNgrams: [4, 4] };

export type TextFeatures = {
  tokens: Token[];
  /** Stem of each token. */
  stems: string[];
  /** Feature keys; `sources[i]` are the indexes in `tokens` that produced `keys[i]`. Repeats are kept (they count). */
  keys: string[];
  sources: number[][];
};

const wordNgrams = (term: string, min: number, max: number): string[] => {
  if (term.length < min) return [];
  const padded = `<${term}>`;
  const out: string[] = [];
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  }
  return out;
};

/** Sparse features of a text, each traceable to the words that produced it (for explanations). */
export const extractFeatures = (text: string, options: FeatureOptions = {}): TextFeatures => {
  const o = { ...DEFAULT_FEATURE_OPTIONS, ...options };
  const tokens = tokenize(text);
  const keys: string[] = [];
  const sources: number[][] = [];
  const stems = tokens.map((t) => stemDutch(t.term));
  tokens.forEach((token, i) => {
    if (o.stems) {
      keys.push(`w:${stems[i]}`);
      sources.push([i]);
    }
    if (o.charNgrams) {
      for (const g of wordNgrams(token.term, o.charNgrams[0], o.charNgrams[1])) {
        keys.push(`c:${g}`);
        sources.push([i]);
      }
    }
    if (o.bigrams && i > 0) {
      keys.push(`b:${stems[i - 1]} ${stems[i]}`);
      sources.push([i - 1, i]);
    }
  });
  return { tokens, stems, keys, sources };
};

/** Raw counts per feature key. */
export const countFeatures = (keys: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
};
