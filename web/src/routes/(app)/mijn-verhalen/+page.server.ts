import { fetchMyStories, scopeOf } from '$lib/mijn-verhalen/my-stories.server';
import { failLoad, requireArea } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;
// Cursors are short opaque strings; anything longer is not one of ours.
const MAX_CURSOR_LENGTH = 512;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'mijn-verhalen');
  const na = url.searchParams.get('na');
  const after = na && na.length <= MAX_CURSOR_LENGTH ? na : null;

  try {
    const connection = await fetchMyStories(scopeOf(locals), { first: PAGE_SIZE, after });
    return {
      stories: connection.edges.map(({ node }) => node),
      nextCursor: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null,
      isFirstPage: after === null,
      // Set by the withdraw action's redirect, so the confirmation survives without JavaScript.
      justWithdrawn: url.searchParams.has('ingetrokken'),
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};
