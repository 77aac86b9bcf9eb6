import { fail, redirect } from '@sveltejs/kit';
import { createTranslate } from '$lib/i18n';
import {
  createVertelpunt,
  fetchQuestionnaires,
  fetchVertelpunten,
  renewVertelLink,
  revokeVertelLink,
  scopeOf,
  updateVertelpunt,
} from '$lib/beheer/beheer.server';
import {
  createInputFrom,
  readCreateForm,
  readUpdateForm,
  updateInputFrom,
  wijkenFrom,
  type CreateValues,
  type FieldProblem,
  type UpdateValues,
} from '$lib/beheer/vertelpunt-form';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** What the page says after a change; the redirect carries it so a reload does not repeat the change. */
const NOTICES = ['gemaakt', 'opgeslagen', 'geopend', 'gesloten', 'vernieuwd', 'ingetrokken'] as const;
type Notice = (typeof NOTICES)[number];
const CONFIRMS = ['vernieuwen', 'intrekken'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'beheer');
  try {
    const scope = scopeOf(locals);
    const [vertelpunten, questionnaires] = await Promise.all([fetchVertelpunten(scope), fetchQuestionnaires(scope)]);
    const notice = url.searchParams.get('melding');
    const confirm = url.searchParams.get('bevestig');
    const id = url.searchParams.get('id');
    return {
      vertelpunten,
      questionnaires: questionnaires.map(({ id, name, audience }) => ({ id, name, audience })),
      wijken: wijkenFrom(questionnaires, vertelpunten),
      notice: isOneOf(NOTICES, notice) && id ? { kind: notice, id } : null,
      confirm: isOneOf(CONFIRMS, confirm) && id ? { kind: confirm, id } : null,
      // adapter-node builds this from ORIGIN, the site's public address.
      origin: url.origin,
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};

type ActionFailure = {
  action: 'create' | 'update' | 'change';
  id: string | null;
  message: string;
  problems: FieldProblem[];
  create?: CreateValues;
  update?: UpdateValues;
};

const toPage = (notice: Notice, id: string) =>
  `/beheer/vertelpunten?melding=${notice}&id=${encodeURIComponent(id)}#vp-${id}`;

/** An API refusal becomes a message on the page; a lost session or an unexpected error does not. */
const refused = (event: RequestEvent, cause: unknown, base: Omit<ActionFailure, 'message' | 'problems'>) => {
  const t = createTranslate(event.locals.locale);
  if (!isApiError(cause) || cause.code === 'UNAUTHENTICATED' || cause.code === 'INTERNAL') {
    return failLoad(cause, event.locals, event.url);
  }
  const message = cause.code === 'UNAVAILABLE' ? t('fouten.onbereikbaar') : cause.message;
  const problems = cause.fields.map((p) => ({ ...p, field: p.field.replace(/^input\./, '') }));
  return fail(cause.code === 'UNAVAILABLE' ? 503 : 400, { ...base, message, problems } satisfies ActionFailure);
};

const idFrom = (form: FormData): string => {
  const id = form.get('id');
  return typeof id === 'string' ? id : '';
};

export const actions: Actions = {
  create: async (event) => {
    const { locals, url, request } = event;
    requireArea(locals, url, 'beheer');
    const t = createTranslate(locals.locale);
    const values = readCreateForm(await request.formData());
    const { input, problems } = createInputFrom(values, {
      nameEmpty: t('beheer.vertelpunten.naamLeeg'),
      audienceEmpty: t('beheer.vertelpunten.publiekLeeg'),
      questionnaireEmpty: t('beheer.vertelpunten.vragenlijstLeeg'),
      durationInvalid: t('beheer.vertelpunten.duurOngeldig'),
    });
    if (!input) {
      return fail(400, {
        action: 'create',
        id: null,
        message: t('fouten.ongeldigeInvoer'),
        problems,
        create: values,
      } satisfies ActionFailure);
    }
    let created;
    try {
      created = await createVertelpunt(scopeOf(locals), input);
    } catch (cause) {
      return refused(event, cause, { action: 'create', id: null, create: values });
    }
    redirect(303, toPage('gemaakt', created.id));
  },

  update: async (event) => {
    const { locals, url, request } = event;
    requireArea(locals, url, 'beheer');
    const t = createTranslate(locals.locale);
    const form = await request.formData();
    const id = idFrom(form);
    const values = readUpdateForm(form);
    const { input, problems } = updateInputFrom(values, {
      nameEmpty: t('beheer.vertelpunten.naamLeeg'),
      durationInvalid: t('beheer.vertelpunten.duurOngeldig'),
    });
    if (!input) {
      return fail(400, {
        action: 'update',
        id,
        message: t('fouten.ongeldigeInvoer'),
        problems,
        update: values,
      } satisfies ActionFailure);
    }
    try {
      await updateVertelpunt(scopeOf(locals), id, input);
    } catch (cause) {
      return refused(event, cause, { action: 'update', id, update: values });
    }
    redirect(303, toPage('opgeslagen', id));
  },

  toggle: async (event) => {
    const { locals, url, request } = event;
    requireArea(locals, url, 'beheer');
    const form = await request.formData();
    const id = idFrom(form);
    const isOpen = form.get('isOpen') === 'true';
    try {
      await updateVertelpunt(scopeOf(locals), id, { isOpen });
    } catch (cause) {
      return refused(event, cause, { action: 'change', id });
    }
    redirect(303, toPage(isOpen ? 'geopend' : 'gesloten', id));
  },

  renew: async (event) => {
    const { locals, url, request } = event;
    requireArea(locals, url, 'beheer');
    const id = idFrom(await request.formData());
    try {
      await renewVertelLink(scopeOf(locals), id);
    } catch (cause) {
      return refused(event, cause, { action: 'change', id });
    }
    redirect(303, toPage('vernieuwd', id));
  },

  revoke: async (event) => {
    const { locals, url, request } = event;
    requireArea(locals, url, 'beheer');
    const id = idFrom(await request.formData());
    try {
      await revokeVertelLink(scopeOf(locals), id);
    } catch (cause) {
      return refused(event, cause, { action: 'change', id });
    }
    redirect(303, toPage('ingetrokken', id));
  },
};
