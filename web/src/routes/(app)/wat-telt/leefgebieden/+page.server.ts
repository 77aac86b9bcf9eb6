import { error, fail, redirect } from '@sveltejs/kit';
import { scopeOf } from '$lib/beheer/beheer.server';
import { createTranslate } from '$lib/i18n';
import { failLoad, requireArea } from '$lib/server/guards';
import { parseLines, toLines } from '$lib/wat-telt/leefgebieden-form';
import { refused } from '$lib/wat-telt/refused.server';
import { fetchBoard, setLeefgebieden } from '$lib/wat-telt/wat-telt.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'wat-telt');
  try {
    const board = await fetchBoard(scopeOf(locals));
    return {
      leefgebieden: board.leefgebieden,
      isDefault: board.isDefault,
      lines: toLines(board.leefgebieden),
      canEdit: locals.roles.includes('admin'),
      saved: url.searchParams.has('opgeslagen'),
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};

/** Only admins change the cards; the API refuses others too. */
const requireAdmin = (event: RequestEvent) => {
  requireArea(event.locals, event.url, 'wat-telt');
  if (!event.locals.roles.includes('admin')) error(403, { message: createTranslate(event.locals.locale)('fouten.geenToegang'), code: 'FORBIDDEN' });
};

export const actions: Actions = {
  save: async (event) => {
    requireAdmin(event);
    const form = await event.request.formData();
    const text = typeof form.get('lijst') === 'string' ? (form.get('lijst') as string) : '';
    const { leefgebieden, problems } = parseLines(text);
    if (problems.length > 0) return fail(400, { lines: text, message: problems.join(' '), problems: [] });
    try {
      await setLeefgebieden(scopeOf(event.locals), leefgebieden);
    } catch (cause) {
      return refused(event, cause, { lines: text });
    }
    redirect(303, '/wat-telt/leefgebieden?opgeslagen');
  },

  reset: async (event) => {
    requireAdmin(event);
    try {
      await setLeefgebieden(scopeOf(event.locals), []);
    } catch (cause) {
      return refused(event, cause, { lines: '' });
    }
    redirect(303, '/wat-telt/leefgebieden?opgeslagen');
  },
};
