import { fail, redirect } from '@sveltejs/kit';
import { isRole, type Role } from '@vertelpunt/domain';
import { scopeOf } from '$lib/beheer/beheer.server';
import { addMember, fetchMembers, removeMember, resetMemberPassword, setMemberRoles, unlockMember } from '$lib/beheer/members.server';
import { createTranslate } from '$lib/i18n';
import { isApiError } from '$lib/server/api';
import { failLoad, requireArea } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const NOTICES = ['rollen', 'ontgrendeld', 'verwijderd'] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | null): value is Notice => value !== null && (NOTICES as readonly string[]).includes(value);

export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'beheer');
  try {
    const notice = url.searchParams.get('melding');
    const confirmRemove = url.searchParams.get('verwijder');
    return {
      members: await fetchMembers(scopeOf(locals)),
      notice: isNotice(notice) ? notice : null,
      confirmRemove,
      me: locals.user?.id ?? null,
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};
const rolesOf = (form: FormData): Role[] => form.getAll('rol').filter((r): r is Role => typeof r === 'string' && isRole(r));

/** An API refusal is shown beside the form it came from; a lost session or an unexpected error is not. */
const refused = (event: RequestEvent, cause: unknown, action: string, userId: string | null, values: Record<string, unknown> = {}) => {
  if (!isApiError(cause) || cause.code === 'UNAUTHENTICATED' || cause.code === 'INTERNAL') return failLoad(cause, event.locals, event.url);
  const t = createTranslate(event.locals.locale);
  const message = cause.code === 'UNAVAILABLE' ? t('fouten.onbereikbaar') : cause.message;
  const problems = cause.fields.map((p) => ({ field: p.field.replace(/^input\./, ''), message: p.message }));
  return fail(cause.code === 'UNAVAILABLE' ? 503 : 400, { action, userId, message, problems, values });
};

export const actions: Actions = {
  add: async (event) => {
    requireArea(event.locals, event.url, 'beheer');
    const form = await event.request.formData();
    const input = { email: text(form, 'email'), name: text(form, 'naam'), roles: rolesOf(form) };
    try {
      const added = await addMember(scopeOf(event.locals), input);
      // The password is shown once, in this answer only: never in a URL, a log or the page after a reload.
      return { action: 'add', added: { name: added.member.name, email: added.member.email, temporaryPassword: added.temporaryPassword } };
    } catch (cause) {
      return refused(event, cause, 'add', null, input);
    }
  },
  roles: async (event) => {
    requireArea(event.locals, event.url, 'beheer');
    const form = await event.request.formData();
    const userId = text(form, 'id');
    try {
      await setMemberRoles(scopeOf(event.locals), userId, rolesOf(form));
    } catch (cause) {
      return refused(event, cause, 'roles', userId);
    }
    redirect(303, `/beheer/gebruikers?melding=rollen#gebruiker-${userId}`);
  },
  reset: async (event) => {
    requireArea(event.locals, event.url, 'beheer');
    const userId = text(await event.request.formData(), 'id');
    try {
      const reset = await resetMemberPassword(scopeOf(event.locals), userId);
      return { action: 'reset', userId, reset: { name: reset.member.name, email: reset.member.email, temporaryPassword: reset.temporaryPassword } };
    } catch (cause) {
      return refused(event, cause, 'reset', userId);
    }
  },
  unlock: async (event) => {
    requireArea(event.locals, event.url, 'beheer');
    const userId = text(await event.request.formData(), 'id');
    try {
      await unlockMember(scopeOf(event.locals), userId);
    } catch (cause) {
      return refused(event, cause, 'unlock', userId);
    }
    redirect(303, `/beheer/gebruikers?melding=ontgrendeld#gebruiker-${userId}`);
  },
  remove: async (event) => {
    requireArea(event.locals, event.url, 'beheer');
    const userId = text(await event.request.formData(), 'id');
    try {
      await removeMember(scopeOf(event.locals), userId);
    } catch (cause) {
      return refused(event, cause, 'remove', userId);
    }
    redirect(303, '/beheer/gebruikers?melding=verwijderd');
  },
};
