import { fail, redirect } from '@sveltejs/kit';
import { scopeOf } from '$lib/beheer/beheer.server';
import { createTranslate } from '$lib/i18n';
import { failLoad, requireArea } from '$lib/server/guards';
import { refused } from '$lib/wat-telt/refused.server';
import { createClient, fetchBoard, fetchClients } from '$lib/wat-telt/wat-telt.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'wat-telt');
  try {
    const scope = scopeOf(locals);
    const [clients, board] = await Promise.all([fetchClients(scope), fetchBoard(scope)]);
    return { clients, wijken: board.wijken, teams: board.teams };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export const actions: Actions = {
  create: async (event) => {
    const { locals, url, request } = event;
    requireArea(locals, url, 'wat-telt');
    const t = createTranslate(locals.locale);
    const form = await request.formData();
    const values = { code: field(form, 'code'), wijkId: field(form, 'wijkId'), team: field(form, 'team') };
    if (values.code === '') {
      return fail(400, { values, message: t('fouten.ongeldigeInvoer'), problems: [{ field: 'code', message: t('watTelt.clienten.codeLeeg') }] });
    }
    let id: string;
    try {
      id = await createClient(scopeOf(locals), { code: values.code, wijkId: values.wijkId || null, team: values.team || null });
    } catch (cause) {
      return refused(event, cause, { values });
    }
    redirect(303, `/wat-telt/${id}?melding=nieuw`);
  },
};
