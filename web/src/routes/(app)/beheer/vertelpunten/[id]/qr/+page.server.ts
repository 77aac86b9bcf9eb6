import { error } from '@sveltejs/kit';
import { fetchVertelpunten, scopeOf } from '$lib/beheer/beheer.server';
import { qrSvg } from '$lib/beheer/qr.server';
import { vertelLinkUrl } from '$lib/beheer/vertelpunt-form';
import { translate } from '$lib/i18n';
import { failLoad, requireArea } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireArea(locals, url, 'beheer');
  let vertelpunten;
  try {
    vertelpunten = await fetchVertelpunten(scopeOf(locals));
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
  const vertelpunt = vertelpunten.find((v) => v.id === params.id);
  if (!vertelpunt) error(404, { message: translate(locals.locale, 'fouten.nietGevonden'), code: 'NOT_FOUND' });

  // adapter-node builds url.origin from ORIGIN, the site's public address.
  const link = vertelpunt.linkToken ? vertelLinkUrl(url.origin, vertelpunt.linkToken) : null;
  return {
    vertelpunt: { id: vertelpunt.id, name: vertelpunt.name, isOpen: vertelpunt.isOpen, audience: vertelpunt.audience },
    link,
    token: vertelpunt.linkToken,
    // Made by the qrcode library from our own URL: markup we produce, safe to place in the page.
    svg: link ? await qrSvg(link) : null,
  };
};
