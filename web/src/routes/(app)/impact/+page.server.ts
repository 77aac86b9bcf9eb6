import { scopeOf } from '$lib/beheer/beheer.server';
import { failLoad, requireArea } from '$lib/server/guards';
import { fetchBoard, fetchImpact, type ImpactSelection } from '$lib/wat-telt/wat-telt.server';
import type { PageServerLoad } from './$types';

const date = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/** The selection is in the address (a GET form), so a view can be bookmarked and works without JavaScript. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'impact');
  const selection: ImpactSelection = {
    from: date(url.searchParams.get('van')),
    to: date(url.searchParams.get('tot')),
    wijkId: url.searchParams.get('wijk') || null,
    team: url.searchParams.get('team')?.trim() || null,
  };
  try {
    const scope = scopeOf(locals);
    const [board, impact] = await Promise.all([fetchBoard(scope), fetchImpact(scope, selection)]);
    return { selection, wijken: board.wijken, teams: board.teams, impact };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};
