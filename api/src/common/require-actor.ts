import { DomainError, type Role } from '@vertelpunt/domain';
import type { Actor, RequestContext } from './request-context';

/** The one check every protected resolver calls: logged in, and holding one of the roles (any role when none given). */
export const requireActor = (ctx: RequestContext, ...roles: Role[]): Actor => {
  if (!ctx.actor) throw new DomainError('UNAUTHENTICATED', 'Log eerst in.');
  if (roles.length > 0 && !roles.some((r) => ctx.actor?.roles.includes(r))) {
    throw new DomainError('FORBIDDEN', 'Je rol geeft geen toegang tot dit onderdeel.');
  }
  return ctx.actor;
};
