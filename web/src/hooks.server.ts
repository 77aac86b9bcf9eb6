import { redirect, type Handle, type HandleServerError, type RequestEvent } from '@sveltejs/kit';
import { localeFrom, translate } from '$lib/i18n';
import { isPublicPath, loginPathFor } from '$lib/navigation';
import { isApiError } from '$lib/server/api';
import { activeMembership, fetchMe } from '$lib/server/auth';
import { refusesCrossSite, requestFacts } from '$lib/server/cross-site';
import { LOCALE_COOKIE, ORGANISATION_COOKIE, SESSION_COOKIE, clearSessionCookie } from '$lib/server/cookies';

/** The CSP itself comes from `kit.csp` in svelte.config.js (it needs SvelteKit's nonces). */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  // For browsers that predate CSP's frame-ancestors.
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  // The recorder on /vertel needs the microphone; nothing needs the rest.
  'permissions-policy': 'microphone=(self), camera=(), geolocation=(), payment=(), usb=()',
};

/** Asks the API who the session cookie belongs to and fills `locals`. */
const loadSession = async (event: RequestEvent): Promise<void> => {
  const { cookies, locals, url } = event;
  const token = cookies.get(SESSION_COOKIE);
  if (!token) return;
  try {
    const user = await fetchMe(token);
    const membership = activeMembership(user.memberships, cookies.get(ORGANISATION_COOKIE));
    locals.token = token;
    locals.user = user;
    locals.organisation = membership?.organisation ?? null;
    locals.roles = membership?.roles ?? [];
  } catch (cause) {
    if (isApiError(cause) && cause.code === 'UNAUTHENTICATED') {
      // Expired or revoked: forget it, so the next page is simply the login page.
      clearSessionCookie(cookies, url);
      return;
    }
    // We could not ask (API down, or it failed): keep the cookie, and let protected pages say so
    // instead of logging the person out.
    locals.sessionUnavailable = true;
    console.error(
      JSON.stringify({
        level: 'error',
        msg: 'session lookup failed',
        code: isApiError(cause) ? cause.code : 'UNKNOWN',
        path: url.pathname,
      }),
    );
  }
};

export const handle: Handle = async ({ event, resolve }) => {
  const { cookies, locals, url } = event;
  locals.locale = localeFrom(cookies.get(LOCALE_COOKIE));
  locals.token = null;
  locals.user = null;
  locals.organisation = null;
  locals.roles = [];
  locals.sessionUnavailable = false;

  // CSRF (issue 8): before the session is even looked up, so nothing of another site runs with it.
  if (refusesCrossSite(requestFacts(event.request), url.origin)) {
    return new Response(translate(locals.locale, 'fouten.andereWebsite'), {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS },
    });
  }

  // The container health check must not depend on the API being up.
  if (url.pathname !== '/healthz') await loadSession(event);

  if (!locals.user && !locals.sessionUnavailable && !isPublicPath(url.pathname)) {
    redirect(303, loginPathFor(url));
  }

  const response = await resolve(event, {
    transformPageChunk: ({ html }) =>
      locals.locale === 'nl' ? html : html.replace('<html lang="nl"', `<html lang="${locals.locale}"`),
  });

  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  // Pages show personal data: no shared cache may keep them, and Back after logout must not show them.
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
  return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
  const locale = localeFrom(event.cookies.get(LOCALE_COOKIE));
  if (status === 404) return { message: translate(locale, 'fouten.nietGevonden'), code: 'NOT_FOUND' };
  // Other 4xx from SvelteKit itself (405 and the like) come with English text.
  if (status < 500) return { message: translate(locale, 'fouten.titel') };

  const errorId = crypto.randomUUID();
  console.error(
    JSON.stringify({
      level: 'error',
      msg: 'unexpected error',
      errorId,
      status,
      path: event.url.pathname,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    }),
  );
  return { message: translate(locale, 'fouten.intern'), code: 'INTERNAL', errorId };
};
