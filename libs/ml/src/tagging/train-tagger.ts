import {
  countFeatures,
  extractFeatures,
  seededRandom,
  splitSentences,
  shuffleInPlace,
  type FeatureOptions,
} from '../text';
import { MAX_SUGGESTED_TAGS, calibrate, primeCompiledTagger, sigmoid, storyLogitsFromSentences } from './predict-tags';
import { buildLexicon, taggingFeatures, type Lexicon } from './lexicon';
import {
  buildWeightedIdf,
  DEFAULT_NGRAM_WEIGHT,
  resolveFeatureOptions,
  toTfidf,
  type SparseVector,
} from './sparse-tfidf';
import type { TaggerModel, TaggerTaxonomy, TagLabel } from './tagger-model';

export type TrainTaggerOptions = {
  features?: FeatureOptions;
  /** Weight of character n-grams next to stems; default 0.5. */
  ngramWeight?: number;
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per update. */
  l2?: number;
  /** Positives are rare (one tag of 15), so they weigh (negatives/positives)^power, at most `maxPositiveWeight`. */
  positiveWeightPower?: number;
  maxPositiveWeight?: number;
  /** Sentences that belong to none of this taxonomy's tags (e.g. the other taxonomy's examples). */
  background?: string[];
  backgroundWeight?: number;
  /**
   * Unlabelled texts (e.g. stories) that only count for document frequencies, so that words every story uses
   * (`maanden`, `gebeld`, `gekregen`) weigh little even if they happen to occur in one tag's few examples.
   */
  idfCorpus?: string[];
  /** A facilitator's confirmation or rejection counts this many times a shipped example. */
  labelWeight?: number;
  /** Cross-validation folds for calibration and threshold; 0 keeps a fixed calibration. */
  folds?: number;
  seed?: number;
};

/** Held-out pseudo-stories per held-out sentence: more makes the threshold steadier at little cost. */
const PSEUDO_STORIES_PER_SENTENCE = 3;

const DEFAULTS = {
  ngramWeight: DEFAULT_NGRAM_WEIGHT,
  epochs: 6,
  learningRate: 0.25,
  l2: 0.01,
  positiveWeightPower: 0.5,
  maxPositiveWeight: 4,
  backgroundWeight: 1,
  labelWeight: 3,
  folds: 3,
  seed: 7,
};
type Settings = typeof DEFAULTS & {
  features: Required<FeatureOptions>;
  background: string[];
  idfCorpus: string[];
};

/** One training text with a known label (1/0) for some tags; -1 means unknown for that tag. */
type Example = {
  text: string;
  counts: Map<string, number>;
  labels: Int8Array;
  weight: number;
  kind: 'example' | 'background' | 'label';
};

const buildExamples = (
  taxonomy: TaggerTaxonomy,
  extraLabels: readonly TagLabel[],
  s: Settings,
  lexicon: Lexicon,
): Example[] => {
  const T = taxonomy.tags.length;
  const tagIndex = new Map(taxonomy.tags.map((t, i) => [t.key, i]));
  const byText = new Map<string, Example>();
  const get = (text: string, kind: Example['kind'], weight: number, fill: number): Example => {
    const key = `${kind}\u0000${text.trim()}`;
    let e = byText.get(key);
    if (!e) {
      e = {
        text,
        counts: countFeatures(taggingFeatures(text, s.features, lexicon).keys),
        labels: new Int8Array(T).fill(fill),
        weight,
        kind,
      };
      byText.set(key, e);
    }
    return e;
  };
  taxonomy.tags.forEach((tag, t) => {
    for (const text of tag.examples) get(text, 'example', 1, 0).labels[t] = 1;
  });
  for (const text of s.background) get(text, 'background', s.backgroundWeight, 0);
  for (const label of extraLabels) {
    const t = tagIndex.get(label.tagKey);
    if (t === undefined) continue;
    get(label.text, 'label', s.labelWeight, -1).labels[t] = label.positive ? 1 : 0;
  }
  return [...byText.values()].filter((e) => e.counts.size > 0);
};

type Fitted = { weights: Float64Array; bias: Float64Array };

/** One-vs-rest logistic regression, all tags at once, AdaGrad SGD with L2 on the touched weights. */
const fit = (
  vectors: readonly SparseVector[],
  examples: readonly Example[],
  V: number,
  T: number,
  s: Settings,
): Fitted => {
  const weights = new Float64Array(V * T);
  const bias = new Float64Array(T);
  const g2 = new Float64Array(V).fill(1e-8);
  const gb2 = new Float64Array(T).fill(1e-8);
  const positiveWeight = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let pos = 0;
    let neg = 0;
    for (const e of examples) {
      if (e.labels[t] === 1) pos += e.weight;
      else if (e.labels[t] === 0) neg += e.weight;
    }
    positiveWeight[t] = pos > 0 ? Math.min(s.maxPositiveWeight, Math.pow(neg / pos, s.positiveWeightPower)) : 1;
  }
  const order = examples.map((_, i) => i);
  const random = seededRandom(s.seed);
  const z = new Float64Array(T);
  const g = new Float64Array(T);
  // Loops run over features outside and tags inside: a feature's T weights are contiguous in memory.
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const v = vectors[i];
      const e = examples[i];
      z.set(bias);
      for (let j = 0; j < v.idx.length; j++) {
        const base = v.idx[j] * T;
        const x = v.val[j];
        for (let t = 0; t < T; t++) z[t] += x * weights[base + t];
      }
      for (let t = 0; t < T; t++) {
        const y = e.labels[t];
        g[t] = y < 0 ? 0 : (sigmoid(z[t]) - y) * e.weight * (y === 1 ? positiveWeight[t] : 1);
        if (y >= 0) {
          gb2[t] += g[t] * g[t];
          bias[t] -= (s.learningRate * g[t]) / Math.sqrt(gb2[t]);
        }
      }
      // AdaGrad with one accumulator per feature (shared by the tags): one square root per feature, not per weight.
      for (let j = 0; j < v.idx.length; j++) {
        const f = v.idx[j];
        const base = f * T;
        const x = v.val[j];
        let sq = 0;
        for (let t = 0; t < T; t++) {
          if (e.labels[t] < 0) continue;
          const grad = g[t] * x + s.l2 * weights[base + t];
          sq += grad * grad;
        }
        g2[f] += sq / T;
        const rate = s.learningRate / Math.sqrt(g2[f]);
        for (let t = 0; t < T; t++) {
          if (e.labels[t] < 0) continue;
          weights[base + t] -= rate * (g[t] * x + s.l2 * weights[base + t]);
        }
      }
    }
  }
  return { weights, bias };
};

const assemble = (
  taxonomy: TaggerTaxonomy,
  s: Settings,
  vocab: { vocabulary: string[]; idf: number[] },
  fitted: Fitted,
  examples: readonly Example[],
  lexicon: Lexicon,
  copyWeights = true,
): TaggerModel => ({
  format: 'vertelpunt-tagger',
  version: 1,
  taxonomyKey: taxonomy.key,
  tags: taxonomy.tags.map((t) => ({ key: t.key, label: t.label })),
  featureOptions: s.features,
  lexicon,
  vocabulary: vocab.vocabulary,
  idf: vocab.idf,
  weights: copyWeights ? Array.from(fitted.weights) : [],
  bias: Array.from(fitted.bias),
  calibration: { a: 1, b: 0 },
  threshold: 0.5,
  heldOutF1: null,
  trainedOn: {
    examples: examples.filter((e) => e.kind === 'example').length,
    labels: examples.filter((e) => e.kind === 'label').length,
    background: examples.filter((e) => e.kind === 'background').length,
  },
  trainedAt: new Date().toISOString(),
});

type Scored = { logits: Float64Array; truth: Int8Array };

/**
 * Held-out pseudo-stories: each fold's unseen example sentences, 1–3 of them mixed with 0–3 unseen background
 * sentences, so that calibration and threshold see multi-sentence, multi-label texts like real stories.
 */
const crossValidate = (
  taxonomy: TaggerTaxonomy,
  examples: Example[],
  vectors: SparseVector[],
  V: number,
  s: Settings,
  vocab: { vocabulary: string[]; idf: number[] },
  index: Map<string, number>,
  lexicon: Lexicon,
): Scored[] => {
  const T = taxonomy.tags.length;
  const random = seededRandom(s.seed + 1);
  const fold = new Int32Array(examples.length);
  const groups = new Map<string, number[]>();
  examples.forEach((e, i) => {
    const group = e.kind === 'example' ? `t${e.labels.indexOf(1)}` : e.kind;
    groups.set(group, [...(groups.get(group) ?? []), i]);
  });
  for (const members of groups.values()) shuffleInPlace(members, random).forEach((i, k) => (fold[i] = k % s.folds));
  const scored: Scored[] = [];
  for (let f = 0; f < s.folds; f++) {
    const train = examples.map((_, i) => i).filter((i) => examples[i].kind === 'label' || fold[i] !== f);
    const fitted = fit(
      train.map((i) => vectors[i]),
      train.map((i) => examples[i]),
      V,
      T,
      s,
    );
    const model = assemble(taxonomy, s, vocab, fitted, examples, lexicon, false);
    primeCompiledTagger(model, index, fitted.weights);
    const held = examples.filter((e, i) => e.kind === 'example' && fold[i] === f);
    const heldBackground = examples.filter((e, i) => e.kind === 'background' && fold[i] === f);
    const stories = Math.max(40, held.length * PSEUDO_STORIES_PER_SENTENCE);
    for (let k = 0; k < stories; k++) {
      const parts = shuffleInPlace([...held], random).slice(0, 1 + Math.floor(random() * 3));
      const truth = new Int8Array(T);
      for (const p of parts) p.labels.forEach((y, t) => (truth[t] = truth[t] || (y === 1 ? 1 : 0)));
      const fill =
        heldBackground.length > 0 ? shuffleInPlace([...heldBackground], random).slice(0, Math.floor(random() * 4)) : [];
      const sentences = shuffleInPlace([...parts, ...fill], random).map((e) => e.counts);
      scored.push({ logits: storyLogitsFromSentences(model, sentences), truth });
    }
  }
  return scored;
};

/**
 * Platt scaling (a, b): Newton's method with step halving on the log-loss, with Platt's smoothed targets so that
 * perfectly separated held-out scores cannot push `a` to infinity.
 */
const fitPlatt = (pairs: readonly { z: number; y: number }[]): { a: number; b: number } => {
  const finite = pairs.filter((p) => Number.isFinite(p.z));
  const positives = finite.filter((p) => p.y === 1).length;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (finite.length - positives + 2);
  const target = finite.map((p) => (p.y === 1 ? hi : lo));
  const loss = (a: number, b: number) =>
    finite.reduce((sum, p, i) => {
      const q = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(a * p.z + b)));
      return sum - target[i] * Math.log(q) - (1 - target[i]) * Math.log(1 - q);
    }, 0);
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0,
      gb = 0,
      haa = 1e-6,
      hab = 0,
      hbb = 1e-6;
    finite.forEach((p, i) => {
      const q = sigmoid(a * p.z + b);
      const d = q - target[i];
      const w = q * (1 - q);
      ga += d * p.z;
      gb += d;
      haa += w * p.z * p.z;
      hab += w * p.z;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-12)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    while (step > 1e-6 && !(loss(a - step * da, b - step * db) < current)) step /= 2;
    if (step <= 1e-6) break;
    a -= step * da;
    b -= step * db;
    const next = loss(a, b);
    if (current - next < 1e-10) break;
    current = next;
  }
  return { a, b };
};

/** Micro-F1 of "suggest every tag ≥ threshold, at most four" on calibrated held-out scores. */
export const microF1At = (
  stories: readonly { scores: number[]; truth: ArrayLike<number> }[],
  threshold: number,
): number => microF1Sweep(stories, [threshold])[0];

/** Micro-F1 for each threshold; each story's tags are sorted once. */
const microF1Sweep = (
  stories: readonly { scores: number[]; truth: ArrayLike<number> }[],
  thresholds: readonly number[],
): number[] => {
  const ranked = stories.map(({ scores, truth }) => {
    const top = scores
      .map((score, t) => ({ score, hit: truth[t] === 1 }))
      .sort((x, y) => y.score - x.score)
      .slice(0, MAX_SUGGESTED_TAGS);
    let positives = 0;
    for (let t = 0; t < scores.length; t++) if (truth[t] === 1) positives++;
    return { top, positives };
  });
  return thresholds.map((threshold) => {
    let tp = 0,
      fp = 0,
      fn = 0;
    for (const { top, positives } of ranked) {
      let hits = 0;
      for (const x of top) {
        if (x.score < threshold) break;
        if (x.hit) hits++;
        else fp++;
      }
      tp += hits;
      fn += positives - hits;
    }
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
};

const corpusCache = new WeakMap<readonly string[], { options: string; counts: Map<string, number>[] }>();
/** Feature counts of the idf corpus per sentence, cached: the same corpus serves every retraining. */
const corpusCounts = (corpus: readonly string[], features: Required<FeatureOptions>): Map<string, number>[] => {
  const options = JSON.stringify(features);
  const cached = corpusCache.get(corpus);
  if (cached && cached.options === options) return cached.counts;
  const counts = corpus.flatMap((t) => splitSentences(t)).map((t) => countFeatures(extractFeatures(t, features).keys));
  corpusCache.set(corpus, { options, counts });
  return counts;
};

/**
 * Trains a tagger for one taxonomy from its example sentences, facilitator labels (confirmed = positive,
 * rejected = negative for that tag only) and optional background sentences. Calibration and threshold come from
 * cross-validation on pseudo-stories; the final weights are trained on everything.
 */
export const trainTagger = (
  taxonomy: TaggerTaxonomy,
  extraLabels: readonly TagLabel[] = [],
  options: TrainTaggerOptions = {},
): TaggerModel => {
  const s: Settings = {
    ...DEFAULTS,
    ...options,
    features: resolveFeatureOptions(options.features),
    background: options.background ?? [],
    idfCorpus: options.idfCorpus ?? [],
  };
  const T = taxonomy.tags.length;
  if (T === 0) throw new Error(`Taxonomy ${taxonomy.key} has no tags`);
  const lexicon = buildLexicon(taxonomy.tags);
  const examples = buildExamples(taxonomy, extraLabels, s, lexicon);
  const corpus = corpusCounts(s.idfCorpus, s.features);
  const vocab = buildWeightedIdf([...examples.map((e) => e.counts), ...corpus], s.ngramWeight, 1, examples.length);
  const index = new Map(vocab.vocabulary.map((k, i) => [k, i]));
  const vectors = examples.map((e) => toTfidf(e.counts, index, vocab.idf));
  const V = vocab.vocabulary.length;

  const model = assemble(taxonomy, s, vocab, fit(vectors, examples, V, T, s), examples, lexicon);
  if (s.folds < 2) return model;

  const scored = crossValidate(taxonomy, examples, vectors, V, s, vocab, index, lexicon);
  const pairs = scored.flatMap((x) => Array.from(x.logits, (z, t) => ({ z, y: x.truth[t] })));
  model.calibration = fitPlatt(pairs);
  const stories = scored.map((x) => ({
    scores: Array.from(x.logits, (z) => calibrate(model, z)),
    truth: x.truth,
  }));
  const thresholds = Array.from({ length: 86 }, (_, i) => (5 + i) / 100);
  const f1s = microF1Sweep(stories, thresholds);
  let best = { threshold: 0.5, f1: -1 };
  thresholds.forEach((threshold, i) => {
    if (f1s[i] > best.f1) best = { threshold, f1: f1s[i] };
  });
  model.threshold = best.threshold;
  model.heldOutF1 = best.f1;
  return model;
};
