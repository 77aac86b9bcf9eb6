import {
  chiSquareSurvival,
  chiSquareTest,
  explainResult,
  fisherExact,
  formatP,
  mannWhitneyFromCounts,
  mannWhitneyU,
  twoSidedNormalP,
  verdictOf,
  type TestResult,
} from './statistics';

const sufficient = (result: TestResult) => {
  if (!result.sufficient) throw new Error('expected a test result');
  return result;
};

describe('distributions', () => {
  it('gives the textbook critical values of chi-square', () => {
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
    expect(chiSquareSurvival(5.991464547107979, 2)).toBeCloseTo(0.05, 10);
    expect(chiSquareSurvival(20, 7)).toBeCloseTo(0.005569683072945574, 10); // SciPy chi2.sf(20, 7)
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });

  it('gives the two-sided normal tail', () => {
    expect(twoSidedNormalP(1.959963984540054)).toBeCloseTo(0.05, 10);
    expect(twoSidedNormalP(-3.2)).toBeCloseTo(0.0013742758758316942, 10);
    expect(twoSidedNormalP(0)).toBe(1);
  });
});

describe('chiSquareTest', () => {
  it('matches SciPy for a 3×2 table (χ² = 8,87, df 2, p = 0,0118)', () => {
    const result = sufficient(chiSquareTest([[20, 30], [30, 20], [10, 25]]));
    expect(result.method).toBe('chi-square');
    expect(result.df).toBe(2);
    expect(result.statistic).toBeCloseTo(8.871428571428574, 10);
    expect(result.p).toBeCloseTo(0.011846601026949857, 10);
  });

  it('matches a hand calculation for a 2×2 table without continuity correction', () => {
    // Expected counts: 17·21/40 = 8,925 … (12−8,925)²/8,925 + … = 3,879.
    const result = sufficient(chiSquareTest([[12, 5], [9, 14]]));
    expect(result.statistic).toBeCloseTo(3.8790069803665155, 10);
    expect(result.df).toBe(1);
    expect(result.p).toBeCloseTo(0.04889346791620927, 10);
  });

  it('falls back to Fisher’s exact test for a small 2×2 table', () => {
    // Expected count 6·8/18 = 2,67 < 5.
    const result = sufficient(chiSquareTest([[1, 9], [5, 3]]));
    expect(result.method).toBe('fisher-exact');
    expect(result.p).toBeCloseTo(0.042986425339366516, 10); // SciPy fisher_exact
  });

  it('says "too few" for a larger table with small expected counts, and for an empty selection', () => {
    expect(chiSquareTest([[1, 2], [0, 1], [2, 1]])).toEqual({ sufficient: false, reason: 'too-few' });
    expect(chiSquareTest([[5, 0], [7, 0]])).toEqual({ sufficient: false, reason: 'too-few' });
  });

  it('finds no difference when every story of both selections has the item', () => {
    expect(chiSquareTest([[10, 8], [0, 0]])).toEqual({ sufficient: true, method: 'chi-square', statistic: 0, df: null, p: 1 });
  });
});

describe('fisherExact', () => {
  it('gives Fisher’s tea-tasting lady p = 0,486', () => {
    expect(fisherExact([[3, 1], [1, 3]])).toBeCloseTo(0.48571428571428565, 10);
    expect(fisherExact([[1, 9], [11, 3]])).toBeCloseTo(0.0027594561852200836, 10);
  });
});

describe('mannWhitneyU', () => {
  it('matches a hand-ranked example without ties (U = 82, p = 0,0173)', () => {
    const result = sufficient(mannWhitneyU([12, 15, 18, 20, 22, 25, 27, 30, 33, 35], [8, 10, 11, 13, 14, 16, 17, 19, 21, 23]));
    expect(result.statistic).toBe(82);
    expect(result.p).toBeCloseTo(0.017257456083119765, 10);
  });

  it('corrects for ties as SciPy does (U = 23, p = 0,361)', () => {
    const result = sufficient(mannWhitneyU([7, 3, 6, 2, 4, 3, 5, 5], [3, 5, 6, 4, 6, 5, 7, 5]));
    expect(result.statistic).toBe(23);
    expect(result.p).toBeCloseTo(0.36121810476051897, 10);
  });

  it('gives the same answer from value counts as from the values', () => {
    const counts = mannWhitneyFromCounts([[3, 2], [5, 2], [2, 1], [4, 1], [6, 1], [7, 1]], [[5, 3], [6, 2], [3, 1], [4, 1], [7, 1]]);
    expect(sufficient(counts).p).toBeCloseTo(0.36121810476051897, 10);
  });

  it('finds no difference when everyone answered the same, and too few with under five answers', () => {
    expect(sufficient(mannWhitneyU([5, 5, 5, 5, 5], [5, 5, 5, 5, 5])).p).toBe(1);
    expect(mannWhitneyU([1, 2, 3, 4], [5, 6, 7, 8, 9])).toEqual({ sufficient: false, reason: 'too-few' });
  });
});

describe('the verdict in plain Dutch', () => {
  it('says a small p is probably no coincidence', () => {
    const result: TestResult = { sufficient: true, method: 'chi-square', statistic: 6.6, df: 1, p: 0.0102 };
    expect(verdictOf(result)).toBe('likely-real');
    expect(explainResult(result)).toBe('Dit verschil is waarschijnlijk geen toeval (p = 0,01).');
  });

  it('says a large p could well be chance, and too few stories when the test cannot say', () => {
    expect(explainResult({ sufficient: true, method: 'mann-whitney', statistic: 23, df: null, p: 0.3612 })).toBe('Dit verschil kan goed toeval zijn (p = 0,36).');
    expect(explainResult({ sufficient: false, reason: 'too-few' })).toBe('Te weinig verhalen om iets te zeggen.');
    expect(verdictOf({ sufficient: false, reason: 'too-few' })).toBe('too-few');
  });

  it('writes p in Dutch notation', () => {
    expect(formatP(0.0004)).toBe('< 0,001');
    expect(formatP(0.0049)).toBe('0,005');
    expect(formatP(0.5)).toBe('0,50');
  });
});
