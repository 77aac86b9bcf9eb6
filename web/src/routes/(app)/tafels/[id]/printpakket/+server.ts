import { error } from '@sveltejs/kit';
import { requireArea } from '$lib/server/guards';
import { translate } from '$lib/i18n';
import { apiFileUrl, fetchTafel, scopeOf } from '$lib/tafels/tafels.server';
import { failLoad } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** The print pack PDF, fetched from the API with the session token (the browser never sees the token). */
export const GET: RequestHandler = async ({ locals, url, params, fetch }) => {
  requireArea(locals, url, 'tafels');
  const scope = scopeOf(locals);
  const tafel = await fetchTafel(scope, params.id).catch((cause: unknown) => failLoad(cause, locals, url));
  // The cards are the stories themselves: not for managers (aggregates only, issue 8).
  if (!tafel.canSeeStories)
    error(403, { message: translate(locals.locale, 'tafels.print.klaarZonderDownload'), code: 'FORBIDDEN' });
  if (!tafel.printPack.downloadPath)
    error(404, { message: translate(locals.locale, 'fouten.nietGevonden'), code: 'NOT_FOUND' });
  const headers: Record<string, string> = {};
  if (scope.token) headers.authorization = `Bearer ${scope.token}`;
  if (scope.organisationId) headers['x-organisation-id'] = scope.organisationId;
  const res = await fetch(apiFileUrl(tafel.printPack.downloadPath), { headers }).catch(() => null);
  if (!res?.ok || !res.body)
    error(res?.status === 404 ? 404 : 503, {
      message: translate(locals.locale, res?.status === 404 ? 'fouten.nietGevonden' : 'fouten.onbereikbaar'),
      code: res?.status === 404 ? 'NOT_FOUND' : 'UNAVAILABLE',
    });
  const name = `printpakket-${tafel.date}.pdf`;
  return new Response(res.body, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-store',
    },
  });
};
