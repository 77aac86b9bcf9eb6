import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { localReturnPath } from '$lib/navigation';
import { isApiError } from '$lib/server/api';
import { keepPending, startOidcLogin } from '$lib/server/oidc';
import type { RequestHandler } from './$types';

/** "Inloggen met …": off to the provider, with state, nonce and PKCE verifier kept in an httpOnly cookie. */
export const GET: RequestHandler = async ({ cookies, url, locals }) => {
  let start;
  try {
    start = await startOidcLogin();
  } catch (cause) {
    const off = isApiError(cause) && cause.code === 'NOT_FOUND';
    error(off ? 404 : 503, {
      message: translate(locals.locale, off ? 'fouten.nietGevonden' : 'inloggen.oidc.onbereikbaar'),
      code: off ? 'NOT_FOUND' : 'UNAVAILABLE',
    });
  }
  const { authorizationUrl, state, nonce, codeVerifier } = start;
  keepPending(cookies, url, { state, nonce, codeVerifier, terug: localReturnPath(url.searchParams.get('terug')) });
  redirect(303, authorizationUrl);
};
