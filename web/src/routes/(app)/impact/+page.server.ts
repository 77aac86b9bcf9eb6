import { scopeOf } from '$lib/beheer/beheer.server';
import { failLoad, requireArea } from '$lib/server/guards';
import { fetchBoard, fetchImpact, fetchStorySide } from '$lib/wat-telt/wat-telt.server';
import type { PageServerLoad } from './$types';
import { selectionFrom, selectionQuery } from '$lib/wat-telt/impact-selection';

/** The selection is in the address (a GET form), so a view can be bookmarked and works without JavaScript. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'impact');
  const selection = selectionFrom(url.searchParams);
  try {
    const scope = scopeOf(locals);
    const [board, impact, stories] = await Promise.all([fetchBoard(scope), fetchImpact(scope, selection), fetchStorySide(scope, selection)]);
    return { selection, reportQuery: selectionQuery(selection), wijken: board.wijken, teams: board.teams, impact, stories };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};
