import { chartSuppression, hideSmallCounts, restsOnSmallGroup, suppressCount, suppressedJudgement } from './suppression';

describe('small-group suppression of chart counts', () => {
  it('hides counts from 1 up to the minimum, keeps zero and everything from the minimum on', () => {
    expect([0, 1, 9, 10, 250].map((n) => suppressCount(n, 10))).toEqual([0, null, null, 10, 250]);
  });

  it('finds whether any count a figure rests on is too small', () => {
    expect(restsOnSmallGroup([0, 12], 10)).toBe(false);
    expect(restsOnSmallGroup([12, 3], 10)).toBe(true);
  });

  it('hides only the named counts and leaves labels alone', () => {
    expect(hideSmallCounts({ label: 'Noord', wijkcoach: 4, inwoner: 11 }, ['wijkcoach', 'inwoner'], 5)).toEqual({ label: 'Noord', wijkcoach: null, inwoner: 11 });
  });

  it('explains the suppression in Dutch, with the minimum', () => {
    expect(chartSuppression(10)).toEqual({ minGroupSize: 10, reason: expect.stringContaining('minder dan 10 verhalen') });
    expect(suppressedJudgement(10)).toMatchObject({ verdict: 'too-few', explanation: expect.stringContaining('Te weinig gegevens') });
  });
});
