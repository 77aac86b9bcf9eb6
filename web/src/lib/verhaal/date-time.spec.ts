import { describe, expect, it } from 'vitest';
import { formatDateTime } from './date-time';

describe('formatDateTime', () => {
  it('shows date and time in Dutch time', () => {
    const text = formatDateTime('nl', '2026-11-23T13:05:00Z');
    expect(text).toContain('23 november 2026');
    expect(text).toContain('14:05');
  });

  it('gives nothing for a date it cannot read', () => {
    expect(formatDateTime('nl', 'gisteren')).toBe('');
  });
});
