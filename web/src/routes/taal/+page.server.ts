import { redirect } from '@sveltejs/kit';
import { localeFrom } from '$lib/i18n';
import { safeLocalPath } from '$lib/navigation';
import { setLocaleCookie } from '$lib/server/cookies';
import type { Actions, PageServerLoad } from './$types';

// Nothing to show on its own: the switch lives in the footer of every page.
export const load: PageServerLoad = () => {
  redirect(303, '/');
};

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const form = await request.formData();
    setLocaleCookie(cookies, url, localeFrom(String(form.get('taal') ?? '')));
    redirect(303, safeLocalPath(form.get('terug')));
  },
};
