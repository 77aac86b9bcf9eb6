import { fail, redirect } from '@sveltejs/kit';
import { scopeOf } from '$lib/beheer/beheer.server';
import { createTranslate } from '$lib/i18n';
import { failLoad, requireArea } from '$lib/server/guards';
import { readBoardForm } from '$lib/wat-telt/board-form';
import { refused } from '$lib/wat-telt/refused.server';
import { fetchBoard, fetchClient, recordMeasurement } from '$lib/wat-telt/wat-telt.server';
import type { Actions, PageServerLoad } from './$types';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireArea(locals, url, 'wat-telt');
  try {
    const scope = scopeOf(locals);
    const [client, board] = await Promise.all([fetchClient(scope, params.id), fetchBoard(scope)]);
    return {
      client: { id: client.id, code: client.code },
      leefgebieden: board.leefgebieden,
      isDefaultBoard: board.isDefault,
      previous: client.measurements.at(-1) ?? null,
      goals: client.goals.filter((g) => g.status === 'open' || g.status === 'bezig'),
      today: today(),
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};

export const actions: Actions = {
  save: async (event) => {
    const { locals, url, request, params } = event;
    requireArea(locals, url, 'wat-telt');
    const t = createTranslate(locals.locale);
    const scope = scopeOf(locals);
    let keys: string[];
    let goalIds: string[];
    try {
      const [board, client] = await Promise.all([fetchBoard(scope), fetchClient(scope, params.id)]);
      keys = board.leefgebieden.map((l) => l.key);
      goalIds = client.goals.map((g) => g.id);
    } catch (cause) {
      return failLoad(cause, locals, url);
    }
    const { values, input, problems } = readBoardForm(await request.formData(), keys, goalIds, {
      positionInvalid: t('watTelt.bord.plekOngeldig'),
      rapportcijferInvalid: t('watTelt.bord.cijferOngeldig'),
      dateInvalid: t('watTelt.bord.datumOngeldig'),
    });
    if (!input) return fail(400, { values, message: t('watTelt.bord.nietOpgeslagen'), problems });
    let result;
    try {
      result = await recordMeasurement(scope, params.id, input);
    } catch (cause) {
      return refused(event, cause, { values });
    }
    if ('problems' in result) return fail(400, { values, message: t('watTelt.bord.nietOpgeslagen'), problems: result.problems });
    redirect(303, `/wat-telt/${params.id}?melding=opgeslagen`);
  },
};
