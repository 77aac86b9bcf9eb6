import { periodsBetween, tagTrends, trendPeriodFor } from './story-trends';

const months = [
  { month: '2026-01', stories: 12 },
  { month: '2026-02', stories: 4 },
  { month: '2026-04', stories: 10 },
];
const tags = [
  { tagId: 'steun', month: '2026-01', stories: 6 },
  { tagId: 'steun', month: '2026-02', stories: 3 },
  { tagId: 'steun', month: '2026-04', stories: 5 },
  { tagId: 'wonen', month: '2026-02', stories: 2 },
];

describe('tagTrends', () => {
  it('shows per month only the months with at least the minimum group of stories, and leaves out tags with nothing shown', () => {
    expect(tagTrends(months, tags, 10, 'month')).toEqual({
      by: 'month',
      periods: [
        { key: '2026-01', stories: 12, suppressed: false },
        { key: '2026-02', stories: null, suppressed: true },
        { key: '2026-03', stories: null, suppressed: true },
        { key: '2026-04', stories: 10, suppressed: false },
      ],
      tags: [{ tagId: 'steun', counts: [6, null, null, 5], total: 11 }],
    });
  });

  it('adds months up to quarters, so a quiet month no longer hides its figures', () => {
    expect(tagTrends(months, tags, 10, 'quarter')).toEqual({
      by: 'quarter',
      periods: [
        { key: '2026-K1', stories: 16, suppressed: false },
        { key: '2026-K2', stories: 10, suppressed: false },
      ],
      tags: [
        { tagId: 'steun', counts: [9, 5], total: 14 },
        { tagId: 'wonen', counts: [2, 0], total: 2 },
      ],
    });
  });

  it('gives nothing for a selection without stories', () => {
    expect(tagTrends([], [], 10, 'month')).toEqual({ by: 'month', periods: [], tags: [] });
  });
});

describe('periods', () => {
  it('runs over a year end and groups by quarter when more than a year of months is shown', () => {
    expect(periodsBetween('2025-11', '2026-02', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2025-11', '2026-02', 'quarter')).toEqual(['2025-K4', '2026-K1']);
    expect(trendPeriodFor(12)).toBe('month');
    expect(trendPeriodFor(13)).toBe('quarter');
  });
});
