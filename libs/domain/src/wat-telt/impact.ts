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

/**
 * What a selection's impact rests on, one number per inwoner (in tenths of a point): the change in rapportcijfer and
 * per leefgebied between first and latest, and the latest inwoner-minus-professional gap. The database computes this
 * for large selections (`WatTeltRepository.impactChanges`); `changesOf` computes it from measurements. Either way
 * `summariseImpact` is the single place where distributions, improved/stable/declined and counts are made.
 */
export type ImpactChanges = {
  inwonersMeasured: number;
  inwonersWithFollowUp: number;
  rapportcijfer: number[];
  leefgebieden: Record<string, number[]>;
  perspectiveGap: Record<string, number[]>;
  goals: { inwoners: number; byStatus: Record<GoalStatus, number> };
};

/** Expands `{ value, count }` rows (as the database groups them) back into one value per inwoner. */
export const expandCounts = (rows: readonly { value: number; count: number }[]): number[] => {
  const values: number[] = [];
  for (const { value, count } of rows) for (let i = 0; i < count; i++) values.push(value);
  return values;
};

/**
 * Per inwoner the first and the latest measurement are compared (in date order; measurements on one
 * date keep their given order). A leefgebied counts for an inwoner when the inwoner placed a chip on it
 * in two different measurements: the first and the latest of those. The perspective gap is inwoner minus
 * professional on the latest measurement where both placed a chip.
 */
export const changesOf = (measurements: readonly ImpactMeasurement[], goals: readonly ImpactGoal[]): ImpactChanges => {
  const byClient = new Map<string, ImpactMeasurement[]>();
  for (const m of measurements) {
    const list = byClient.get(m.clientId);
    if (list) list.push(m);
    else byClient.set(m.clientId, [m]);
  }

  // One pass per inwoner, in date order (ISO dates compare as strings; sort is stable for equal dates).
  const rapportcijfer: number[] = [];
  const leefgebieden: Record<string, number[]> = {};
  const perspectiveGap: Record<string, number[]> = {};
  const add = (to: Record<string, number[]>, key: string, value: number) => (to[key] ??= []).push(value);
  let followedCount = 0;
  for (const list of byClient.values()) {
    list.sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0));
    const followed = list.length >= 2;
    if (followed) {
      followedCount += 1;
      rapportcijfer.push((list[list.length - 1].rapportcijfer - list[0].rapportcijfer) * 10);
    }
    const inwoner = new Map<string, { first: number; last: number; count: number }>();
    const latestGap = new Map<string, number>();
    for (const m of list) {
      for (const p of m.positions) {
        if (p.perspective !== 'inwoner') continue;
        const seen = inwoner.get(p.leefgebied);
        if (seen) {
          seen.last = toTenths(p.position);
          seen.count += 1;
        } else inwoner.set(p.leefgebied, { first: toTenths(p.position), last: toTenths(p.position), count: 1 });
        const professional = m.positions.find((q) => q.perspective === 'professional' && q.leefgebied === p.leefgebied);
        if (professional) latestGap.set(p.leefgebied, toTenths(p.position) - toTenths(professional.position));
      }
    }
    if (followed) for (const [leefgebied, seen] of inwoner) if (seen.count >= 2) add(leefgebieden, leefgebied, seen.last - seen.first);
    for (const [leefgebied, gap] of latestGap) add(perspectiveGap, leefgebied, gap);
  }
  const byStatus: Record<GoalStatus, number> = { open: 0, bezig: 0, bereikt: 0, gestopt: 0 };
  for (const goal of goals) byStatus[goal.status] += 1;
  return {
    inwonersMeasured: byClient.size,
    inwonersWithFollowUp: followedCount,
    rapportcijfer,
    leefgebieden,
    perspectiveGap,
    goals: { inwoners: new Set(goals.map((g) => g.clientId)).size, byStatus },
  };
};

/** The figures of a selection from its per-inwoner changes (given in tenths). */
export const summariseImpact = (changes: ImpactChanges, threshold = CHANGE_THRESHOLD): ImpactFigures => {
  const thresholdTenths = toTenths(threshold);
  const keys = (record: Record<string, number[]>) => Object.keys(record).sort();
  const { byStatus } = changes.goals;
  return {
    threshold,
    inwonersMeasured: changes.inwonersMeasured,
    inwonersWithFollowUp: changes.inwonersWithFollowUp,
    rapportcijfer: changeFigure(changes.rapportcijfer, thresholdTenths),
    leefgebieden: keys(changes.leefgebieden).map((leefgebied) => ({ leefgebied, change: changeFigure(changes.leefgebieden[leefgebied], thresholdTenths) })),
    goals: { inwoners: changes.goals.inwoners, total: byStatus.open + byStatus.bezig + byStatus.bereikt + byStatus.gestopt, byStatus: { ...byStatus } },
    perspectiveGap: keys(changes.perspectiveGap).map((leefgebied) => {
      const gaps = changes.perspectiveGap[leefgebied];
      return { leefgebied, n: gaps.length, distribution: distributionOf(gaps, thresholdTenths) };
    }),
  };
};

/** The impact of a selection from its measurements and goals: `summariseImpact(changesOf(...))`. */
export const computeImpact = (measurements: readonly ImpactMeasurement[], goals: readonly ImpactGoal[], threshold = CHANGE_THRESHOLD): ImpactFigures =>
  summariseImpact(changesOf(measurements, goals), threshold);
