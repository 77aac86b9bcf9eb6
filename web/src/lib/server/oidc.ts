import type { Cookies } from '@sveltejs/kit';
import { graphql } from './api';

/** Between leaving for the provider and coming back: state, nonce and PKCE verifier, never readable by scripts. */
export const OIDC_COOKIE = 'vp_oidc';
const PATH = '/inloggen/oidc';
const TEN_MINUTES = 600;

export type OidcPending = { state: string; nonce: string; codeVerifier: string; terug: string };
export type OidcFinish = { token: string | null; expiresAt: string | null; hasRoles: boolean; user: { email: string; name: string } };

export const fetchOidcLabel = async (): Promise<string | null> =>
  (await graphql<{ loginOptions: { oidc: { label: string } | null } }>('query LoginOptions { loginOptions { oidc { label } } }')).loginOptions.oidc
    ?.label ?? null;

export const startOidcLogin = async () =>
  (
    await graphql<{ startOidcLogin: { authorizationUrl: string; state: string; nonce: string; codeVerifier: string } }>(
      'mutation StartOidcLogin { startOidcLogin { authorizationUrl state nonce codeVerifier } }',
    )
  ).startOidcLogin;

export const finishOidcLogin = async (callbackUrl: string, pending: OidcPending): Promise<OidcFinish> =>
  (
    await graphql<{ finishOidcLogin: OidcFinish }>(
      `mutation FinishOidcLogin($input: OidcLoginFinishInput!) {
        finishOidcLogin(input: $input) { token expiresAt hasRoles user { email name } }
      }`,
      { input: { callbackUrl, state: pending.state, nonce: pending.nonce, codeVerifier: pending.codeVerifier } },
    )
  ).finishOidcLogin;

/** Lax: the provider sends the browser back with a top-level GET from its own site, which carries Lax cookies. */
export const keepPending = (cookies: Cookies, url: URL, pending: OidcPending): void => {
  cookies.set(OIDC_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
    path: PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: TEN_MINUTES,
  });
};

/** Reads and forgets it: a callback works once. */
export const takePending = (cookies: Cookies, url: URL): OidcPending | null => {
  const raw = cookies.get(OIDC_COOKIE);
  cookies.delete(OIDC_COOKIE, { path: PATH, httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { state, nonce, codeVerifier, terug } = value as Record<string, unknown>;
    if ([state, nonce, codeVerifier, terug].some((v) => typeof v !== 'string')) return null;
    return { state, nonce, codeVerifier, terug } as OidcPending;
  } catch {
    return null;
  }
};
