import { describe, expect, it } from 'vitest';
import { monthsOnAxis, positionOnAxis } from './timeline';

describe('time axis of the stories per month', () => {
  it('spans stories and interventions, months without either included', () => {
    expect(monthsOnAxis(['2026-02', '2025-12'], ['2026-04-15'])).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    expect(monthsOnAxis([], [])).toEqual([]);
  });

  it('puts an intervention inside its month by its day', () => {
    const axis = ['2026-01', '2026-02', '2026-03'];
    // 15 February: index 1 plus 14,5 of 28 days.
    expect(positionOnAxis(axis, '2026-02-15')).toBeCloseTo(1 + 14.5 / 28, 10);
    expect(positionOnAxis(axis, '2026-01-01')).toBeCloseTo(0.5 / 31, 10);
  });
});
