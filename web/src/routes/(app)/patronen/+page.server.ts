import { isEmptyStoryFilter, mayReadStories, parseStoryFilter, storyFilterToSearchParams, type PeriodUnit } from '@vertelpunt/domain';
import { comparisonFrom, hiddenFilterFields, sideFormValues } from '$lib/patronen/compare-params';
import { failLoad, requireArea } from '$lib/server/guards';
import { fetchPatterns } from '$lib/server/patterns';
import type { PageServerLoad } from './$types';

/** The compact filter form shows these parameters itself; any other filter (from /verhalen) travels hidden. */
const SHOWN = ['van', 'tot', 'wijk', 'teller'];

export const load: PageServerLoad = async ({ locals, url, fetch }) => {
  requireArea(locals, url, 'patronen');
  const filter = parseStoryFilter(url.searchParams);
  const unit: PeriodUnit = url.searchParams.get('per') === 'week' ? 'week' : 'month';
  const comparison = comparisonFrom(filter, url.searchParams);
  try {
    const patterns = await fetchPatterns(
      { token: locals.token, organisationId: locals.organisation?.id ?? null, fetch },
      filter,
      unit,
      comparison,
    );
    const hidden = hiddenFilterFields(filter, SHOWN);
    return {
      filter,
      unit,
      patterns,
      // Managers see aggregates only (issue 8): no way from a chart to the stories behind it.
      linksToStories: mayReadStories(locals.roles),
      storiesQuery: storyFilterToSearchParams(filter).toString(),
      filterForm: {
        van: filter.from ?? '',
        tot: filter.to ?? '',
        wijk: filter.wijkIds[0] ?? '',
        teller: filter.tellerKind ?? '',
      },
      hiddenFields: hidden,
      /** For the compare form: the whole base selection travels along, so A and B stay within it. */
      baseFields: [...storyFilterToSearchParams(filter)].concat(unit === 'week' ? [['per', 'week']] : []),
      hasOtherFilters: hidden.length > 0,
      isFiltered: !isEmptyStoryFilter(filter),
      compareForm: { a: sideFormValues(url.searchParams, 'a'), b: sideFormValues(url.searchParams, 'b') },
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};
