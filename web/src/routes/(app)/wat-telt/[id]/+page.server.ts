import { scopeOf } from '$lib/beheer/beheer.server';
import { failLoad, requireArea } from '$lib/server/guards';
import { fetchBoard, fetchClient } from '$lib/wat-telt/wat-telt.server';
import type { PageServerLoad } from './$types';

const NOTICES = ['nieuw', 'opgeslagen'] as const;

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireArea(locals, url, 'wat-telt');
  try {
    const scope = scopeOf(locals);
    const [client, board] = await Promise.all([fetchClient(scope, params.id), fetchBoard(scope)]);
    const notice = url.searchParams.get('melding');
    return {
      client,
      leefgebieden: board.leefgebieden,
      notice: (NOTICES as readonly string[]).includes(notice ?? '') ? (notice as (typeof NOTICES)[number]) : null,
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};
