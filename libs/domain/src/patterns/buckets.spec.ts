import { periodRange, signifierBin, signifierBinRange } from './buckets';

describe('signifierBin', () => {
  it('puts 0–9.99 in the first bin and 100 in the last', () => {
    expect(signifierBin(0)).toBe(0);
    expect(signifierBin(9.99)).toBe(0);
    expect(signifierBin(10)).toBe(1);
    expect(signifierBin(55)).toBe(5);
    expect(signifierBin(90)).toBe(9);
    expect(signifierBin(100)).toBe(9);
  });

  it('gives each bin its range', () => {
    expect(signifierBinRange(0)).toEqual({ from: 0, to: 10 });
    expect(signifierBinRange(9)).toEqual({ from: 90, to: 100 });
  });
});

describe('periodRange', () => {
  it('covers a Monday-to-Sunday week, across a month boundary', () => {
    expect(periodRange('2026-03-30', 'week')).toEqual({ from: '2026-03-30', to: '2026-04-05' });
  });

  it('covers a whole month, also February in a leap year', () => {
    expect(periodRange('2028-02-01', 'month')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('2026-12-01', 'month')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
