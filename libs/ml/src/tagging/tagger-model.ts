import type { FeatureOptions } from '../text';

/** What the tagger needs of a taxonomy; `TaxonomyDefinition` from `@vertelpunt/domain` fits. */
export type TaggerTaxonomy = {
  key: string;
  tags: { key: string; label: string; examples: string[] }[];
};

/** A facilitator's judgement of a suggested tag: confirmed (positive) or rejected (negative) for that text. */
export type TagLabel = { text: string; tagKey: string; positive: boolean };

/**
 * A trained one-vs-rest logistic regression over TF-IDF features, as plain JSON (a worker stores it and reloads it).
 * `weights` is row-major by feature: the weight of feature `f` for tag `t` is `weights[f * tags.length + t]`.
 */
export type TaggerModel = {
  format: 'vertelpunt-tagger';
  version: 1;
  taxonomyKey: string;
  tags: { key: string; label: string }[];
  featureOptions: Required<FeatureOptions>;
  /** Keyword stem → tag keys (see `lexicon.ts`). */
  lexicon: Record<string, string[]>;
  vocabulary: string[];
  /** idf × group weight per feature. */
  idf: number[];
  weights: number[];
  bias: number[];
  /** Platt scaling of the story-level logit, fitted on held-out pseudo-stories: p = σ(a·z + b). */
  calibration: { a: number; b: number };
  /** Calibrated score from which a tag is suggested; chosen on held-out data to maximise micro-F1. */
  threshold: number;
  /** Held-out micro-F1 at `threshold` (cross-validation on pseudo-stories built from the training sentences). */
  heldOutF1: number | null;
  trainedOn: { examples: number; labels: number; background: number };
  trainedAt: string;
};

export type TagScore = {
  tagKey: string;
  label: string;
  /** Calibrated 0..1. */
  score: number;
  /** Up to five words from the text, as written, that added most to this tag's score. */
  why: string[];
};

export const serializeTagger = (model: TaggerModel): string =>
  JSON.stringify(model, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e6) / 1e6 : value,
  );

export const deserializeTagger = (json: string): TaggerModel => {
  const parsed: unknown = JSON.parse(json);
  if (!isTaggerModel(parsed)) throw new Error('Not a vertelpunt tagger model (format/version mismatch)');
  return parsed;
};

const isTaggerModel = (value: unknown): value is TaggerModel => {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<TaggerModel>;
  return (
    m.format === 'vertelpunt-tagger' &&
    m.version === 1 &&
    Array.isArray(m.tags) &&
    Array.isArray(m.vocabulary) &&
    Array.isArray(m.idf) &&
    Array.isArray(m.weights) &&
    Array.isArray(m.bias) &&
    typeof m.lexicon === 'object' &&
    m.weights.length === m.vocabulary.length * m.tags.length &&
    m.idf.length === m.vocabulary.length &&
    typeof m.threshold === 'number'
  );
};
