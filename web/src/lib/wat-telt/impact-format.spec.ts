import { describe, expect, it } from 'vitest';
import { formatChange, formatShare } from './impact-format';

describe('impact numbers', () => {
  it('writes changes with a sign and a Dutch decimal comma', () => {
    expect(formatChange(1.25)).toBe('+1,25');
    expect(formatChange(-0.5)).toBe('−0,5');
    expect(formatChange(0)).toBe('0');
    expect(formatChange(2, 'en')).toBe('+2');
  });

  it('writes shares as whole percentages of n', () => {
    expect(formatShare(1, 3)).toBe('33%');
    expect(formatShare(2, 3)).toBe('67%');
    expect(formatShare(0, 0)).toBe('0%');
  });
});
