import { fail } from '@sveltejs/kit';
import { scopeOf } from '$lib/beheer/beheer.server';
import { eraseSubject, fetchRetention, fetchSubject, isSubjectKind, type DataSubject } from '$lib/beheer/privacy.server';
import { createTranslate } from '$lib/i18n';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'beheer');
  const scope = scopeOf(locals);
  const kindParam = url.searchParams.get('soort');
  const kind = isSubjectKind(kindParam) ? kindParam : 'client';
  const reference = (url.searchParams.get('zoek') ?? '').trim().slice(0, 200);
  try {
    let subject: DataSubject | null = null;
    let notFound = false;
    if (reference) {
      subject = await fetchSubject(scope, kind, reference).catch((cause: unknown) => {
        if (isApiError(cause) && (cause.code === 'NOT_FOUND' || cause.code === 'BAD_USER_INPUT')) {
          notFound = true;
          return null;
        }
        throw cause;
      });
    }
    return { kind, reference, subject, notFound, retention: await fetchRetention(scope) };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export const actions: Actions = {
  erase: async ({ locals, url, request }) => {
    requireArea(locals, url, 'beheer');
    const form = await request.formData();
    const kind = text(form, 'soort');
    if (!isSubjectKind(kind)) return fail(400, { message: createTranslate(locals.locale)('fouten.ongeldigeInvoer') });
    try {
      const erased = await eraseSubject(scopeOf(locals), { kind, id: text(form, 'id'), confirmation: text(form, 'bevestiging') });
      return { erased };
    } catch (cause) {
      if (!isApiError(cause) || cause.code === 'UNAUTHENTICATED' || cause.code === 'INTERNAL') return failLoad(cause, locals, url);
      const message = cause.fields[0]?.message ?? cause.message;
      return fail(cause.code === 'UNAVAILABLE' ? 503 : 400, { message: `${cause.message} ${message === cause.message ? '' : message}`.trim() });
    }
  },
};
