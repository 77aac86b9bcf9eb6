import { describe, expect, it } from 'vitest';
import { barLength, decimal, niceMax, percent, periodLabel, SHADES, shadeLevel } from './chart-scale';

/** WCAG relative luminance and contrast ratio. */
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('chart scale', () => {
  it('rounds an axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 240, 999].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 500, 1000]);
  });

  it('draws every non-zero count at least a pixel long', () => {
    expect(barLength(0, 10, 300)).toBe(0);
    expect(barLength(1, 10_000, 300)).toBe(1);
    expect(barLength(5, 10, 300)).toBe(150);
  });

  it('shades only empty cells with the lightest shade, and the largest with the darkest', () => {
    expect(shadeLevel(0, 10)).toBe(0);
    expect(shadeLevel(1, 100)).toBe(1);
    expect(shadeLevel(10, 10)).toBe(SHADES.length - 1);
    expect(shadeLevel(5, 10)).toBeGreaterThan(shadeLevel(2, 10));
  });

  it('keeps the number in every shade readable (WCAG AA, 4.5:1)', () => {
    for (const shade of SHADES) expect(contrast(shade.fill, shade.text)).toBeGreaterThanOrEqual(4.5);
  });

  it('writes shares and means the Dutch way', () => {
    expect(percent(0.375)).toBe('38%');
    expect(percent(null)).toBe('–');
    expect(decimal(62.54)).toBe('62,5');
  });

  it('names months and weeks in the reader’s language, on the calendar day the API sent', () => {
    expect(periodLabel('nl', '2026-03-01', 'month')).toBe('mrt 2026');
    expect(periodLabel('nl', '2026-03-09', 'week')).toBe('9 mrt 2026');
    expect(periodLabel('en', '2026-03-01', 'month')).toBe('Mar 2026');
  });
});
