import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';

export const SESSION_COOKIE = 'vp_session';
export const ORGANISATION_COOKIE = 'vp_org';
export const LOCALE_COOKIE = 'taal';

const YEAR_SECONDS = 60 * 60 * 24 * 365;

/** httpOnly so no script can read the session; lax so a link from e-mail still arrives logged in. */
const options = (url: URL) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: url.protocol === 'https:',
});

/** Seconds until the session ends; `undefined` (a browser-session cookie) when the API gave no usable date. */
export const secondsUntil = (expiresAt: string, now = Date.now()): number | undefined => {
  const expires = Date.parse(expiresAt);
  if (Number.isNaN(expires)) return undefined;
  return Math.max(1, Math.floor((expires - now) / 1000));
};

export const setSessionCookie = (cookies: Cookies, url: URL, token: string, expiresAt: string): void => {
  cookies.set(SESSION_COOKIE, token, { ...options(url), maxAge: secondsUntil(expiresAt) });
};

export const clearSessionCookie = (cookies: Cookies, url: URL): void => {
  cookies.delete(SESSION_COOKIE, options(url));
};

export const setOrganisationCookie = (cookies: Cookies, url: URL, organisationId: string): void => {
  cookies.set(ORGANISATION_COOKIE, organisationId, { ...options(url), maxAge: YEAR_SECONDS });
};

export const clearOrganisationCookie = (cookies: Cookies, url: URL): void => {
  cookies.delete(ORGANISATION_COOKIE, options(url));
};

export const setLocaleCookie = (cookies: Cookies, url: URL, locale: Locale): void => {
  cookies.set(LOCALE_COOKIE, locale, { ...options(url), maxAge: YEAR_SECONDS });
};
