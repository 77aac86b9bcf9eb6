import { AUDIT_KINDS, isIsoDate, type AuditKind } from '@vertelpunt/domain';
import { scopeOf } from '$lib/beheer/beheer.server';
import { fetchMembers } from '$lib/beheer/members.server';
import { fetchAuditLog } from '$lib/beheer/privacy.server';
import { failLoad, requireArea } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

const isKind = (value: string | null): value is AuditKind => value !== null && (AUDIT_KINDS as string[]).includes(value);
const dateParam = (url: URL, name: string) => {
  const value = url.searchParams.get(name);
  return value && isIsoDate(value) ? value : null;
};

/** Beheer → Logboek: filters live in the URL; paging is a keyset cursor (`na`). */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireArea(locals, url, 'beheer');
  const kind = url.searchParams.get('soort');
  const actor = url.searchParams.get('wie');
  const filter = {
    kind: isKind(kind) ? kind : null,
    from: dateParam(url, 'van'),
    to: dateParam(url, 'tot'),
    actorUserId: actor && /^[0-9a-f-]{36}$/i.test(actor) ? actor : null,
  };
  const after = url.searchParams.get('na');
  try {
    const scope = scopeOf(locals);
    const [log, members] = await Promise.all([fetchAuditLog(scope, filter, after), fetchMembers(scope)]);
    const first = new URLSearchParams(url.searchParams);
    first.delete('na');
    const next = new URLSearchParams(first);
    if (log.endCursor) next.set('na', log.endCursor);
    return {
      filter,
      entries: log.entries,
      nextQuery: log.hasMore ? next.toString() : null,
      paged: Boolean(after),
      firstQuery: first.toString(),
      people: members.map((m) => ({ id: m.userId, name: m.name })).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    };
  } catch (cause) {
    return failLoad(cause, locals, url);
  }
};
