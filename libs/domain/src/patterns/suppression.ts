import type { TestResult, Verdict } from './statistics';

/**
 * Small-group suppression for those who see aggregates only (managers, issue 8): a count that rests on fewer stories
 * than the minimum group size is not shown. Zero stays: it points at no one, and empty heatmap cells are left out anyway.
 */
export const suppressCount = (count: number, minGroupSize: number): number | null =>
  count > 0 && count < minGroupSize ? null : count;

export const restsOnSmallGroup = (counts: readonly number[], minGroupSize: number): boolean =>
  counts.some((c) => suppressCount(c, minGroupSize) === null);

type Hidden<T, K extends keyof T> = Omit<T, K> & { [P in K]: number | null };

/** The same object with the named counts suppressed. */
export const hideSmallCounts = <T extends Record<K, number>, K extends keyof T>(value: T, keys: readonly K[], minGroupSize: number): Hidden<T, K> => {
  const shown: Record<string, unknown> = { ...value };
  for (const key of keys) shown[key as string] = suppressCount(value[key], minGroupSize);
  return shown as Hidden<T, K>;
};

/** Why some counts of a chart are null; given with every chart for a caller who sees aggregates only. */
export type ChartSuppression = { minGroupSize: number; reason: string };

export const chartSuppression = (minGroupSize: number): ChartSuppression => ({
  minGroupSize,
  reason: `Aantallen van minder dan ${minGroupSize} verhalen worden niet getoond (te weinig gegevens), zodat niemand herkenbaar is.`,
});

/** A comparison that rests on a small group says so instead of judging it. */
export const suppressedJudgement = (minGroupSize: number): { test: TestResult; verdict: Verdict; explanation: string } => ({
  test: { sufficient: false, reason: 'too-few' },
  verdict: 'too-few',
  explanation: `Te weinig gegevens: hier liggen minder dan ${minGroupSize} verhalen onder.`,
});
