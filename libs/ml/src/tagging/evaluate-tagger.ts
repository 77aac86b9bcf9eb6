import { suggestTags } from './predict-tags';
import type { TaggerModel } from './tagger-model';

/** A labelled story: `labels[taxonomyKey]` are the tag keys that apply. */
export type TaggingEvalCase = { id: string; text: string; labels: Record<string, string[]> };

export type PrecisionRecall = { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
export type TaggerEvaluation = {
  taxonomyKey: string;
  cases: number;
  threshold: number;
  micro: PrecisionRecall;
  /** Unweighted mean over tags that occur in the cases. */
  macroF1: number;
  perTag: ({ tagKey: string; support: number } & PrecisionRecall)[];
};

const pr = (tp: number, fp: number, fn: number): PrecisionRecall => {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
};

/** Precision, recall and F1 of the suggested tags (`suggestTags`) against the labelled cases. */
export const evaluateTagger = (
  model: TaggerModel,
  cases: readonly TaggingEvalCase[],
  taxonomyKey: string = model.taxonomyKey,
): TaggerEvaluation => {
  const counts = new Map(model.tags.map((t) => [t.key, { tp: 0, fp: 0, fn: 0, support: 0 }]));
  for (const c of cases) {
    const truth = new Set(c.labels[taxonomyKey] ?? []);
    const suggested = new Set(suggestTags(model, c.text).map((s) => s.tagKey));
    for (const [key, n] of counts) {
      if (truth.has(key)) n.support++;
      if (suggested.has(key) && truth.has(key)) n.tp++;
      else if (suggested.has(key)) n.fp++;
      else if (truth.has(key)) n.fn++;
    }
  }
  const all = [...counts.values()];
  const micro = pr(
    all.reduce((s, n) => s + n.tp, 0),
    all.reduce((s, n) => s + n.fp, 0),
    all.reduce((s, n) => s + n.fn, 0),
  );
  const perTag = [...counts.entries()].map(([tagKey, n]) => ({ tagKey, support: n.support, ...pr(n.tp, n.fp, n.fn) }));
  const present = perTag.filter((t) => t.support > 0);
  return {
    taxonomyKey,
    cases: cases.length,
    threshold: model.threshold,
    micro,
    macroF1: present.length === 0 ? 0 : present.reduce((s, t) => s + t.f1, 0) / present.length,
    perTag,
  };
};

/** A plain-text table for logs and benchmark output. */
export const formatEvaluation = (e: TaggerEvaluation): string => {
  const f = (x: number) => x.toFixed(2);
  const lines = [
    `${e.taxonomyKey}: ${e.cases} cases, threshold ${e.threshold}, micro P ${f(e.micro.precision)} R ${f(e.micro.recall)} F1 ${f(e.micro.f1)}, macro F1 ${f(e.macroF1)}`,
    ...e.perTag.map(
      (t) =>
        `  ${t.tagKey.padEnd(30)} n=${String(t.support).padStart(3)}  P ${f(t.precision)}  R ${f(t.recall)}  F1 ${f(t.f1)}`,
    ),
  ];
  return lines.join('\n');
};
