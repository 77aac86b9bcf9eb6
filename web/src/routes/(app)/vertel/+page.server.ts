import { failLoad, requireArea } from '$lib/server/guards';
import { fetchCoachVertelpunten } from '$lib/vertel/load.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'vertel');
  const organisation = locals.organisation;
  const vertelpunten = await fetchCoachVertelpunten(
    { token: locals.token, organisationId: organisation?.id ?? null },
    organisation?.name ?? '',
  ).catch((cause: unknown) => failLoad(cause, locals, url));
  return {
    vertelpunten,
    // Drafts and the outbox on this phone are kept per user and organisation.
    teller: { userId: locals.user?.id ?? '', organisationId: organisation?.id ?? '' },
  };
};
