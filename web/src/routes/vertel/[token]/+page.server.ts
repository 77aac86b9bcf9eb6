import { error } from '@sveltejs/kit';
import { createTranslate } from '$lib/i18n';
import { isApiError } from '$lib/server/api';
import { failLoad } from '$lib/server/guards';
import { fetchVertelLink } from '$lib/vertel/load.server';
import type { PageServerLoad } from './$types';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{10,200}$/;

/** Public: an inwoner with the link or QR code needs no account. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const t = createTranslate(locals.locale);
  if (!TOKEN_PATTERN.test(params.token)) {
    error(404, { message: t('vertel.link.werktNiet'), code: 'NOT_FOUND' });
  }
  const vertelpunt = await fetchVertelLink(params.token).catch((cause: unknown) => {
    if (isApiError(cause) && cause.code === 'NOT_FOUND') {
      error(404, { message: cause.message || t('vertel.link.werktNiet'), code: 'NOT_FOUND' });
    }
    return failLoad(cause, locals, url);
  });
  return { vertelpunt, token: params.token };
};
