import type { Actor } from '../common/request-context';

/**
 * Raw audio and unredacted text are personal data: only the teller and the organisation's admins
 * may hear or read them, and every access is audited (issue 6).
 */
export const maySeeRaw = (actor: Pick<Actor, 'userId' | 'roles'>, story: { tellerUserId: string | null }): boolean =>
  story.tellerUserId === actor.userId || actor.roles.includes('admin');
