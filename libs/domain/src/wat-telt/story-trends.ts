/** How tag trends are grouped in time. */
export type TrendPeriod = 'month' | 'quarter';

/** A month `jjjj-mm` as its period key: itself, or its quarter `jjjj-Kn`. */
export const periodOfMonth = (month: string, by: TrendPeriod): string => {
  if (by === 'month') return month;
  const [year, m] = month.split('-').map(Number);
  return `${year}-K${Math.ceil(m / 3)}`;
};

/** Every period from the first to the last month given, so quiet months show as gaps rather than disappear. */
export const periodsBetween = (firstMonth: string, lastMonth: string, by: TrendPeriod): string[] => {
  const periods: string[] = [];
  let [year, month] = firstMonth.split('-').map(Number);
  const [lastYear, lastM] = lastMonth.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastM)) {
    const key = periodOfMonth(`${year}-${String(month).padStart(2, '0')}`, by);
    if (periods[periods.length - 1] !== key) periods.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return periods;
};

/** Months per period; more than a year of months reads better by quarter. */
export const trendPeriodFor = (months: number): TrendPeriod => (months > 12 ? 'quarter' : 'month');

export type TagMonthCount = { tagId: string; month: string; stories: number };

export type TagTrends = {
  by: TrendPeriod;
  /** Stories per period; `null` when fewer than the minimum group (then no tag figure of that period is shown). */
  periods: { key: string; stories: number | null; suppressed: boolean }[];
  /** Per tag, stories with the tag per period, in the order of `periods`; `null` where the period is suppressed. */
  tags: { tagId: string; counts: (number | null)[]; total: number }[];
};

/**
 * Tag trends for the stories of a selection: how many stories carry each tag per month or quarter. A period with
 * fewer stories than `minGroupSize` shows "te weinig gegevens" for all its figures (a share there would rest on too
 * few stories); a tag's total counts only the periods that are shown. Tags that no shown period has are left out.
 */
export const tagTrends = (
  storiesPerMonth: readonly { month: string; stories: number }[],
  tagCounts: readonly TagMonthCount[],
  minGroupSize: number,
  by: TrendPeriod,
): TagTrends => {
  const months = storiesPerMonth.map((m) => m.month).sort();
  if (months.length === 0) return { by, periods: [], tags: [] };
  const keys = periodsBetween(months[0], months[months.length - 1], by);
  const stories = new Map<string, number>();
  for (const m of storiesPerMonth) stories.set(periodOfMonth(m.month, by), (stories.get(periodOfMonth(m.month, by)) ?? 0) + m.stories);
  const periods = keys.map((key) => {
    const n = stories.get(key) ?? 0;
    const suppressed = n < minGroupSize || n === 0;
    return { key, stories: suppressed ? null : n, suppressed };
  });
  const index = new Map(keys.map((key, i) => [key, i]));
  const byTag = new Map<string, number[]>();
  for (const c of tagCounts) {
    const i = index.get(periodOfMonth(c.month, by));
    if (i === undefined) continue;
    const counts = byTag.get(c.tagId) ?? keys.map(() => 0);
    counts[i] += c.stories;
    byTag.set(c.tagId, counts);
  }
  const tags = [...byTag].flatMap(([tagId, counts]) => {
    const shown = counts.map((count, i) => (periods[i].suppressed ? null : count));
    const total = shown.reduce<number>((sum, c) => sum + (c ?? 0), 0);
    return total === 0 ? [] : [{ tagId, counts: shown, total }];
  });
  return { by, periods, tags };
};
