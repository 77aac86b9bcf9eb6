/** Small numeric helpers for the inline SVG charts; no chart library. */

/** A round axis maximum at or above `value`: 1, 2, 5 × 10ⁿ (at least 1). */
export const niceMax = (value: number): number => {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
};

/** Length of a bar in a track of `size`; a count above zero is always at least one pixel. */
export const barLength = (count: number, max: number, size: number): number =>
  count <= 0 || max <= 0 ? 0 : Math.max(1, (Math.min(count, max) / max) * size);

/** Heatmap shades, lightest first; each with a text colour that passes WCAG AA (4.5:1) on it. */
export const SHADES = [
  { fill: '#f3f6fa', text: '#1a1a1a' },
  { fill: '#d6e4f3', text: '#1a1a1a' },
  { fill: '#a9c6e8', text: '#1a1a1a' },
  { fill: '#5b8fcc', text: '#000000' },
  { fill: '#2b5f9e', text: '#ffffff' },
  { fill: '#123a6b', text: '#ffffff' },
] as const;

/** The shade of a heatmap cell: 0 only for an empty cell, otherwise 1–5 by its share of the largest cell. */
export const shadeLevel = (count: number, max: number): number => {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(SHADES.length - 1, 1 + Math.floor((count / max) * (SHADES.length - 1) - 1e-9));
};

/** A share (0–1) as a Dutch percentage without decimals: "38%"; "–" when there is no share. */
export const percent = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** A mean with one decimal in Dutch notation: "62,5"; "–" without answers. */
export const decimal = (value: number | null): string => (value === null ? '–' : value.toFixed(1).replace('.', ','));

const INTL: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "mrt 2026" for a month, "9 mrt 2026" for the Monday of a week; dates are calendar days (UTC), as the API sends them. */
export const periodLabel = (locale: string, isoDay: string, unit: 'week' | 'month'): string =>
  new Intl.DateTimeFormat(INTL[locale] ?? 'nl-NL', {
    ...(unit === 'week' ? { day: 'numeric' } : {}),
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDay}T00:00:00Z`));
