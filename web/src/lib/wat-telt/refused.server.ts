import { fail } from '@sveltejs/kit';
import { createTranslate } from '$lib/i18n';
import { isApiError } from '$lib/server/api';
import { failLoad } from '$lib/server/guards';
import type { FieldProblem } from './board-form';

type Event = { locals: App.Locals; url: URL };

/** An API refusal becomes a message and per-field problems on the page; a lost session or a crash does not. */
export const refused = <T extends object>(event: Event, cause: unknown, extra: T) => {
  const t = createTranslate(event.locals.locale);
  if (!isApiError(cause) || cause.code === 'UNAUTHENTICATED' || cause.code === 'INTERNAL' || cause.code === 'FORBIDDEN' || cause.code === 'NOT_FOUND') {
    return failLoad(cause, event.locals, event.url);
  }
  const message = cause.code === 'UNAVAILABLE' ? t('fouten.onbereikbaar') : cause.message;
  const problems: FieldProblem[] = cause.fields.map((p) => ({ ...p, field: p.field.replace(/^input\./, '') }));
  return fail(cause.code === 'UNAVAILABLE' ? 503 : 400, { ...extra, message, problems });
};
