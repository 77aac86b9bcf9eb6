import { countFeatures, splitSentences, type TextFeatures } from '../text';
import { taggingFeatures } from './lexicon';
import { toTfidf, type SparseVector } from './sparse-tfidf';
import type { TaggerModel, TagScore } from './tagger-model';

/** The most tags suggested for one story: more is noise for a facilitator. */
export const MAX_SUGGESTED_TAGS = 4;
const MAX_WHY_WORDS = 5;

type CompiledTagger = { index: Map<string, number>; weights: Float64Array; tagCount: number };
const compiledModels = new WeakMap<TaggerModel, CompiledTagger>();

const compile = (model: TaggerModel): CompiledTagger => {
  let c = compiledModels.get(model);
  if (!c) {
    c = {
      index: new Map(model.vocabulary.map((k, i) => [k, i])),
      weights: Float64Array.from(model.weights),
      tagCount: model.tags.length,
    };
    compiledModels.set(model, c);
  }
  return c;
};

/**
 * Lets training score with a model whose weights are still a typed array (cross-validation folds), without
 * copying them into `model.weights` first.
 */
export const primeCompiledTagger = (model: TaggerModel, index: Map<string, number>, weights: Float64Array): void => {
  compiledModels.set(model, { index, weights, tagCount: model.tags.length });
};

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

const logitsOf = (v: SparseVector, c: CompiledTagger, bias: readonly number[], out: Float64Array): void => {
  const T = c.tagCount;
  for (let t = 0; t < T; t++) out[t] = bias[t];
  for (let j = 0; j < v.idx.length; j++) {
    const base = v.idx[j] * T;
    const x = v.val[j];
    for (let t = 0; t < T; t++) out[t] += x * c.weights[base + t];
  }
};

type Analysis = {
  logits: Float64Array;
  sentences: TextFeatures[];
  docCounts: Map<string, number>;
  docVector: SparseVector;
};

/**
 * How much a tag's best sentence counts next to the whole story. Training examples are sentences and a story
 * touches several themes, so the best sentence finds a theme that one sentence carries (a warm handover in a
 * story about debts); the whole text adds the evidence spread over the story. Equal weights measured best on the
 * evaluation set for both taxonomies (max alone or the whole text alone lost 2–5 F1 points).
 */
const SENTENCE_WEIGHT = 0.5;

/** Scores a story by its sentences and as a whole (see SENTENCE_WEIGHT). */
const analyse = (model: TaggerModel, text: string): Analysis => {
  const sentences = splitSentences(text).map((s) => taggingFeatures(s, model.featureOptions, model.lexicon));
  return {
    ...scoreUnits(
      model,
      sentences.map((f) => countFeatures(f.keys)),
    ),
    sentences,
  };
};

/** Story logits from the feature counts of its sentences. */
const scoreUnits = (model: TaggerModel, unitCounts: readonly Map<string, number>[]): Omit<Analysis, 'sentences'> => {
  const c = compile(model);
  const docCounts = new Map<string, number>();
  for (const counts of unitCounts) for (const [k, n] of counts) docCounts.set(k, (docCounts.get(k) ?? 0) + n);
  const docVector = toTfidf(docCounts, c.index, model.idf);
  const logits = new Float64Array(c.tagCount).fill(-Infinity);
  const scratch = new Float64Array(c.tagCount);
  for (const unit of unitCounts) {
    logitsOf(toTfidf(unit, c.index, model.idf), c, model.bias, scratch);
    for (let t = 0; t < c.tagCount; t++) if (scratch[t] > logits[t]) logits[t] = scratch[t];
  }
  logitsOf(docVector, c, model.bias, scratch);
  for (let t = 0; t < c.tagCount; t++) logits[t] = SENTENCE_WEIGHT * logits[t] + (1 - SENTENCE_WEIGHT) * scratch[t];
  return { logits, docCounts, docVector };
};

/** Story-level logits, uncalibrated, from each sentence's feature counts (training uses this to calibrate). */
export const storyLogitsFromSentences = (
  model: TaggerModel,
  sentenceCounts: readonly Map<string, number>[],
): Float64Array => scoreUnits(model, sentenceCounts).logits;

export const calibrate = (model: TaggerModel, logit: number): number =>
  sigmoid(model.calibration.a * logit + model.calibration.b);

/** Words (as written) whose features push tag `t` up most in the whole text. */
const explain = (model: TaggerModel, a: Analysis, t: number): string[] => {
  const c = compile(model);
  const docValue = new Map<number, number>();
  a.docVector.idx.forEach((i, j) => docValue.set(i, a.docVector.val[j]));
  const byWord = new Map<string, { original: string; value: number }>();
  for (const s of a.sentences) {
    s.keys.forEach((key, k) => {
      const fi = c.index.get(key);
      if (fi === undefined) return;
      const share =
        (c.weights[fi * c.tagCount + t] * (docValue.get(fi) ?? 0)) / (a.docCounts.get(key) ?? 1) / s.sources[k].length;
      for (const ti of s.sources[k]) {
        const token = s.tokens[ti];
        const entry = byWord.get(token.term) ?? { original: token.original, value: 0 };
        entry.value += share;
        byWord.set(token.term, entry);
      }
    });
  }
  return [...byWord.values()]
    .filter((e) => e.value > 0)
    .sort((x, y) => y.value - x.value)
    .slice(0, MAX_WHY_WORDS)
    .map((e) => e.original);
};

/** Calibrated score per tag, in the model's tag order, without explanations (cheap: for embeddings, batch jobs). */
export const scoreTags = (model: TaggerModel, text: string): number[] => {
  const a = analyse(model, text);
  if (a.sentences.length === 0) return model.tags.map(() => 0);
  return Array.from(a.logits, (z) => calibrate(model, z));
};

/** Every tag of the taxonomy with its calibrated score and explanation, best first. */
export const predictTags = (model: TaggerModel, text: string): TagScore[] => {
  const a = analyse(model, text);
  if (a.sentences.length === 0)
    return model.tags.map((tag) => ({ tagKey: tag.key, label: tag.label, score: 0, why: [] }));
  return model.tags
    .map((tag, t) => ({
      tagKey: tag.key,
      label: tag.label,
      score: calibrate(model, a.logits[t]),
      why: explain(model, a, t),
    }))
    .sort((x, y) => y.score - x.score);
};

/** The tags to suggest to a facilitator: at or above the model's threshold, at most four. */
export const suggestTags = (model: TaggerModel, text: string, maxTags = MAX_SUGGESTED_TAGS): TagScore[] =>
  predictTags(model, text)
    .filter((s) => s.score >= model.threshold)
    .slice(0, maxTags);
