import { countFeatures, extractFeatures, type FeatureOptions } from '../text';

/**
 * "Verhalen zoals dit" without pgvector: a story becomes a TF-IDF vector over Dutch stems and character 4-grams,
 * projected to a small fixed number of dimensions with a seeded sparse random projection (Achlioptas), then
 * L2-normalised. Cosine between projections approximates cosine between the TF-IDF vectors, so stories that share
 * their distinctive words end up close. The projection needs no training; only the idf is learned from texts.
 */
export type SimilarityVocabulary = {
  format: 'vertelpunt-similarity';
  version: 1;
  dims: number;
  seed: number;
  featureOptions: Required<FeatureOptions>;
  /** Weight of the character 4-grams next to whole stems. */
  ngramWeight: number;
  /** Feature → idf, for features seen in at least two texts. */
  idf: Record<string, number>;
  /** idf of a feature never seen (rare, so informative, but unknown: a typo or a name weighs the same). */
  unseenIdf: number;
  documents: number;
};

export type BuildVocabularyOptions = { dims?: number; seed?: number; ngramWeight?: number; features?: FeatureOptions };

export const DEFAULT_DIMS = 256;
const DEFAULT_SIMILARITY_FEATURES: Required<FeatureOptions> = { stems: true, bigrams: false, charNgrams: [4, 4] };

const featureCounts = (text: string, options: Required<FeatureOptions>): Map<string, number> =>
  countFeatures(extractFeatures(text, options).keys);

/** Learns the idf from a sample of stories (a few thousand are plenty; names and typos seen once are left out). */
export const buildVocabulary = (
  texts: readonly string[],
  options: BuildVocabularyOptions = {},
): SimilarityVocabulary => {
  const featureOptions = { ...DEFAULT_SIMILARITY_FEATURES, ...options.features };
  const df = new Map<string, number>();
  for (const text of texts)
    for (const key of featureCounts(text, featureOptions).keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const n = texts.length;
  const idf: Record<string, number> = {};
  for (const [key, count] of df) if (count >= 2) idf[key] = Math.log((1 + n) / (1 + count)) + 1;
  return {
    format: 'vertelpunt-similarity',
    version: 1,
    dims: options.dims ?? DEFAULT_DIMS,
    seed: options.seed ?? 1,
    featureOptions,
    ngramWeight: options.ngramWeight ?? 0.5,
    idf,
    unseenIdf: Math.log((1 + n) / 2) + 1,
    documents: n,
  };
};

/** FNV-1a with a seed: a feature's projection row is derived from its name, so no matrix is stored. */
const hash = (key: string, seed: number): number => {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
};

/**
 * Each feature adds its weight to `NONZERO_PER_FEATURE` pseudo-random dimensions with a pseudo-random sign: a
 * very sparse random projection, cheap to compute and as good as a dense one for cosine at this size.
 */
const NONZERO_PER_FEATURE = 8;

const projectInto = (out: Float32Array, key: string, weight: number, seed: number): void => {
  let h = hash(key, seed);
  for (let i = 0; i < NONZERO_PER_FEATURE; i++) {
    // xorshift32 from the feature hash gives the next (dimension, sign) pair
    h ^= h << 13;
    h >>>= 0;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    const dim = h % out.length;
    out[dim] += (h & 0x80000000) !== 0 ? -weight : weight;
  }
};

/** The story's vector: `vocab.dims` numbers, L2-normalised (all zeros for a text without content words). */
export const vectorize = (vocab: SimilarityVocabulary, text: string): Float32Array => {
  const out = new Float32Array(vocab.dims);
  for (const [key, count] of featureCounts(text, vocab.featureOptions)) {
    const idf = Object.prototype.hasOwnProperty.call(vocab.idf, key) ? vocab.idf[key] : vocab.unseenIdf;
    const groupWeight = key.startsWith('c:') ? vocab.ngramWeight : 1;
    projectInto(out, key, (1 + Math.log(count)) * idf * groupWeight, vocab.seed);
  }
  return normalize(out);
};

export const normalize = (v: Float32Array): Float32Array => {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < v.length; i++) v[i] *= inv;
  }
  return v;
};

/** Cosine of two vectors (for normalised vectors, their dot product). */
export const cosine = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let dot = 0,
    na = 0,
    nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
};

export type SimilarStory = { id: string; score: number };

/** The k candidates most similar to the query, best first (cosine). */
export const topSimilar = (
  query: ArrayLike<number>,
  candidates: readonly { id: string; vector: ArrayLike<number> }[],
  k: number,
): SimilarStory[] => {
  const top = new TopK(k);
  for (const c of candidates) top.offer(c.id, cosine(query, c.vector));
  return top.result();
};

/** Keeps the k best (id, score) pairs seen; k is small (10), so a sorted array beats a heap. */
export class TopK {
  private readonly ids: string[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  /** The lowest score that would still enter; -Infinity until k items are held. */
  get floor(): number {
    return this.scores.length < this.k ? -Infinity : this.scores[this.scores.length - 1];
  }

  offer(id: string, score: number): void {
    if (this.k <= 0 || score <= this.floor) return;
    let i = this.scores.length;
    while (i > 0 && this.scores[i - 1] < score) i--;
    this.scores.splice(i, 0, score);
    this.ids.splice(i, 0, id);
    if (this.scores.length > this.k) {
      this.scores.pop();
      this.ids.pop();
    }
  }

  result(): SimilarStory[] {
    return this.ids.map((id, i) => ({ id, score: this.scores[i] }));
  }
}

/** For a Postgres `bytea` column: 4 bytes per dimension, little-endian float32. */
export const vectorToBytes = (v: Float32Array): Uint8Array => {
  const out = new Uint8Array(v.length * 4);
  const view = new DataView(out.buffer);
  v.forEach((x, i) => view.setFloat32(i * 4, x, true));
  return out;
};

export const vectorFromBytes = (bytes: Uint8Array): Float32Array => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: Math.floor(bytes.byteLength / 4) }, (_, i) => view.getFloat32(i * 4, true));
};

export const serializeVocabulary = (vocab: SimilarityVocabulary): string => JSON.stringify(vocab);

export const deserializeVocabulary = (json: string): SimilarityVocabulary => {
  const parsed: unknown = JSON.parse(json);
  const v = parsed as Partial<SimilarityVocabulary> | null;
  if (
    !v ||
    v.format !== 'vertelpunt-similarity' ||
    v.version !== 1 ||
    typeof v.dims !== 'number' ||
    typeof v.idf !== 'object'
  ) {
    throw new Error('Not a vertelpunt similarity vocabulary (format/version mismatch)');
  }
  return v as SimilarityVocabulary;
};
