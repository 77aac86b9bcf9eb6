import { LEEFGEBIEDEN } from '../taxonomies/leefgebieden';

/** One card of the Wat telt board. */
export type WatTeltLeefgebied = { key: string; label: string };

/** The board's cards for an organisation; `isDefault` says it is our starting point, not the organisation's own list. */
export type WatTeltBoard = { leefgebieden: WatTeltLeefgebied[]; isDefault: boolean };

/** The 14 default cards, taken from the leefgebieden taxonomy so stories and boards speak the same language. */
export const DEFAULT_WAT_TELT_LEEFGEBIEDEN: readonly WatTeltLeefgebied[] = Object.freeze(
  LEEFGEBIEDEN.tags.map(({ key, label }) => Object.freeze({ key, label })),
);

/** An organisation without its own list gets the default, marked as such. */
export const boardFor = (own: WatTeltLeefgebied[]): WatTeltBoard =>
  own.length > 0 ? { leefgebieden: own, isDefault: false } : { leefgebieden: [...DEFAULT_WAT_TELT_LEEFGEBIEDEN], isDefault: true };

export const LEEFGEBIED_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
