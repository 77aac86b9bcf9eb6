import { distributionOf, toTenths, type Distribution } from './distribution';
import type { GoalStatus, Perspective } from './measurement';

/** A change of at least half a point (up or down) counts as changed; anything smaller is stable. Shown in the UI. */
export const CHANGE_THRESHOLD = 0.5;

/** Figures over fewer inwoners than this are not shown (overridable with WAT_TELT_MIN_GROUP_SIZE). */
export const DEFAULT_MIN_GROUP_SIZE = 10;

export const TOO_LITTLE_DATA = 'te weinig gegevens';

export type ImpactMeasurement = {
  clientId: string;
  measuredOn: string;
  rapportcijfer: number;
  positions: { leefgebied: string; perspective: Perspective; position: number }[];
};

export type ImpactGoal = { clientId: string; status: GoalStatus };

export type ChangeFigure = { n: number; improved: number; stable: number; declined: number; distribution: Distribution | null };

export type ImpactFigures = {
  threshold: number;
  inwonersMeasured: number;
  inwonersWithFollowUp: number;
  rapportcijfer: ChangeFigure;
  leefgebieden: { leefgebied: string; change: ChangeFigure }[];
  goals: { inwoners: number; total: number; byStatus: Record<GoalStatus, number> };
  perspectiveGap: { leefgebied: string; n: number; distribution: Distribution | null }[];
};

const changeFigure = (changesInTenths: number[], thresholdTenths: number): ChangeFigure => ({
  n: changesInTenths.length,
  improved: changesInTenths.filter((c) => c >= thresholdTenths).length,
  declined: changesInTenths.filter((c) => c <= -thresholdTenths).length,
  stable: changesInTenths.filter((c) => Math.abs(c) < thresholdTenths).length,
  distribution: distributionOf(changesInTenths, thresholdTenths),
});

const positionOf = (m: ImpactMeasurement, leefgebied: string, perspective: Perspective) =>
  m.positions.find((p) => p.leefgebied === leefgebied && p.perspective === perspective)?.position;

/**
 * The impact of a selection. Per inwoner the first and the latest measurement are compared (in
 * date order; measurements on one date keep their given order). A leefgebied counts for an inwoner
 * when the inwoner placed a chip on it in two different measurements: the first and the latest of those.
 * The perspective gap is inwoner minus professional on the latest measurement where both placed a chip.
 */
export const computeImpact = (
  measurements: readonly ImpactMeasurement[],
  goals: readonly ImpactGoal[],
  threshold = CHANGE_THRESHOLD,
): ImpactFigures => {
  const thresholdTenths = toTenths(threshold);
  const byClient = new Map<string, ImpactMeasurement[]>();
  for (const m of measurements) byClient.set(m.clientId, [...(byClient.get(m.clientId) ?? []), m]);
  const series = [...byClient.values()].map((list) =>
    list.map((m, i) => ({ m, i })).sort((a, b) => a.m.measuredOn.localeCompare(b.m.measuredOn) || a.i - b.i).map(({ m }) => m),
  );
  const followed = series.filter((list) => list.length >= 2);

  const rapportcijfer = followed.map((list) => (list[list.length - 1].rapportcijfer - list[0].rapportcijfer) * 10);

  const leefgebiedKeys = [...new Set(measurements.flatMap((m) => m.positions.map((p) => p.leefgebied)))].sort();
  const leefgebieden = leefgebiedKeys.map((leefgebied) => {
    const changes = followed.flatMap((list) => {
      const placed = list.map((m) => positionOf(m, leefgebied, 'inwoner')).filter((p): p is number => p !== undefined);
      return placed.length >= 2 ? [toTenths(placed[placed.length - 1]) - toTenths(placed[0])] : [];
    });
    return { leefgebied, change: changeFigure(changes, thresholdTenths) };
  });

  const perspectiveGap = leefgebiedKeys.map((leefgebied) => {
    const gaps = series.flatMap((list) => {
      const latest = [...list].reverse().find((m) => positionOf(m, leefgebied, 'inwoner') !== undefined && positionOf(m, leefgebied, 'professional') !== undefined);
      return latest ? [toTenths(positionOf(latest, leefgebied, 'inwoner')!) - toTenths(positionOf(latest, leefgebied, 'professional')!)] : [];
    });
    return { leefgebied, n: gaps.length, distribution: distributionOf(gaps, thresholdTenths) };
  });

  const byStatus: Record<GoalStatus, number> = { open: 0, bezig: 0, bereikt: 0, gestopt: 0 };
  for (const goal of goals) byStatus[goal.status] += 1;

  return {
    threshold,
    inwonersMeasured: series.length,
    inwonersWithFollowUp: followed.length,
    rapportcijfer: changeFigure(rapportcijfer, thresholdTenths),
    leefgebieden: leefgebieden.filter((l) => l.change.n > 0),
    goals: { inwoners: new Set(goals.map((g) => g.clientId)).size, total: goals.length, byStatus },
    perspectiveGap: perspectiveGap.filter((g) => g.n > 0),
  };
};
