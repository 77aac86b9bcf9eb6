import { translate } from '$lib/i18n';
import { apiGraphqlUrl } from '$lib/server/api';
import { BROWSER_OPERATIONS } from '$lib/vertel/operations.server';
import { isSameOrigin, resolveIdentity } from '$lib/vertel/proxy.server';
import type { RequestHandler } from './$types';

/** A story with its answers is small; 50 000 characters of text plus answers fit well within this. */
const MAX_BODY_BYTES = 512 * 1024;
const TIMEOUT_MS = 20_000;

const graphqlError = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The recorder's only way to the API's GraphQL. The browser names an allowed operation and gives
 * its variables; the document comes from our allow-list, and the identity from the session or the
 * vertel-link token (see resolveIdentity).
 */
export const POST: RequestHandler = async ({ request, locals, url }) => {
  const t = (key: Parameters<typeof translate>[1]) => translate(locals.locale, key);
  if (!isSameOrigin(request.headers, url.origin)) return graphqlError(403, 'FORBIDDEN', t('fouten.geenToegang'));
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    return graphqlError(415, 'BAD_USER_INPUT', t('fouten.ongeldigeInvoer'));
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    return graphqlError(413, 'BAD_USER_INPUT', t('vertel.proxy.teGroot'));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return graphqlError(400, 'BAD_USER_INPUT', t('fouten.ongeldigeInvoer'));
  }
  const operationName = isRecord(body) && typeof body.operationName === 'string' ? body.operationName : '';
  const query = Object.hasOwn(BROWSER_OPERATIONS, operationName) ? BROWSER_OPERATIONS[operationName] : null;
  if (query === null) return graphqlError(400, 'FORBIDDEN', t('vertel.proxy.nietToegestaan'));
  const variables = isRecord(body) && isRecord(body.variables) ? body.variables : {};

  const identity = resolveIdentity(request.headers, locals);
  if (!identity.ok) return graphqlError(identity.status, identity.code, t(identity.messageKey));

  let upstream: Response;
  try {
    upstream = await fetch(apiGraphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...identity.headers },
      body: JSON.stringify({ operationName, query, variables }),
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(TIMEOUT_MS)]),
    });
  } catch {
    return graphqlError(503, 'UNAVAILABLE', t('fouten.onbereikbaar'));
  }
  const contentType = upstream.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return graphqlError(502, 'UNAVAILABLE', t('fouten.onbereikbaar'));
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { 'content-type': contentType, 'cache-control': 'no-store' },
  });
};
