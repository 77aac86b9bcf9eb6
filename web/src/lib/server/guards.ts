import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { canEnter, loginPathFor, type AreaId } from '$lib/navigation';
import { isApiError } from './api';

type Guarded = Pick<App.Locals, 'user' | 'roles' | 'locale' | 'sessionUnavailable'>;

/** Not logged in → login page (and back afterwards); logged in without the role → 403. */
export const requireArea = (locals: Guarded, url: URL, area: AreaId): void => {
  requireUser(locals, url);
  if (!canEnter(area, locals.roles)) {
    // Managers see aggregates only (issue 8): say why the stories are hidden, and where the figures are.
    const reason = area === 'verhalen' && locals.roles.includes('manager') ? 'verkennen.alleenCijfers' : 'fouten.geenToegang';
    error(403, { message: translate(locals.locale, reason), code: 'FORBIDDEN' });
  }
};

export const requireUser = (locals: Guarded, url: URL): NonNullable<App.Locals['user']> => {
  if (locals.sessionUnavailable) {
    error(503, { message: translate(locals.locale, 'fouten.onbereikbaar'), code: 'UNAVAILABLE' });
  }
  if (!locals.user) redirect(303, loginPathFor(url));
  return locals.user;
};

/**
 * Turns a failed API call in a load function into the page the person should see. A session the
 * API no longer accepts goes back to the login page; an unexpected error is rethrown for handleError.
 */
export const failLoad = (cause: unknown, locals: Pick<App.Locals, 'locale'>, url: URL): never => {
  if (!isApiError(cause)) throw cause;
  const t = (key: Parameters<typeof translate>[1]) => translate(locals.locale, key);
  switch (cause.code) {
    case 'UNAUTHENTICATED':
      redirect(303, loginPathFor(url));
    case 'FORBIDDEN':
      error(403, { message: cause.message || t('fouten.geenToegang'), code: cause.code });
    case 'NOT_FOUND':
      error(404, { message: cause.message || t('fouten.nietGevonden'), code: cause.code });
    case 'BAD_USER_INPUT':
    case 'CONFLICT':
      error(400, { message: cause.message || t('fouten.ongeldigeInvoer'), code: cause.code });
    case 'RATE_LIMITED':
      error(429, { message: cause.message, code: cause.code });
    case 'UNAVAILABLE':
      error(503, { message: t('fouten.onbereikbaar'), code: cause.code });
    case 'INTERNAL':
      error(500, { message: t('fouten.intern'), code: cause.code });
  }
};
