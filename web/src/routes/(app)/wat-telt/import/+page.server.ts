import { fail } from '@sveltejs/kit';
import { scopeOf } from '$lib/beheer/beheer.server';
import { createTranslate } from '$lib/i18n';
import { requireArea } from '$lib/server/guards';
import { refused } from '$lib/wat-telt/refused.server';
import { importCsv } from '$lib/wat-telt/wat-telt.server';
import type { Actions, PageServerLoad } from './$types';

/** The API takes JSON bodies up to 1 MB; the CSV travels inside one. */
const MAX_BYTES = 900_000;

export const load: PageServerLoad = ({ locals, url }) => {
  requireArea(locals, url, 'wat-telt');
};

export const actions: Actions = {
  default: async (event) => {
    const { locals, url, request } = event;
    requireArea(locals, url, 'wat-telt');
    const t = createTranslate(locals.locale);
    const form = await request.formData();
    const file = form.get('bestand');
    const pasted = form.get('tekst');
    const validRowsOnly = form.get('alleenGoed') === 'ja';
    let csv = typeof pasted === 'string' ? pasted : '';
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_BYTES) return fail(400, { message: t('watTelt.import.teGroot'), result: null, validRowsOnly, csv: '' });
      csv = await file.text();
    }
    if (csv.trim() === '') return fail(400, { message: t('watTelt.import.leeg'), result: null, validRowsOnly, csv: '' });
    try {
      const result = await importCsv(scopeOf(locals), csv, validRowsOnly);
      // The text comes back so "alleen de goede rijen importeren" can resend it without choosing the file again.
      return { message: null, result, validRowsOnly, csv: result.imported ? '' : csv };
    } catch (cause) {
      return refused(event, cause, { result: null, validRowsOnly, csv });
    }
  },
};
