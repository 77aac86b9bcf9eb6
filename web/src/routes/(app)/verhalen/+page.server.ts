import { redirect } from '@sveltejs/kit';
import { parseStoryFilter, STORY_EXPORT_ROLES } from '@vertelpunt/domain';
import { canonicalSearch, cursorFrom, explorerLinks, similarQuery } from '$lib/explorer/explorer-url';
import { fetchExplorerOptions, fetchExplorerPage, type ExplorerPage } from '$lib/explorer/explorer.server';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/** A filter the API refuses (a hand-edited link) keeps the panel, with the reason, so it can be fixed. */
const refusedFilter = (cause: unknown): ExplorerPage & { problem: string } => {
  if (!isApiError(cause) || cause.code !== 'BAD_USER_INPUT') throw cause;
  return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null }, problem: cause.message };
};

export const load: PageServerLoad = async ({ locals, url }) => {
  // Wijkcoaches, facilitators and admins explore (anonymised); managers see aggregates only (issue 8).
  requireArea(locals, url, 'verhalen');

  const clean = canonicalSearch(url);
  if (clean !== null) redirect(303, clean === '' ? url.pathname : `${url.pathname}?${clean}`);

  const filter = parseStoryFilter(url.searchParams);
  const after = cursorFrom(url.searchParams);
  const scope = { token: locals.token, organisationId: locals.organisation?.id ?? null };
  try {
    const [options, page] = await Promise.all([
      fetchExplorerOptions(scope),
      fetchExplorerPage(scope, filter, { first: PAGE_SIZE, after }).catch(refusedFilter),
    ]);
    const nextCursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    return {
      canExport: locals.roles.some((r) => STORY_EXPORT_ROLES.includes(r)),
      filter,
      options,
      stories: page.edges.map((e) => ({ ...e.node, similarQuery: similarQuery(filter, e.node.id) })),
      totalCount: page.totalCount,
      isFirstPage: after === null,
      links: explorerLinks(filter, nextCursor),
      problem: 'problem' in page ? page.problem : null,
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};
