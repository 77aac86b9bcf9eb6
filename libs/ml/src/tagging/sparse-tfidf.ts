import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from '../text';

export type SparseVector = { idx: number[]; val: number[] };

/** How much the character n-grams weigh next to whole stems; they are many per word, so they get less each. */
export const DEFAULT_NGRAM_WEIGHT = 0.5;

/**
 * Vocabulary and idf (already multiplied by the group weight of each feature) from documents given as feature
 * counts. Features seen in fewer than `minDf` documents are left out.
 */
export const buildWeightedIdf = (
  docs: readonly Map<string, number>[],
  ngramWeight: number,
  minDf = 1,
  /** Only features of the first `vocabularyFrom` docs enter the vocabulary; the rest only count for df. */
  vocabularyFrom = docs.length,
): { vocabulary: string[]; idf: number[] } => {
  const df = new Map<string, number>();
  for (const doc of docs) for (const key of doc.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const inVocabulary = new Set<string>();
  for (let i = 0; i < vocabularyFrom; i++) for (const key of docs[i].keys()) inVocabulary.add(key);
  const vocabulary = [...df.entries()]
    .filter(([k, n]) => n >= minDf && inVocabulary.has(k))
    .map(([k]) => k)
    .sort();
  const n = docs.length;
  const idf = vocabulary.map((k) => {
    const base = Math.log((1 + n) / (1 + (df.get(k) ?? 0))) + 1;
    return k.startsWith('c:') ? base * ngramWeight : base;
  });
  return { vocabulary, idf };
};

/** Sublinear tf × idf, L2-normalised; unknown features are ignored. */
export const toTfidf = (
  counts: Map<string, number>,
  index: Map<string, number>,
  idf: readonly number[],
): SparseVector => {
  const idx: number[] = [];
  const val: number[] = [];
  let norm = 0;
  for (const [key, count] of counts) {
    const i = index.get(key);
    if (i === undefined) continue;
    const v = (1 + Math.log(count)) * idf[i];
    idx.push(i);
    val.push(v);
    norm += v * v;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < val.length; j++) val[j] *= inv;
  }
  return { idx, val };
};

export const resolveFeatureOptions = (options: FeatureOptions | undefined): Required<FeatureOptions> => ({
  ...DEFAULT_FEATURE_OPTIONS,
  ...options,
});
