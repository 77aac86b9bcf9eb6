import { scopeOf } from '$lib/beheer/beheer.server';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import { fetchBoard, fetchImpact, fetchInterventionEffect, fetchStorySide, type InterventionEffect } from '$lib/wat-telt/wat-telt.server';
import type { PageServerLoad } from './$types';
import { selectionFrom, selectionQuery, storyOptionsFrom, storyOptionsQuery } from '$lib/wat-telt/impact-selection';

/** The selection is in the address (a GET form), so a view can be bookmarked and works without JavaScript. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'impact');
  const selection = selectionFrom(url.searchParams);
  const options = storyOptionsFrom(url.searchParams);
  try {
    const scope = scopeOf(locals);
    // A wrong window or an intervention that is gone is explained beside the comparison; the rest of the page stays.
    const effect = options.interventionId
      ? fetchInterventionEffect(scope, selection, options.interventionId, options.months).then(
          (result): { result: InterventionEffect; problem: null } => ({ result, problem: null }),
          (cause) => {
            if (isApiError(cause) && (cause.code === 'BAD_USER_INPUT' || cause.code === 'NOT_FOUND')) return { result: null, problem: cause.message };
            throw cause;
          },
        )
      : Promise.resolve(null);
    const [board, impact, stories, comparison] = await Promise.all([
      fetchBoard(scope),
      fetchImpact(scope, selection),
      fetchStorySide(scope, selection, options.by),
      effect,
    ]);
    return { selection, options, reportQuery: [selectionQuery(selection), storyOptionsQuery(options)].filter(Boolean).join('&'), wijken: board.wijken, teams: board.teams, impact, stories, comparison };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};
