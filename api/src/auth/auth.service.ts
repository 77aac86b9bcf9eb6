import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@vertelpunt/config';
import { UserRepository, verifyPassword } from '@vertelpunt/db';
import { DomainError, isRole } from '@vertelpunt/domain';
import type { Actor } from '../common/request-context';
import { CONFIG } from '../common/tokens';
import { hashToken, newSessionToken } from './session-token';

const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;
const WRONG_LOGIN = 'Dit e-mailadres en wachtwoord horen niet bij elkaar.';
/** A busy teller sends many requests; their session is looked up at most this often. Logout clears it at once. */
const ACTOR_CACHE_MS = 5000;
const ACTOR_CACHE_MAX = 10_000;

/** userId: undefined while the lookup runs, null when it found no one. */
type CachedActor = { at: number; actor: Promise<Actor | null>; userId: string | null | undefined };

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async login(email: string, password: string) {
    const user = await this.users.findByEmail(email);
    if (!user || user.disabled || !user.passwordHash) throw new DomainError('UNAUTHENTICATED', WRONG_LOGIN);
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      throw new DomainError('UNAUTHENTICATED', 'Te vaak een verkeerd wachtwoord. Probeer het over een kwartier opnieuw.');
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.users.recordFailedLogin(user.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
      throw new DomainError('UNAUTHENTICATED', WRONG_LOGIN);
    }
    await this.users.recordSuccessfulLogin(user.id);
    return { ...(await this.startSession(user.id)), user };
  }

  /** A new session for someone who proved who they are (password, or OpenID Connect). */
  async startSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + this.config.sessions.ttlHours * 3600_000);
    await this.users.createSession(userId, hashToken(token), expiresAt);
    return { token, expiresAt };
  }

  memberships(userId: string) {
    return this.users.memberships(userId);
  }

  private readonly actors = new Map<string, CachedActor>();

  logout(tokenHash: string) {
    for (const key of this.actors.keys()) if (key.startsWith(tokenHash)) this.actors.delete(key);
    return this.users.revokeSession(tokenHash);
  }

  /** Who is asking: a live session, and the organisation chosen with `x-organisation-id` (else the first one). */
  actorFor(token: string, requestedOrganisationId: string | undefined): Promise<Actor | null> {
    const tokenHash = hashToken(token);
    const key = `${tokenHash}:${requestedOrganisationId ?? ''}`;
    const cached = this.actors.get(key);
    if (cached && Date.now() - cached.at < ACTOR_CACHE_MS) return cached.actor;
    if (this.actors.size >= ACTOR_CACHE_MAX) this.actors.clear();
    const actor = this.lookUpActor(tokenHash, requestedOrganisationId);
    const entry: CachedActor = { at: Date.now(), actor, userId: undefined };
    this.actors.set(key, entry);
    void actor.then(
      (a) => (entry.userId = a?.userId ?? null),
      () => this.actors.delete(key),
    );
    return actor;
  }

  /**
   * An admin changed someone's roles, password or membership: their cached sessions must not keep the old rights for
   * the rest of ACTOR_CACHE_MS (found by the security suite, issue 8). Lookups still under way are dropped too.
   * Only this API process's cache: with several API processes the others still catch up within ACTOR_CACHE_MS.
   */
  forgetUser(userId: string) {
    for (const [key, entry] of this.actors) if (entry.userId === userId || entry.userId === undefined) this.actors.delete(key);
  }

  private async lookUpActor(tokenHash: string, requestedOrganisationId: string | undefined): Promise<Actor | null> {
    const session = await this.users.findLiveSession(tokenHash);
    if (!session) return null;
    const memberships = await this.users.memberships(session.userId);
    const membership = requestedOrganisationId
      ? memberships.find((m) => m.organisationId === requestedOrganisationId)
      : memberships[0];
    if (!membership) {
      if (requestedOrganisationId) throw new DomainError('FORBIDDEN', 'Je hoort niet bij deze organisatie.');
      return null;
    }
    return { userId: session.userId, organisationId: membership.organisationId, roles: membership.roles.filter(isRole), tokenHash };
  }
}
