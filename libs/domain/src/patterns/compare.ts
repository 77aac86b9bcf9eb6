import { chiSquareTest, explainResult, mannWhitneyFromCounts, meanOfCounts, verdictOf, type TestResult, type ValueCounts, type Verdict } from './statistics';

/** How many stories of a selection have something (an archetype, a tag, an answer). */
export type ItemCount = { key: string; count: number };

export type ItemComparison = {
  key: string;
  countA: number;
  countB: number;
  /** Share of the selection's stories, 0–1; null for an empty selection. */
  shareA: number | null;
  shareB: number | null;
  test: TestResult;
  verdict: Verdict;
  explanation: string;
};

export type ValueComparison = {
  key: string;
  countA: number;
  countB: number;
  meanA: number | null;
  meanB: number | null;
  test: TestResult;
  verdict: Verdict;
  explanation: string;
};

const share = (count: number, total: number) => (total === 0 ? null : count / total);
const judged = (test: TestResult) => ({ test, verdict: verdictOf(test), explanation: explainResult(test) });

/**
 * Per item, does it occur more often in one selection than in the other? A 2×2 chi-square (or Fisher's exact test
 * when counts are small) on "has it / has it not" × A / B. Items neither selection has are left out.
 */
export const compareItems = (a: ItemCount[], totalA: number, b: ItemCount[], totalB: number): ItemComparison[] => {
  const keys = [...new Set([...a, ...b].filter((i) => i.count > 0).map((i) => i.key))];
  const countIn = (items: ItemCount[], key: string) => items.find((i) => i.key === key)?.count ?? 0;
  return keys.map((key) => {
    const countA = countIn(a, key);
    const countB = countIn(b, key);
    const test =
      totalA === 0 || totalB === 0
        ? ({ sufficient: false, reason: 'too-few' } as const)
        : chiSquareTest([
            [countA, countB],
            [totalA - countA, totalB - countB],
          ]);
    return { key, countA, countB, shareA: share(countA, totalA), shareB: share(countB, totalB), ...judged(test) };
  });
};

/** Does a dyad or scale lean differently in the two selections? Mann-Whitney U on the answers' values. */
export const compareValues = (key: string, a: ValueCounts, b: ValueCounts): ValueComparison => {
  const total = (counts: ValueCounts) => counts.reduce((n, [, c]) => n + c, 0);
  return { key, countA: total(a), countB: total(b), meanA: meanOfCounts(a), meanB: meanOfCounts(b), ...judged(mannWhitneyFromCounts(a, b)) };
};
