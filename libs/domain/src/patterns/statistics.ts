/**
 * Significance tests for "Vergelijk twee selecties" (issue 6, Patronen). Pure functions, checked against textbook
 * and SciPy values in statistics.spec.ts. A facilitator never sees a statistic, only the verdict (see `verdictOf`).
 */

/** ln Γ(x) by the Lanczos approximation (g = 7, n = 9); accurate to ~15 digits for x > 0. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
export const lnGamma = (x: number): number => {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
};

const EPS = 1e-15;
const MAX_ITERATIONS = 1000;

/** Upper regularised incomplete gamma Q(a, x) = Γ(a, x) / Γ(a) (series below a + 1, continued fraction above). */
export const upperRegularizedGamma = (a: number, x: number): number => {
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.max(0, 1 - sum * front);
  }
  // Lentz's method for the continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.min(1, front * h);
};

/** P(X ≥ x) for X ~ χ²(df). */
export const chiSquareSurvival = (x: number, df: number): number => upperRegularizedGamma(df / 2, x / 2);

/** Two-sided P(|Z| ≥ |z|) for a standard normal Z; erfc(t) = Q(½, t²). */
export const twoSidedNormalP = (z: number): number => upperRegularizedGamma(0.5, (z * z) / 2);

export type TestMethod = 'chi-square' | 'fisher-exact' | 'mann-whitney';

/** Why a test could not say anything: too few stories, or one of the two selections is empty. */
export type TestResult =
  | { sufficient: true; method: TestMethod; statistic: number; df: number | null; p: number }
  | { sufficient: false; reason: 'too-few' };

const TOO_FEW: TestResult = { sufficient: false, reason: 'too-few' };

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const lnFactorial = (n: number) => lnGamma(n + 1);

/**
 * Two-sided Fisher exact test for a 2×2 table [[a, b], [c, d]]: the probability of every table with the same margins
 * that is at most as likely as the one observed.
 */
export const fisherExact = (table: number[][]): number => {
  const [[a, b], [c, d]] = table;
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  const logP = (x: number) =>
    lnFactorial(row1) + lnFactorial(row2) + lnFactorial(col1) + lnFactorial(n - col1) - lnFactorial(n) -
    lnFactorial(x) - lnFactorial(row1 - x) - lnFactorial(col1 - x) - lnFactorial(row2 - col1 + x);
  const observed = logP(a);
  let p = 0;
  for (let x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) {
    const lp = logP(x);
    // A relative tolerance, as R and SciPy use, so tables as likely as the observed one are not lost to rounding.
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
};

/**
 * Pearson's chi-square test of independence for an r×c table of counts (rows: categories, columns: selections).
 * Rows or columns without any count are dropped first; an empty column (selection) means "too few", a single row
 * left means no difference at all (p = 1). A 2×2 table with an expected count below 5 gets Fisher's exact
 * test; a larger one where more than a fifth of the expected counts are below 5 (or any below 1) is "too few"
 * (Cochran's rule).
 */
export const chiSquareTest = (table: number[][]): TestResult => {
  const nonEmptyRows = table.filter((row) => sum(row) > 0);
  const keepColumns = (nonEmptyRows[0] ?? []).map((_, j) => sum(nonEmptyRows.map((row) => row[j])) > 0);
  const t = nonEmptyRows.map((row) => row.filter((_, j) => keepColumns[j]));
  if (t.length === 0 || t[0].length < 2) return TOO_FEW;
  // Every story of both selections falls in one category: the selections do not differ at all.
  if (t.length === 1) return { sufficient: true, method: 'chi-square', statistic: 0, df: null, p: 1 };
  const rowTotals = t.map(sum);
  const colTotals = t[0].map((_, j) => sum(t.map((row) => row[j])));
  const n = sum(rowTotals);
  const expected = t.map((_, i) => colTotals.map((col) => (rowTotals[i] * col) / n));
  const flat = expected.flat();
  const small = flat.filter((e) => e < 5).length;
  const df = (t.length - 1) * (t[0].length - 1);
  if (t.length === 2 && t[0].length === 2 && small > 0) {
    return { sufficient: true, method: 'fisher-exact', statistic: Number.NaN, df: null, p: fisherExact(t) };
  }
  if (small > flat.length / 5 || flat.some((e) => e < 1)) return TOO_FEW;
  let statistic = 0;
  t.forEach((row, i) => row.forEach((observed, j) => (statistic += (observed - expected[i][j]) ** 2 / expected[i][j])));
  return { sufficient: true, method: 'chi-square', statistic, df, p: chiSquareSurvival(statistic, df) };
};

/** How often each value was given: `[value, count]` pairs, as Postgres returns them for a dyad or scale question. */
export type ValueCounts = readonly (readonly [value: number, count: number])[];

/** Fewer stories per selection than this and a rank test says nothing a facilitator can use. */
export const MIN_PER_SELECTION = 5;

/**
 * Mann-Whitney U test (two-sided) with the normal approximation, tie correction and continuity correction, from the
 * frequency of each value in both selections (so 100 000 answers travel as at most 101 rows).
 * `statistic` is U of the first selection.
 */
export const mannWhitneyFromCounts = (a: ValueCounts, b: ValueCounts): TestResult => {
  const n1 = sum(a.map(([, c]) => c));
  const n2 = sum(b.map(([, c]) => c));
  if (n1 < MIN_PER_SELECTION || n2 < MIN_PER_SELECTION) return TOO_FEW;
  const byValue = new Map<number, [number, number]>();
  for (const [v, c] of a) byValue.set(v, [(byValue.get(v)?.[0] ?? 0) + c, byValue.get(v)?.[1] ?? 0]);
  for (const [v, c] of b) byValue.set(v, [byValue.get(v)?.[0] ?? 0, (byValue.get(v)?.[1] ?? 0) + c]);
  let below = 0;
  let rankSumA = 0;
  let ties = 0;
  for (const [, [ca, cb]] of [...byValue].sort(([x], [y]) => x - y)) {
    const tied = ca + cb;
    rankSumA += ca * (below + (tied + 1) / 2);
    ties += tied ** 3 - tied;
    below += tied;
  }
  const n = n1 + n2;
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1)));
  if (variance <= 0) return { sufficient: true, method: 'mann-whitney', statistic: u, df: null, p: 1 };
  const distance = Math.max(0, Math.abs(u - mean) - 0.5);
  return { sufficient: true, method: 'mann-whitney', statistic: u, df: null, p: Math.min(1, twoSidedNormalP(distance / Math.sqrt(variance))) };
};

/** Counts of each value in a list. */
export const countValues = (values: readonly number[]): [number, number][] => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts];
};

export const mannWhitneyU = (a: readonly number[], b: readonly number[]): TestResult => mannWhitneyFromCounts(countValues(a), countValues(b));

/** The mean of values given as `[value, count]`; null without values. */
export const meanOfCounts = (counts: ValueCounts): number | null => {
  const n = sum(counts.map(([, c]) => c));
  return n === 0 ? null : sum(counts.map(([v, c]) => v * c)) / n;
};

/** Below this p we call a difference "waarschijnlijk geen toeval". */
export const SIGNIFICANCE = 0.05;

export type Verdict = 'likely-real' | 'could-be-chance' | 'too-few';

export const verdictOf = (result: TestResult): Verdict =>
  !result.sufficient ? 'too-few' : result.p < SIGNIFICANCE ? 'likely-real' : 'could-be-chance';

/** "0,01", "0,43", "< 0,001": two significant decimals in Dutch notation. */
export const formatP = (p: number): string => {
  if (p < 0.001) return '< 0,001';
  const text = p < 0.01 ? p.toFixed(3) : p.toFixed(2);
  return text.replace('.', ',');
};

/** The verdict in words a facilitator understands. */
export const explainResult = (result: TestResult): string => {
  if (!result.sufficient) return 'Te weinig verhalen om iets te zeggen.';
  const p = formatP(result.p);
  const shown = p.startsWith('<') ? `p ${p}` : `p = ${p}`;
  return result.p < SIGNIFICANCE
    ? `Dit verschil is waarschijnlijk geen toeval (${shown}).`
    : `Dit verschil kan goed toeval zijn (${shown}).`;
};
