import { redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { isApiError } from '$lib/server/api';
import { setSessionCookie } from '$lib/server/cookies';
import { finishOidcLogin, takePending } from '$lib/server/oidc';
import type { PageServerLoad } from './$types';

export type OidcOutcome = { outcome: 'geenRol'; email: string } | { outcome: 'mislukt'; message: string };

/**
 * Where the provider sends the browser back. The API checks code, state, nonce and PKCE verifier with the provider;
 * with a role the person is logged in, without one this page says an admin must give them one.
 */
export const load: PageServerLoad = async ({ cookies, url, locals, setHeaders }): Promise<OidcOutcome> => {
  setHeaders({ 'referrer-policy': 'no-referrer' });
  const refused = (message: string): OidcOutcome => ({ outcome: 'mislukt', message });
  const pending = takePending(cookies, url);
  // No cookie: started elsewhere (someone else's link), expired, or already used.
  if (!pending) return refused(translate(locals.locale, 'inloggen.oidc.verlopen'));
  if (url.searchParams.has('error')) return refused(translate(locals.locale, 'inloggen.oidc.afgebroken'));
  let result;
  try {
    result = await finishOidcLogin(url.href, pending);
  } catch (cause) {
    if (!isApiError(cause) || cause.code === 'INTERNAL' || cause.code === 'UNAVAILABLE')
      return refused(translate(locals.locale, 'inloggen.oidc.onbereikbaar'));
    return refused(cause.message);
  }
  if (!result.hasRoles || !result.token || !result.expiresAt) return { outcome: 'geenRol', email: result.user.email };
  setSessionCookie(cookies, url, result.token, result.expiresAt);
  redirect(303, pending.terug);
};
