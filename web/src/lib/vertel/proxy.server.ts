import type { MessageKey } from '$lib/i18n';
import { apiGraphqlUrl } from '$lib/server/api';

/**
 * Rules shared by the two proxies under /vertel/api: the browser may only talk to its own origin
 * (CSP connect-src 'self'), so these pass the recorder's calls on to the API with the right identity.
 */

export const apiBaseUrl = (): string => apiGraphqlUrl().replace(/\/graphql$/, '');

/** Vertel-link tokens are URL-safe base64 (libs/db newLinkToken); anything else never reaches the API. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{10,200}$/;

export type ProxyRefusal = {
  ok: false;
  status: number;
  code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'UNAVAILABLE';
  messageKey: MessageKey;
};
export type ProxyIdentity = { ok: true; headers: Record<string, string>; kind: 'coach' | 'link' };

type Session = Pick<App.Locals, 'token' | 'user' | 'organisation' | 'sessionUnavailable'>;

/**
 * Whose call this is. An `x-vertel-token` makes it an anonymous inwoner's call, even from a browser
 * that is logged in, so inwoner stories never carry a user. Otherwise the session decides, and the
 * story's own user and organisation (sent by the outbox) must match it: a story told by one wijkcoach
 * is never sent in another's name after a change of login on a shared phone.
 */
export const resolveIdentity = (headers: Headers, locals: Session): ProxyIdentity | ProxyRefusal => {
  const token = headers.get('x-vertel-token');
  if (token !== null) {
    if (!TOKEN_PATTERN.test(token)) {
      return { ok: false, status: 404, code: 'BAD_USER_INPUT', messageKey: 'vertel.proxy.linkOngeldig' };
    }
    return { ok: true, kind: 'link', headers: { 'x-vertel-token': token } };
  }
  if (locals.sessionUnavailable) {
    return { ok: false, status: 503, code: 'UNAVAILABLE', messageKey: 'fouten.onbereikbaar' };
  }
  if (!locals.user || !locals.token) {
    return { ok: false, status: 401, code: 'UNAUTHENTICATED', messageKey: 'vertel.proxy.nietIngelogd' };
  }
  const claimedUser = headers.get('x-vertel-user');
  if (claimedUser !== null && claimedUser !== locals.user.id) {
    return { ok: false, status: 401, code: 'UNAUTHENTICATED', messageKey: 'vertel.proxy.andereGebruiker' };
  }
  const claimedOrganisation = headers.get('x-vertel-organisation');
  const organisationId = claimedOrganisation ?? locals.organisation?.id ?? null;
  const member = locals.user.memberships.some((m) => m.organisation.id === organisationId);
  if (!organisationId || !member) {
    return { ok: false, status: 403, code: 'FORBIDDEN', messageKey: 'vertel.proxy.andereOrganisatie' };
  }
  return {
    ok: true,
    kind: 'coach',
    headers: { authorization: `Bearer ${locals.token}`, 'x-organisation-id': organisationId },
  };
};

/**
 * Cross-site requests are refused: the session cookie is SameSite=lax already, and this also keeps
 * other sites from using an inwoner's browser as a relay.
 */
export const isSameOrigin = (headers: Headers, origin: string): boolean => {
  const sent = headers.get('origin');
  if (sent !== null) return sent === origin;
  const site = headers.get('sec-fetch-site');
  return site === null || site === 'same-origin' || site === 'none';
};

export const UPLOAD_PROXY_PATH = '/vertel/api/uploads';

/**
 * The API's `Location` for a new upload, as a path on our proxy: `http://api:4000/uploads/abc` and
 * `/uploads/abc` both become `/vertel/api/uploads/abc`. Null when it does not point at the uploads.
 */
export const rewriteUploadLocation = (location: string, apiBase: string): string | null => {
  let url: URL;
  try {
    url = new URL(location, `${apiBase.replace(/\/+$/, '')}/uploads/`);
  } catch {
    return null;
  }
  const match = /\/uploads\/([^/?#]+(?:\/[^/?#]+)*)\/?$/.exec(url.pathname);
  return match ? `${UPLOAD_PROXY_PATH}/${match[1]}` : null;
};

/** A tus upload id from the proxy path: plain segments only, never `..` or an encoded slash. */
export const safeUploadPath = (path: string): string | null => {
  if (path === '') return '';
  const segments = path.split('/');
  return segments.every((s) => /^[A-Za-z0-9._~-]+$/.test(s) && s !== '.' && s !== '..') ? segments.join('/') : null;
};

/** tus request headers that go to the API; cookies and everything else stay here. */
export const TUS_REQUEST_HEADERS = [
  'tus-resumable',
  'upload-offset',
  'upload-length',
  'upload-defer-length',
  'upload-metadata',
  'upload-concat',
  'upload-checksum',
  'content-type',
  'content-length',
  'x-http-method-override',
] as const;

/** tus response headers that come back to the browser (Location is rewritten separately). */
export const TUS_RESPONSE_HEADERS = [
  'tus-resumable',
  'tus-version',
  'tus-extension',
  'tus-max-size',
  'tus-checksum-algorithm',
  'upload-offset',
  'upload-length',
  'upload-metadata',
  'upload-defer-length',
  'upload-expires',
  'x-story-status',
  'content-type',
] as const;

export const pickHeaders = (from: Headers, names: readonly string[]): Record<string, string> => {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = from.get(name);
    if (value !== null) picked[name] = value;
  }
  return picked;
};
