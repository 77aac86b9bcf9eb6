import { computeImpact, type ImpactGoal, type ImpactMeasurement } from './impact';
import { suppressImpact } from './suppression';

/**
 * Hand-calculated fixture (see the comments for every number):
 *   A: 3 measurements, rapportcijfer 5 → 7 → 8 (+3), financiën inwoner 3.0 → 5.5 → 6.0 (+3.0),
 *      wonen inwoner 6.0 → 6.2 (+0.2, only in the first two); latest financiën with both: 6.0 − 5.0 = +1.0
 *   B: rapportcijfer 6 → 6 (0), financiën 5.0 → 4.5 (−0.5, exactly the threshold); gap 4.5 − 4.0 = +0.5
 *   C: rapportcijfer 7 → 4 (−3), wonen 8.0 → 5.4 (−2.6); gap wonen only on the first: 8.0 − 6.0 = +2.0
 *   D: one measurement only: counted as measured, not as followed up.
 */
const m = (clientId: string, measuredOn: string, rapportcijfer: number, positions: [string, 'inwoner' | 'professional', number][]): ImpactMeasurement => ({
  clientId,
  measuredOn,
  rapportcijfer,
  positions: positions.map(([leefgebied, perspective, position]) => ({ leefgebied, perspective, position })),
});

// Given out of date order on purpose.
const measurements = [
  m('A', '2026-03-10', 7, [['financien', 'inwoner', 5.5], ['financien', 'professional', 5.0], ['wonen', 'inwoner', 6.2]]),
  m('A', '2026-01-10', 5, [['financien', 'inwoner', 3.0], ['financien', 'professional', 4.0], ['wonen', 'inwoner', 6.0]]),
  m('A', '2026-05-10', 8, [['financien', 'inwoner', 6.0], ['financien', 'professional', 5.0]]),
  m('B', '2026-02-01', 6, [['financien', 'inwoner', 5.0], ['financien', 'professional', 3.0]]),
  m('B', '2026-04-01', 6, [['financien', 'inwoner', 4.5], ['financien', 'professional', 4.0]]),
  m('C', '2026-06-01', 4, [['wonen', 'inwoner', 5.4]]),
  m('C', '2026-02-15', 7, [['wonen', 'inwoner', 8.0], ['wonen', 'professional', 6.0]]),
  m('D', '2026-03-01', 5, [['financien', 'inwoner', 2.0]]),
];
const goals: ImpactGoal[] = [
  { clientId: 'A', status: 'bereikt' },
  { clientId: 'A', status: 'bezig' },
  { clientId: 'B', status: 'open' },
  { clientId: 'C', status: 'gestopt' },
];
const counts = (buckets: { key: string; count: number }[]) => Object.fromEntries(buckets.map((b) => [b.key, b.count]));

describe('computeImpact (hand-calculated fixture)', () => {
  const impact = computeImpact(measurements, goals);

  it('counts inwoners measured and inwoners with at least two measurements', () => {
    expect(impact.inwonersMeasured).toBe(4);
    expect(impact.inwonersWithFollowUp).toBe(3);
  });

  it('gives the rapportcijfer change as a distribution: changes −3, 0, +3', () => {
    // sorted −3, 0, 3: Q1 at position 0.5 = −1.5, median 0, Q3 at 1.5 = 1.5
    expect(impact.rapportcijfer).toEqual({
      n: 3,
      improved: 1,
      stable: 1,
      declined: 1,
      distribution: {
        n: 3, min: -3, q1: -1.5, median: 0, q3: 1.5, max: 3, mean: 0,
        buckets: [
          { key: 'down2', from: null, to: -2, count: 1 },
          { key: 'down', from: -1.9, to: -0.5, count: 0 },
          { key: 'same', from: -0.4, to: 0.4, count: 1 },
          { key: 'up', from: 0.5, to: 1.9, count: 0 },
          { key: 'up2', from: 2, to: null, count: 1 },
        ],
      },
    });
  });

  it('gives the change per leefgebied from the first to the latest chip of the inwoner', () => {
    const financien = impact.leefgebieden.find((l) => l.leefgebied === 'financien')!.change;
    // A +3.0, B −0.5 (a change of exactly 0.5 counts); D has one measurement. Q1 = −0.5 + 0.25 × 3.5 = 0.375
    expect(financien).toMatchObject({ n: 2, improved: 1, stable: 0, declined: 1 });
    expect(financien.distribution).toMatchObject({ min: -0.5, q1: 0.38, median: 1.25, q3: 2.13, max: 3, mean: 1.25 });
    expect(counts(financien.distribution!.buckets)).toEqual({ down2: 0, down: 1, same: 0, up: 0, up2: 1 });

    const wonen = impact.leefgebieden.find((l) => l.leefgebied === 'wonen')!.change;
    // A +0.2 (stable), C −2.6: Q1 = −2.6 + 0.25 × 2.8 = −1.9, median −1.2, Q3 −0.5
    expect(wonen).toMatchObject({ n: 2, improved: 0, stable: 1, declined: 1 });
    expect(wonen.distribution).toMatchObject({ min: -2.6, q1: -1.9, median: -1.2, q3: -0.5, max: 0.2, mean: -1.2 });
  });

  it('counts goals by their current status', () => {
    expect(impact.goals).toEqual({ inwoners: 3, total: 4, byStatus: { open: 1, bezig: 1, bereikt: 1, gestopt: 1 } });
  });

  it('gives the gap between inwoner and professional on the latest measurement where both placed a chip', () => {
    const financien = impact.perspectiveGap.find((g) => g.leefgebied === 'financien')!;
    expect(financien.n).toBe(2);
    expect(financien.distribution).toMatchObject({ min: 0.5, median: 0.75, max: 1, mean: 0.75 });
    expect(impact.perspectiveGap.find((g) => g.leefgebied === 'wonen')).toMatchObject({ n: 1, distribution: { median: 2 } });
  });

  it('gives nothing to compare for an empty selection', () => {
    const empty = computeImpact([], []);
    expect(empty).toMatchObject({ inwonersMeasured: 0, inwonersWithFollowUp: 0, leefgebieden: [], perspectiveGap: [] });
    expect(empty.rapportcijfer).toEqual({ n: 0, improved: 0, stable: 0, declined: 0, distribution: null });
  });
});

describe('suppressImpact', () => {
  const impact = computeImpact(measurements, goals);

  it('hides every figure under the default of 10 inwoners, including its n', () => {
    const shown = suppressImpact(impact, 10);
    expect(shown.inwonersWithFollowUp).toEqual({ suppressed: true });
    expect(shown.rapportcijfer).toEqual({ suppressed: true });
    expect(shown.goals).toEqual({ suppressed: true });
    expect(shown.leefgebieden.every((l) => l.change.suppressed)).toBe(true);
    expect(JSON.stringify(shown)).not.toContain('"median"');
  });

  it('shows figures over at least N inwoners and hides the smaller ones next to them', () => {
    const shown = suppressImpact(impact, 3);
    expect(shown.inwonersWithFollowUp).toEqual({ suppressed: false, value: 3 });
    expect(shown.rapportcijfer).toMatchObject({ suppressed: false, n: 3, improved: 1 });
    expect(shown.goals).toMatchObject({ suppressed: false, inwoners: 3 });
    expect(shown.leefgebieden.map((l) => [l.leefgebied, l.change.suppressed])).toEqual([['financien', true], ['wonen', true]]);
    expect(shown.perspectiveGap.map((g) => g.gap.suppressed)).toEqual([true, true]);

    const two = suppressImpact(impact, 2);
    expect(two.leefgebieden.map((l) => l.change.suppressed)).toEqual([false, false]);
    expect(two.perspectiveGap.map((g) => [g.leefgebied, g.gap.suppressed])).toEqual([['financien', false], ['wonen', true]]);
  });

  it('never shows an empty figure, whatever the minimum', () => {
    expect(suppressImpact(computeImpact([], []), 0).rapportcijfer).toEqual({ suppressed: true });
  });
});
