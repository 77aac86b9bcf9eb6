import { error } from '@sveltejs/kit';
import { parseStoryFilter } from '@vertelpunt/domain';
import { fetchExport } from '$lib/explorer/explorer.server';
import { translate } from '$lib/i18n';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import type { RequestHandler } from './$types';

const FORMATS = { csv: 'CSV', xlsx: 'XLSX' } as const;

/** The current selection as a download; the API checks the role, the organisation and the filter. */
export const GET: RequestHandler = async ({ locals, url }) => {
  requireArea(locals, url, 'verhalen');
  const format = FORMATS[url.searchParams.get('formaat') as keyof typeof FORMATS];
  if (!format)
    error(400, { message: translate(locals.locale, 'verkennen.export.onbekendFormaat'), code: 'BAD_USER_INPUT' });
  try {
    const file = await fetchExport(
      { token: locals.token, organisationId: locals.organisation?.id ?? null },
      parseStoryFilter(url.searchParams),
      format,
    );
    return new Response(Buffer.from(file.contentBase64, 'base64'), {
      headers: {
        'content-type': file.mimeType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
        'x-verhalen-aantal': String(file.storyCount),
      },
    });
  } catch (cause) {
    if (isApiError(cause) && cause.code === 'BAD_USER_INPUT') error(400, { message: cause.message, code: cause.code });
    return failLoad(cause, locals, url);
  }
};
