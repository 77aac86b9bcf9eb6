import { redirect } from '@sveltejs/kit';
import { parseStoryFilter } from '@vertelpunt/domain';
import { canonicalSearch, cursorFrom, explorerLinks } from '$lib/explorer/explorer-url';
import { fetchExplorerOptions, fetchExplorerPage, type ExplorerCard } from '$lib/explorer/explorer.server';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;
/** Tellers read only their own stories (Mijn verhalen); these roles explore everyone's. */
const EXPLORER_ROLES = ['facilitator', 'manager', 'admin'];

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'verhalen');
  if (!locals.roles.some((r) => EXPLORER_ROLES.includes(r))) return { canExplore: false as const };

  const clean = canonicalSearch(url);
  if (clean !== null) redirect(303, clean === '' ? url.pathname : `${url.pathname}?${clean}`);

  const filter = parseStoryFilter(url.searchParams);
  const after = cursorFrom(url.searchParams);
  const scope = { token: locals.token, organisationId: locals.organisation?.id ?? null };
  try {
    const options = await fetchExplorerOptions(scope);
    try {
      const page = await fetchExplorerPage(scope, filter, { first: PAGE_SIZE, after });
      const nextCursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      // Load data must be serialisable: the "zoals dit" link is made here, per story.
      const { similarTo, ...links } = explorerLinks(filter, nextCursor);
      return {
        canExplore: true as const,
        filter,
        options,
        stories: page.edges.map((e) => ({ ...e.node, similarQuery: similarTo(e.node.id) })),
        totalCount: page.totalCount,
        isFirstPage: after === null,
        links,
        problem: null,
      };
    } catch (cause) {
      // A filter the API refuses (a hand-edited link) keeps the panel, with the reason, so it can be fixed.
      if (!isApiError(cause) || cause.code !== 'BAD_USER_INPUT') throw cause;
      const { similarTo: _unused, ...links } = explorerLinks(filter, null);
      return {
        canExplore: true as const,
        filter,
        options,
        stories: [] as (ExplorerCard & { similarQuery: string })[],
        totalCount: 0,
        isFirstPage: true,
        links,
        problem: cause.message,
      };
    }
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};
