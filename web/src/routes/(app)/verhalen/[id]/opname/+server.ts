import { translate } from '$lib/i18n';
import { apiBaseUrl, pickHeaders } from '$lib/vertel/proxy.server';
import { AUDIO_RESPONSE_HEADERS, forwardedRange } from '$lib/verhaal/audio-proxy.server';
import type { RequestHandler } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const plain = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' },
  });

/**
 * The recording for the page's player, with the browser's cookie session: the API checks role and
 * organisation and writes the audit line; Range requests pass through so the player can seek.
 */
export const GET: RequestHandler = async ({ locals, params, request }) => {
  const t = (key: Parameters<typeof translate>[1]) => translate(locals.locale, key);
  if (locals.sessionUnavailable) return plain(503, t('fouten.onbereikbaar'));
  if (!locals.user || !locals.token || !locals.organisation) return plain(401, t('verhaal.speler.nietIngelogd'));
  if (!UUID.test(params.id)) return plain(404, t('verhaal.nietGevonden'));

  const headers: Record<string, string> = {
    authorization: `Bearer ${locals.token}`,
    'x-organisation-id': locals.organisation.id,
  };
  const range = forwardedRange(request.headers.get('range'));
  if (range) headers.range = range;

  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}/stories/${params.id}/audio`, { headers, signal: request.signal });
  } catch {
    return plain(503, t('fouten.onbereikbaar'));
  }
  if (upstream.status === 403) return plain(403, t('verhaal.speler.geenRecht'));
  if (upstream.status === 404) return plain(404, t('verhaal.nietGevonden'));
  if (upstream.status === 401) return plain(401, t('verhaal.speler.nietIngelogd'));
  if (upstream.status !== 200 && upstream.status !== 206 && upstream.status !== 416)
    return plain(502, t('fouten.onbereikbaar'));
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { ...pickHeaders(upstream.headers, AUDIO_RESPONSE_HEADERS), 'cache-control': 'private, no-store' },
  });
};
