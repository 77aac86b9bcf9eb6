import type { Role } from '@vertelpunt/domain';
import type { Locale } from '$lib/i18n';
import type { ApiErrorCode } from '$lib/server/api';
import type { Organisation, SessionUser } from '$lib/server/auth';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      /** Why it failed, when we know: an API error code, or FORBIDDEN for a missing role. */
      code?: ApiErrorCode;
      /** Shown with unexpected errors so a person can quote it to support; matches the server log. */
      errorId?: string;
    }
    interface Locals {
      locale: Locale;
      /** The session token from `vp_session`; only ever sent on to the API. */
      token: string | null;
      user: SessionUser | null;
      /** The active organisation: the `vp_org` choice, else the first membership. */
      organisation: Organisation | null;
      /** The user's roles in the active organisation. */
      roles: Role[];
      /** A session cookie was there but the API could not be asked about it. */
      sessionUnavailable: boolean;
    }
    // interface PageData {}
    // interface PageState {}
    // interface Platform {}
  }
}

export {};
