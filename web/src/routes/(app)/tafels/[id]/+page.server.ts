import { fail, type RequestEvent } from '@sveltejs/kit';
import { createTranslate, type MessageKey } from '$lib/i18n';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import {
  interventionInputFrom,
  intFrom,
  readInsightForm,
  readInterventionForm,
  readTafelForm,
  tafelInputFrom,
  type FieldProblem,
} from '$lib/tafels/tafel-form';
import * as api from '$lib/tafels/tafels.server';
import type { Actions, PageServerLoad } from './$types';

const MAX_QUERY = 200;

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireArea(locals, url, 'tafels');
  try {
    const scope = api.scopeOf(locals);
    const tafel = await api.fetchTafel(scope, params.id);
    const query = (url.searchParams.get('zoek') ?? '').slice(0, MAX_QUERY);
    const [choices, results] = tafel.canEdit
      ? await Promise.all([
          api.fetchChoices(scope),
          url.searchParams.has('zoek') ? api.searchStories(scope, tafel.id, query) : Promise.resolve(null),
        ])
      : [null, null];
    return {
      tafel,
      facilitators: choices?.tafelFacilitators ?? [],
      wijken: choices?.tafelWijken ?? [],
      query,
      results,
      created: url.searchParams.get('melding') === 'gemaakt',
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};

/** Which form answered, so the page shows the message beside it. */
export type TafelAction = 'update' | 'basket' | 'diverse' | 'search' | 'print' | 'insight' | 'intervention';
type Result = { action: TafelAction; id: string | null; ok: boolean; message: string; problems: FieldProblem[] };

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** Runs one change through the API; a refusal becomes a message beside the form, a lost session goes to login. */
const change = async (
  event: RequestEvent,
  action: TafelAction,
  id: string | null,
  run: (scope: api.Scope, t: (key: MessageKey, params?: Record<string, string | number>) => string) => Promise<string>,
) => {
  const { locals, url } = event;
  requireArea(locals, url, 'tafels');
  const t = createTranslate(locals.locale);
  try {
    const message = await run(api.scopeOf(locals), t);
    return { action, id, ok: true, message, problems: [] } satisfies Result;
  } catch (cause) {
    if (cause instanceof Refusal)
      return fail(400, { action, id, ok: false, message: cause.message, problems: cause.problems } satisfies Result);
    if (!isApiError(cause) || cause.code === 'UNAUTHENTICATED' || cause.code === 'INTERNAL')
      return failLoad(cause, locals, url);
    const message = cause.code === 'UNAVAILABLE' ? t('fouten.onbereikbaar') : cause.message;
    const problems = cause.fields.map((p) => ({ ...p, field: p.field.replace(/^input\./, '') }));
    return fail(cause.code === 'UNAVAILABLE' ? 503 : 400, {
      action,
      id,
      ok: false,
      message,
      problems,
    } satisfies Result);
  }
};

class Refusal extends Error {
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
  }
}

export const actions: Actions = {
  update: async (event) => {
    const form = await event.request.formData();
    return change(event, 'update', null, async (scope, t) => {
      const { input, problems } = tafelInputFrom(readTafelForm(form), {
        titleEmpty: t('tafels.fouten.titelLeeg'),
        dateInvalid: t('tafels.fouten.datumOngeldig'),
        questionEmpty: t('tafels.fouten.vraagLeeg'),
        facilitatorEmpty: t('tafels.fouten.facilitatorLeeg'),
      });
      if (!input) throw new Refusal(t('fouten.ongeldigeInvoer'), problems);
      await api.updateTafel(scope, event.params.id ?? '', input);
      return t('tafels.opgeslagen');
    });
  },

  add: async (event) => {
    const storyId = field(await event.request.formData(), 'storyId');
    return change(event, 'search', storyId, async (scope, t) => {
      await api.addStory(scope, event.params.id ?? '', storyId);
      return t('tafels.mand.toegevoegd');
    });
  },

  remove: async (event) => {
    const storyId = field(await event.request.formData(), 'storyId');
    return change(event, 'basket', storyId, async (scope, t) => {
      await api.removeStory(scope, event.params.id ?? '', storyId);
      return t('tafels.mand.verwijderd');
    });
  },

  move: async (event) => {
    const form = await event.request.formData();
    const storyId = field(form, 'storyId');
    return change(event, 'basket', storyId, async (scope, t) => {
      const position = intFrom(field(form, 'position'), -1, 1000) ?? 0;
      const target = Math.max(0, position);
      await api.moveStory(scope, event.params.id ?? '', storyId, target);
      const tafel = await api.fetchTafel(scope, event.params.id ?? '');
      const place = tafel.stories.findIndex((s) => s.story.id === storyId) + 1;
      return t('tafels.mand.verplaatst', { n: place });
    });
  },

  note: async (event) => {
    const form = await event.request.formData();
    const storyId = field(form, 'storyId');
    return change(event, 'basket', storyId, async (scope, t) => {
      await api.setNote(scope, event.params.id ?? '', storyId, field(form, 'note'));
      return t('tafels.mand.notitieOpgeslagen');
    });
  },

  diverse: async (event) => {
    const form = await event.request.formData();
    return change(event, 'diverse', null, async (scope, t) => {
      const count = intFrom(field(form, 'count'), 1, 20);
      if (count === null)
        throw new Refusal(t('tafels.fouten.aantalOngeldig'), [
          { field: 'count', message: t('tafels.fouten.aantalOngeldig') },
        ]);
      const added = await api.addDiverse(scope, event.params.id ?? '', count);
      if (added.length === 0) return t('tafels.divers.geen');
      return added.length === 1 ? t('tafels.mand.toegevoegd') : t('tafels.divers.toegevoegd', { n: added.length });
    });
  },

  print: async (event) =>
    change(event, 'print', null, async (scope, t) => {
      await api.requestPrintPack(scope, event.params.id ?? '');
      return t('tafels.print.bezig');
    }),

  insightSave: async (event) => {
    const form = await event.request.formData();
    const id = field(form, 'id') || null;
    return change(event, 'insight', id, async (scope, t) => {
      const input = readInsightForm(form);
      if (id) await api.updateInsight(scope, event.params.id ?? '', id, input);
      else await api.addInsight(scope, event.params.id ?? '', input);
      return t('tafels.inzichten.opgeslagen');
    });
  },

  insightDelete: async (event) => {
    const id = field(await event.request.formData(), 'id');
    return change(event, 'insight', id, async (scope, t) => {
      await api.deleteInsight(scope, event.params.id ?? '', id);
      return t('tafels.inzichten.verwijderd');
    });
  },

  interventionSave: async (event) => {
    const form = await event.request.formData();
    const id = field(form, 'id') || null;
    return change(event, 'intervention', id, async (scope, t) => {
      const input = interventionInputFrom(readInterventionForm(form));
      if (id) await api.updateIntervention(scope, event.params.id ?? '', id, input);
      else await api.addIntervention(scope, event.params.id ?? '', input);
      return t('tafels.interventies.opgeslagen');
    });
  },

  interventionDelete: async (event) => {
    const id = field(await event.request.formData(), 'id');
    return change(event, 'intervention', id, async (scope, t) => {
      await api.deleteIntervention(scope, event.params.id ?? '', id);
      return t('tafels.interventies.verwijderd');
    });
  },
};
