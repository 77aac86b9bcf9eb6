/** Every month (`jjjj-mm`) from the earliest to the latest story month or intervention date, so gaps stay visible. */
export const monthsOnAxis = (storyMonths: readonly string[], dates: readonly string[]): string[] => {
  const all = [...storyMonths, ...dates.map((d) => d.slice(0, 7))].sort();
  if (all.length === 0) return [];
  const months: string[] = [];
  let [year, month] = all[0].split('-').map(Number);
  const last = all[all.length - 1];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
};

/** Where a date falls on the axis, in months from its start: the month's index plus the part of the month gone by. */
export const positionOnAxis = (axis: readonly string[], date: string): number => {
  const index = axis.indexOf(date.slice(0, 7));
  if (index === -1) return 0;
  const [year, month, day] = date.split('-').map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return index + (day - 0.5) / days;
};
