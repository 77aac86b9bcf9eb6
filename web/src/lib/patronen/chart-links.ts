import {
  periodRange,
  storyFilterToSearchParams,
  type PeriodUnit,
  type StoryFilter,
  type TellerKind,
} from '@vertelpunt/domain';

/**
 * "Van patroon naar verhaal": every chart element links to the Verhalen explorer with the current selection narrowed
 * to that element, in the explorer's own URL parameters (`storyFilterToSearchParams`).
 */
export const STORIES_PATH = '/verhalen';
/** A link into the explorer, typed so SvelteKit's `resolve` accepts it. */
export type StoriesHref = '/verhalen' | `/verhalen?${string}`;

/**
 * A dyad bin or canvas cell adds this parameter (`signaal=<questionId>:<from>-<to>[:<from>-<to>]`): StoryFilter's
 * `signals`, which the explorer narrows to (libs/domain/src/explorer/story-filter.ts).
 */
export const SIGNIFIER_PARAM = 'signaal';

const hrefOf = (filter: StoryFilter, extra: [string, string][] = []): StoriesHref => {
  const params = storyFilterToSearchParams(filter);
  for (const [name, value] of extra) params.append(name, value);
  const query = params.toString();
  return query === '' ? STORIES_PATH : `/verhalen?${query}`;
};

const later = (a: string | null, b: string) => (a !== null && a > b ? a : b);
const earlier = (a: string | null, b: string) => (a !== null && a < b ? a : b);

/** The selection within one week or month (the overlap of both periods). */
export const withinPeriod = (filter: StoryFilter, periodStart: string, unit: PeriodUnit): StoryFilter => {
  const range = periodRange(periodStart, unit);
  return { ...filter, from: later(filter.from, range.from), to: earlier(filter.to, range.to) };
};

export const periodHref = (filter: StoryFilter, periodStart: string, unit: PeriodUnit, tellerKind?: TellerKind) =>
  hrefOf({ ...withinPeriod(filter, periodStart, unit), tellerKind: tellerKind ?? filter.tellerKind });

/** An archetype bar: stories that chose it (told by this kind of teller, for the side-by-side bars). */
export const archetypeHref = (filter: StoryFilter, archetypeId: string, tellerKind?: TellerKind) =>
  hrefOf({ ...filter, archetypeIds: [archetypeId], tellerKind: tellerKind ?? filter.tellerKind });

/**
 * A tag: tags are "any of" within a taxonomy, so a selected tag of the same taxonomy is replaced (it would widen the
 * selection), and a tag of another taxonomy stays (it narrows).
 */
export const withTag = (filter: StoryFilter, tagId: string, sameTaxonomyTagIds: readonly string[]): StoryFilter => ({
  ...filter,
  tagIds: [...filter.tagIds.filter((id) => !sameTaxonomyTagIds.includes(id)), tagId],
});

export const tagWijkHref = (
  filter: StoryFilter,
  tagId: string,
  sameTaxonomyTagIds: readonly string[],
  wijkId: string,
) => hrefOf({ ...withTag(filter, tagId, sameTaxonomyTagIds), wijkIds: [wijkId] });

export const tagMonthHref = (
  filter: StoryFilter,
  tagId: string,
  sameTaxonomyTagIds: readonly string[],
  monthStart: string,
) => hrefOf(withinPeriod(withTag(filter, tagId, sameTaxonomyTagIds), monthStart, 'month'));

export type Range = { from: number; to: number };

export const signifierHref = (filter: StoryFilter, questionId: string, x: Range, y?: Range) =>
  hrefOf(filter, [[SIGNIFIER_PARAM, [questionId, `${x.from}-${x.to}`, ...(y ? [`${y.from}-${y.to}`] : [])].join(':')]]);
