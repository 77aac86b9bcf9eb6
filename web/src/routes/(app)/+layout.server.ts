import { requireUser } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

// hooks.server.ts already sends anonymous visitors to /inloggen; this also covers an API that is down
// and narrows `user` to non-null for every page below.
export const load: LayoutServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  return { user: { name: user.name, email: user.email } };
};
