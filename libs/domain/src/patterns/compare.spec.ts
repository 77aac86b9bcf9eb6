import { compareItems, compareValues } from './compare';

describe('compareItems', () => {
  it('compares shares of each item and judges the difference', () => {
    const [schulden] = compareItems([{ key: 'schulden', count: 30 }], 50, [{ key: 'schulden', count: 10 }], 50);
    expect(schulden).toMatchObject({ key: 'schulden', countA: 30, countB: 10, shareA: 0.6, shareB: 0.2, verdict: 'likely-real' });
    // [[30, 10], [20, 40]]: χ² = 16,67, df 1.
    expect(schulden.test).toMatchObject({ method: 'chi-square', df: 1 });
    expect(schulden.test.sufficient && schulden.test.statistic).toBeCloseTo(16.666666, 4);
  });

  it('keeps an item only one selection has, and says too few when a selection is empty', () => {
    const items = compareItems([{ key: 'wonen', count: 2 }], 4, [], 0);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ countA: 2, countB: 0, shareB: null, verdict: 'too-few', explanation: 'Te weinig verhalen om iets te zeggen.' });
    expect(compareItems([{ key: 'x', count: 0 }], 10, [{ key: 'x', count: 0 }], 10)).toEqual([]);
  });
});

describe('compareValues', () => {
  it('gives means and the Mann-Whitney verdict of two dyads', () => {
    const result = compareValues('regie', [[80, 10], [90, 10]], [[10, 10], [20, 10]]);
    expect(result).toMatchObject({ countA: 20, countB: 20, meanA: 85, meanB: 15, verdict: 'likely-real' });
  });
});
