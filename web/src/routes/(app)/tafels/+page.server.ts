import { requireArea } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  requireArea(locals, url, 'tafels');
};
