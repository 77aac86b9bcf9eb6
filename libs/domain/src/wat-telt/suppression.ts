import type { Distribution } from './distribution';
import type { ChangeFigure, ImpactFigures } from './impact';
import type { GoalStatus } from './measurement';

/** A figure, or nothing at all (not even its n) when it rests on fewer inwoners than the minimum. */
export type Guarded<T> = { suppressed: true } | ({ suppressed: false } & T);

export type SuppressedImpact = {
  threshold: number;
  minGroupSize: number;
  inwonersWithFollowUp: Guarded<{ value: number }>;
  rapportcijfer: Guarded<ChangeFigure>;
  leefgebieden: { leefgebied: string; change: Guarded<ChangeFigure> }[];
  goals: Guarded<{ inwoners: number; total: number; byStatus: Record<GoalStatus, number> }>;
  perspectiveGap: { leefgebied: string; gap: Guarded<{ n: number; distribution: Distribution | null }> }[];
};

export const guard = <T extends object>(n: number, minGroupSize: number, figure: T): Guarded<T> =>
  n >= minGroupSize && n > 0 ? { suppressed: false, ...figure } : { suppressed: true };

/**
 * Small-group suppression: every figure over fewer than `minGroupSize` inwoners is replaced by
 * "te weinig gegevens". The API applies this before anything leaves the server, so no screen or
 * export can show the raw figures.
 */
export const suppressImpact = (figures: ImpactFigures, minGroupSize: number): SuppressedImpact => ({
  threshold: figures.threshold,
  minGroupSize,
  inwonersWithFollowUp: guard(figures.inwonersWithFollowUp, minGroupSize, { value: figures.inwonersWithFollowUp }),
  rapportcijfer: guard(figures.rapportcijfer.n, minGroupSize, figures.rapportcijfer),
  leefgebieden: figures.leefgebieden.map(({ leefgebied, change }) => ({ leefgebied, change: guard(change.n, minGroupSize, change) })),
  goals: guard(figures.goals.inwoners, minGroupSize, figures.goals),
  perspectiveGap: figures.perspectiveGap.map(({ leefgebied, n, distribution }) => ({ leefgebied, gap: guard(n, minGroupSize, { n, distribution }) })),
});
