import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { localReturnPath } from '$lib/navigation';
import { setOrganisationCookie } from '$lib/server/cookies';
import type { Actions, PageServerLoad } from './$types';

// Without JavaScript the header's switcher lands here too; the page lists the choices again.
export const load: PageServerLoad = ({ locals }) => ({
  organisations: (locals.user?.memberships ?? []).map(({ organisation }) => ({
    id: organisation.id,
    name: organisation.name,
  })),
  currentId: locals.organisation?.id ?? null,
});

export const actions: Actions = {
  default: async ({ request, cookies, url, locals }) => {
    const form = await request.formData();
    const organisationId = String(form.get('organisatie') ?? '');
    const member = locals.user?.memberships.some(({ organisation }) => organisation.id === organisationId);
    if (!member) {
      return fail(400, { message: translate(locals.locale, 'organisatie.onbekend') });
    }
    setOrganisationCookie(cookies, url, organisationId);
    redirect(303, localReturnPath(form.get('terug')));
  },
};
