import { translate } from '$lib/i18n';
import {
  apiBaseUrl,
  isSameOrigin,
  pickHeaders,
  resolveIdentity,
  rewriteUploadLocation,
  safeUploadPath,
  TUS_REQUEST_HEADERS,
  TUS_RESPONSE_HEADERS,
} from '$lib/vertel/proxy.server';
import type { RequestHandler } from './$types';

const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

const plain = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'tus-resumable': '1.0.0' },
  });

/**
 * tus between the recorder and the API's /uploads: request bodies stream through untouched (a chunk
 * is never held in memory here), the tus headers go both ways, and `Location` points back at this
 * proxy so the browser's next PATCH and HEAD come here too.
 */
const forward: RequestHandler = async ({ request, locals, params, url }) => {
  const t = (key: Parameters<typeof translate>[1]) => translate(locals.locale, key);
  const method = request.method.toUpperCase();
  if (!isSameOrigin(request.headers, url.origin)) return plain(403, t('fouten.geenToegang'));
  // tus clients always send Tus-Resumable; a plain form post from elsewhere cannot.
  if (method !== 'OPTIONS' && request.headers.get('tus-resumable') === null) {
    return plain(412, t('fouten.ongeldigeInvoer'));
  }
  const path = safeUploadPath(params.path ?? '');
  if (path === null) return plain(404, t('fouten.nietGevonden'));
  if ((method === 'POST') !== (path === '')) return plain(405, t('fouten.ongeldigeInvoer'));

  const identity = resolveIdentity(request.headers, locals);
  if (!identity.ok) return plain(identity.status, t(identity.messageKey));

  const base = apiBaseUrl();
  const target = `${base}/uploads${path ? `/${path}` : ''}`;
  const headers = { ...pickHeaders(request.headers, TUS_REQUEST_HEADERS), ...identity.headers };
  const hasBody = method === 'PATCH' || (method === 'POST' && request.headers.get('content-type') !== null);

  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method,
      headers,
      body: hasBody ? request.body : undefined,
      // Streams the chunk through instead of buffering it.
      duplex: 'half',
      redirect: 'manual',
      signal: request.signal,
    } as RequestInit & { duplex: 'half' });
  } catch {
    return plain(503, t('fouten.onbereikbaar'));
  }

  const responseHeaders = new Headers({
    ...pickHeaders(upstream.headers, TUS_RESPONSE_HEADERS),
    'cache-control': 'no-store',
  });
  const location = upstream.headers.get('location');
  if (location !== null) {
    const rewritten = rewriteUploadLocation(location, base);
    if (rewritten === null) return plain(502, t('fouten.onbereikbaar'));
    responseHeaders.set('location', rewritten);
  }
  const body = method === 'HEAD' || NO_BODY_STATUSES.has(upstream.status) ? null : upstream.body;
  return new Response(body, { status: upstream.status, headers: responseHeaders });
};

export const POST = forward;
export const PATCH = forward;
export const HEAD = forward;
export const OPTIONS = forward;
export const DELETE = forward;
