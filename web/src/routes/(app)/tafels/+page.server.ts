import { fail, redirect } from '@sveltejs/kit';
import { createTranslate } from '$lib/i18n';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import {
  readTafelForm,
  splitByDate,
  tafelInputFrom,
  type FieldProblem,
  type TafelValues,
} from '$lib/tafels/tafel-form';
import { createTafel, fetchChoices, fetchTafels, scopeOf } from '$lib/tafels/tafels.server';
import type { Actions, PageServerLoad } from './$types';

/** Facilitators (and admins) prepare Tafels; managers only read them. */
const mayEdit = (roles: readonly string[]) => roles.includes('facilitator') || roles.includes('admin');

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'tafels');
  try {
    const scope = scopeOf(locals);
    const canEdit = mayEdit(locals.roles);
    const [tafels, choices] = await Promise.all([fetchTafels(scope), canEdit ? fetchChoices(scope) : null]);
    return {
      ...splitByDate(tafels),
      canEdit,
      facilitators: choices?.tafelFacilitators ?? [],
      wijken: choices?.tafelWijken ?? [],
      userId: locals.user?.id ?? '',
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};

type CreateFailure = { message: string; problems: FieldProblem[]; values: TafelValues };

export const actions: Actions = {
  create: async ({ locals, url, request }) => {
    requireArea(locals, url, 'tafels');
    const t = createTranslate(locals.locale);
    const values = readTafelForm(await request.formData());
    if (!mayEdit(locals.roles))
      return fail(403, { message: t('tafels.alleenLezen'), problems: [], values } satisfies CreateFailure);
    const { input, problems } = tafelInputFrom(values, {
      titleEmpty: t('tafels.fouten.titelLeeg'),
      dateInvalid: t('tafels.fouten.datumOngeldig'),
      questionEmpty: t('tafels.fouten.vraagLeeg'),
      facilitatorEmpty: t('tafels.fouten.facilitatorLeeg'),
    });
    if (!input) return fail(400, { message: t('fouten.ongeldigeInvoer'), problems, values } satisfies CreateFailure);
    let id: string;
    try {
      id = (await createTafel(scopeOf(locals), input)).id;
    } catch (cause) {
      if (!isApiError(cause) || cause.code === 'UNAUTHENTICATED' || cause.code === 'INTERNAL')
        return failLoad(cause, locals, url);
      const message = cause.code === 'UNAVAILABLE' ? t('fouten.onbereikbaar') : cause.message;
      const fields = cause.fields.map((p) => ({ ...p, field: p.field.replace(/^input\./, '') }));
      return fail(cause.code === 'UNAVAILABLE' ? 503 : 400, {
        message,
        problems: fields,
        values,
      } satisfies CreateFailure);
    }
    redirect(303, `/tafels/${id}?melding=gemaakt`);
  },
};
