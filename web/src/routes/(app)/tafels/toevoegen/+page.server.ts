import { fail } from '@sveltejs/kit';
import { createTranslate } from '$lib/i18n';
import { safeLocalPath } from '$lib/navigation';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import { addStory, scopeOf } from '$lib/tafels/tafels.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  requireArea(locals, url, 'tafels');
};

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/**
 * Target of `AddToTafel.svelte`, the control other pages (the explorer) use. With JavaScript the control shows
 * the answer in place; without it, this page shows it with links back.
 */
export const actions: Actions = {
  default: async ({ locals, url, request }) => {
    requireArea(locals, url, 'tafels');
    const t = createTranslate(locals.locale);
    const form = await request.formData();
    const tafelId = field(form, 'tafelId');
    const back = safeLocalPath(field(form, 'terug'), '/tafels');
    if (tafelId === '') return fail(400, { ok: false, message: t('tafels.toevoegen.kies'), tafelId: null, back });
    try {
      await addStory(scopeOf(locals), tafelId, field(form, 'storyId'));
      return { ok: true, message: t('tafels.toevoegen.gelukt'), tafelId, back };
    } catch (cause) {
      if (!isApiError(cause) || cause.code === 'UNAUTHENTICATED' || cause.code === 'INTERNAL')
        return failLoad(cause, locals, url);
      const message =
        cause.code === 'UNAVAILABLE' ? t('fouten.onbereikbaar') : cause.message || t('tafels.toevoegen.mislukt');
      return fail(cause.code === 'UNAVAILABLE' ? 503 : 400, { ok: false, message, tafelId, back });
    }
  },
};
