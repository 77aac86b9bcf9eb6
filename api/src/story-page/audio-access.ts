import type { Actor } from '../common/request-context';

/** Raw audio is personal data: only the teller and the organisation's admins may hear it (issue 6). */
export const mayHearAudio = (actor: Pick<Actor, 'userId' | 'roles'>, story: { tellerUserId: string | null }): boolean =>
  story.tellerUserId === actor.userId || actor.roles.includes('admin');
