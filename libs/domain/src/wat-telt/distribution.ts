/**
 * Distributions of changes, computed in tenths (positions have one decimal) so that 0.1 + 0.2 never
 * becomes 0.30000000000000004 and a change of exactly −0.5 is exactly on the threshold.
 */
export const BUCKET_KEYS = ['down2', 'down', 'same', 'up', 'up2'] as const;
export type BucketKey = (typeof BUCKET_KEYS)[number];

/** Histogram bucket with inclusive bounds in points; null means open-ended. */
export type Bucket = { key: BucketKey; from: number | null; to: number | null; count: number };

export type Distribution = {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
  buckets: Bucket[];
};

export const toTenths = (points: number): number => Math.round(points * 10);

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Quantile with linear interpolation between order statistics (Excel's QUARTILE.INC, numpy's default). */
export const quantileOfSorted = (sorted: readonly number[], p: number): number => {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
};

/** Bucket bounds follow the change threshold: `same` is exactly the band that counts as stable. */
export const bucketBounds = (thresholdTenths: number): Omit<Bucket, 'count'>[] => {
  const big = 2 * 10; // two points: a big step on a 0–10 scale
  return [
    { key: 'down2', from: null, to: -big / 10 },
    { key: 'down', from: (-big + 1) / 10, to: -thresholdTenths / 10 },
    { key: 'same', from: (-thresholdTenths + 1) / 10, to: (thresholdTenths - 1) / 10 },
    { key: 'up', from: thresholdTenths / 10, to: (big - 1) / 10 },
    { key: 'up2', from: big / 10, to: null },
  ];
};

/** Summary of values given in tenths; null for an empty list. */
export const distributionOf = (tenths: readonly number[], thresholdTenths: number): Distribution | null => {
  if (tenths.length === 0) return null;
  const sorted = [...tenths].sort((a, b) => a - b);
  const inBucket = (value: number, b: Omit<Bucket, 'count'>) =>
    (b.from === null || value >= toTenths(b.from)) && (b.to === null || value <= toTenths(b.to));
  return {
    n: sorted.length,
    min: sorted[0] / 10,
    q1: round2(quantileOfSorted(sorted, 0.25) / 10),
    median: round2(quantileOfSorted(sorted, 0.5) / 10),
    q3: round2(quantileOfSorted(sorted, 0.75) / 10),
    max: sorted[sorted.length - 1] / 10,
    mean: round2(sorted.reduce((a, b) => a + b, 0) / sorted.length / 10),
    buckets: bucketBounds(thresholdTenths).map((b) => ({ ...b, count: sorted.filter((v) => inBucket(v, b)).length })),
  };
};
