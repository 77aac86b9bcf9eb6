import { redirect } from '@sveltejs/kit';
import { logout } from '$lib/server/auth';
import { clearOrganisationCookie, clearSessionCookie } from '$lib/server/cookies';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ cookies, url, locals }) => {
    if (locals.token) {
      try {
        await logout(locals.token);
      } catch {
        // The cookie goes regardless: logging out must work even when the API cannot be reached.
      }
    }
    clearSessionCookie(cookies, url);
    clearOrganisationCookie(cookies, url);
    redirect(303, '/inloggen?uitgelogd');
  },
};
