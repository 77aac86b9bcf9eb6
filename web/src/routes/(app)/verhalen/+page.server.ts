import { failLoad, requireArea } from '$lib/server/guards';
import { fetchStories } from '$lib/server/stories';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;
// Cursors are short opaque strings; anything longer is not one of ours.
const MAX_CURSOR_LENGTH = 512;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'verhalen');
  const na = url.searchParams.get('na');
  const after = na && na.length <= MAX_CURSOR_LENGTH ? na : null;

  try {
    const connection = await fetchStories(
      { token: locals.token, organisationId: locals.organisation?.id ?? null },
      { first: PAGE_SIZE, after },
    );
    return {
      stories: connection.edges.map(({ node }) => ({
        id: node.id,
        title: node.title,
        status: node.status,
        tellerKind: node.tellerKind,
        createdAt: node.createdAt,
        wijk: node.wijk?.name ?? null,
      })),
      nextCursor: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null,
      isFirstPage: after === null,
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};
