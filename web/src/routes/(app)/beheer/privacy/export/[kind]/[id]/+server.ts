import { error } from '@sveltejs/kit';
import { scopeOf } from '$lib/beheer/beheer.server';
import { isSubjectKind } from '$lib/beheer/privacy.server';
import { translate } from '$lib/i18n';
import { apiGraphqlUrl } from '$lib/server/api';
import { requireArea } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** The data subject ZIP, streamed from the API with the session token (the browser never sees the token). */
export const GET: RequestHandler = async ({ locals, url, params, fetch }) => {
  requireArea(locals, url, 'beheer');
  if (!isSubjectKind(params.kind) || !/^[0-9a-f-]{36}$/i.test(params.id))
    error(404, { message: translate(locals.locale, 'fouten.nietGevonden'), code: 'NOT_FOUND' });
  const scope = scopeOf(locals);
  const headers: Record<string, string> = {};
  if (scope.token) headers.authorization = `Bearer ${scope.token}`;
  if (scope.organisationId) headers['x-organisation-id'] = scope.organisationId;
  const api = apiGraphqlUrl().replace(/\/graphql$/, '');
  const res = await fetch(`${api}/privacy/export/${params.kind}/${params.id}.zip`, { headers }).catch(() => null);
  if (!res?.ok || !res.body)
    error(res?.status === 404 ? 404 : res?.status === 403 ? 403 : 503, {
      message: translate(locals.locale, res?.status === 404 ? 'fouten.nietGevonden' : res?.status === 403 ? 'fouten.geenToegang' : 'fouten.onbereikbaar'),
      code: res?.status === 404 ? 'NOT_FOUND' : res?.status === 403 ? 'FORBIDDEN' : 'UNAVAILABLE',
    });
  return new Response(res.body, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': res.headers.get('content-disposition') ?? 'attachment; filename="inzage.zip"',
      'cache-control': 'private, no-store',
    },
  });
};
