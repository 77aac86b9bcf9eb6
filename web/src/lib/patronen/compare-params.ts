import { parseStoryFilter, storyFilterToSearchParams, type StoryFilter } from '@vertelpunt/domain';

/** Selections A and B live in the URL too, as the base selection's parameters with a prefix: `a-wijk`, `b-van`. */
export const SIDES = ['a', 'b'] as const;
export type Side = (typeof SIDES)[number];
export const COMPARE_PARAM = 'vergelijk';

/** What the compare form sets per side: period, wijk and teller; everything else comes from the base selection. */
const SIDE_PARAMS = ['van', 'tot', 'wijk', 'teller'] as const;

/** A side's own parameters, unprefixed. */
const sideParams = (params: URLSearchParams, side: Side) => {
  const own = new URLSearchParams();
  for (const name of SIDE_PARAMS)
    for (const value of params.getAll(`${side}-${name}`)) if (value.trim() !== '') own.append(name, value);
  return own;
};

/** The base selection, with what the side sets in its place. */
export const sideFilter = (base: StoryFilter, params: URLSearchParams, side: Side): StoryFilter => {
  const own = sideParams(params, side);
  const parsed = parseStoryFilter(own);
  return {
    ...base,
    from: own.has('van') ? parsed.from : base.from,
    to: own.has('tot') ? parsed.to : base.to,
    wijkIds: own.has('wijk') ? parsed.wijkIds : base.wijkIds,
    tellerKind: own.has('teller') ? parsed.tellerKind : base.tellerKind,
  };
};

export type Comparison = { a: StoryFilter; b: StoryFilter } | null;

/** The two selections when the compare form was sent, else null. */
export const comparisonFrom = (base: StoryFilter, params: URLSearchParams): Comparison =>
  params.has(COMPARE_PARAM) ? { a: sideFilter(base, params, 'a'), b: sideFilter(base, params, 'b') } : null;

/** The values the compare form shows for a side (its own, not the base selection's). */
export const sideFormValues = (params: URLSearchParams, side: Side) => {
  const own = sideParams(params, side);
  return {
    van: own.get('van') ?? '',
    tot: own.get('tot') ?? '',
    wijk: own.get('wijk') ?? '',
    teller: own.get('teller') ?? '',
  };
};

/**
 * The base selection's parameters that a form does not show itself, as hidden fields, so sending the compact
 * filter form keeps a tag or archetype chosen on /verhalen.
 */
export const hiddenFilterFields = (filter: StoryFilter, shown: readonly string[]): [string, string][] =>
  [...storyFilterToSearchParams(filter)].filter(([name]) => !shown.includes(name));
