import { error } from '@sveltejs/kit';
import { scopeOf } from '$lib/beheer/beheer.server';
import { translate } from '$lib/i18n';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import { fetchImpactReport } from '$lib/wat-telt/wat-telt.server';
import { selectionFrom, storyOptionsFrom } from '$lib/wat-telt/impact-selection';
import type { RequestHandler } from './$types';

const FORMATS = { pdf: 'PDF', xlsx: 'XLSX' } as const;

/** The impact report of the selection in the address; the API checks the role and applies suppression. */
export const GET: RequestHandler = async ({ locals, url }) => {
  requireArea(locals, url, 'impact');
  const format = FORMATS[url.searchParams.get('formaat') as keyof typeof FORMATS];
  if (!format) error(400, { message: translate(locals.locale, 'watTelt.impact.onbekendFormaat'), code: 'BAD_USER_INPUT' });
  try {
    const file = await fetchImpactReport(scopeOf(locals), selectionFrom(url.searchParams), format, storyOptionsFrom(url.searchParams));
    return new Response(Buffer.from(file.contentBase64, 'base64'), {
      headers: {
        'content-type': file.mimeType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (cause) {
    // A window out of range or an intervention that is gone: say so, as the page does.
    if (isApiError(cause) && (cause.code === 'BAD_USER_INPUT' || cause.code === 'NOT_FOUND')) error(400, { message: cause.message, code: cause.code });
    return failLoad(cause, locals, url);
  }
};
