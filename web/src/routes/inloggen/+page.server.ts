import { fail, redirect } from '@sveltejs/kit';
import { createTranslate } from '$lib/i18n';
import { localReturnPath } from '$lib/navigation';
import { isApiError, type ApiErrorCode, type FieldProblem } from '$lib/server/api';
import { login } from '$lib/server/auth';
import { setSessionCookie } from '$lib/server/cookies';
import { fetchOidcLabel } from '$lib/server/oidc';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const terug = localReturnPath(url.searchParams.get('terug'));
  if (locals.user) redirect(303, terug);
  return {
    terug,
    uitgelogd: url.searchParams.has('uitgelogd'),
    // The password form works without it: an API that cannot say just means no "Inloggen met …" button.
    oidcLabel: await fetchOidcLabel().catch(() => null),
  };
};

const STATUS_FOR: Record<ApiErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export const actions: Actions = {
  default: async ({ request, cookies, url, locals }) => {
    const t = createTranslate(locals.locale);
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const terug = localReturnPath(form.get('terug') ?? url.searchParams.get('terug'));

    const missing: FieldProblem[] = [];
    if (email === '') missing.push({ field: 'email', message: t('inloggen.emailLeeg') });
    if (password === '') missing.push({ field: 'password', message: t('inloggen.wachtwoordLeeg') });
    if (missing.length > 0) {
      return fail(400, { email, message: t('fouten.ongeldigeInvoer'), fields: missing });
    }

    let result;
    try {
      result = await login(email, password);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      // The API writes its messages in Dutch for people (wrong password, invalid e-mail);
      // for "could not ask" and internal errors we use our own text in the user's language.
      const message =
        cause.code === 'UNAVAILABLE'
          ? t('fouten.onbereikbaar')
          : cause.code === 'INTERNAL'
            ? t('fouten.intern')
            : cause.message;
      return fail(STATUS_FOR[cause.code], { email, message, fields: cause.fields });
    }

    setSessionCookie(cookies, url, result.token, result.expiresAt);
    redirect(303, terug);
  },
};
