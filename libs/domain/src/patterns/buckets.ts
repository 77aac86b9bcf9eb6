import { SIGNIFIER_MAX, SIGNIFIER_MIN } from '../questionnaires/question';

/** Dyad histograms have ten bins; the canvas is a ten by ten grid. */
export const SIGNIFIER_BINS = 10;
const WIDTH = (SIGNIFIER_MAX - SIGNIFIER_MIN) / SIGNIFIER_BINS;

/** The bin of a 0–100 signifier value; 100 falls in the last bin, as in the SQL of PatternsRepository. */
export const signifierBin = (value: number): number =>
  Math.min(SIGNIFIER_BINS - 1, Math.max(0, Math.floor((value - SIGNIFIER_MIN) / WIDTH)));

/** The values a bin holds: `from` inclusive, `to` exclusive except for the last bin (which holds 100). */
export const signifierBinRange = (bin: number): { from: number; to: number } => ({
  from: SIGNIFIER_MIN + bin * WIDTH,
  to: SIGNIFIER_MIN + (bin + 1) * WIDTH,
});

export const PERIOD_UNITS = ['week', 'month'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The days a period covers (ISO `YYYY-MM-DD`, both inclusive), from the first day Postgres' `date_trunc` gives:
 * a week runs Monday to Sunday, a month to its last day. This is the period a chart bar links to.
 */
export const periodRange = (start: string, unit: PeriodUnit): { from: string; to: string } => {
  const first = new Date(`${start}T00:00:00Z`);
  const last =
    unit === 'week'
      ? new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate() + 6))
      : new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  return { from: isoDay(first), to: isoDay(last) };
};
