import { areasFor } from '$lib/navigation';
import { safeLogoUrl, themeStyle } from '$lib/theme';
import type { LayoutServerLoad } from './$types';

/** What the shell needs on every page; the session token never leaves the server. */
export const load: LayoutServerLoad = ({ locals }) => ({
  locale: locals.locale,
  user: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
  organisation: locals.organisation
    ? {
        id: locals.organisation.id,
        name: locals.organisation.name,
        logoUrl: safeLogoUrl(locals.organisation.theme.logoUrl),
      }
    : null,
  organisations: (locals.user?.memberships ?? []).map(({ organisation }) => ({
    id: organisation.id,
    name: organisation.name,
  })),
  roles: locals.roles,
  areas: areasFor(locals.roles),
  themeStyle: themeStyle(locals.organisation?.theme),
});
