import type { Role } from '@vertelpunt/domain';
import type { DataSource } from 'typeorm';
import { MembershipEntity } from './membership.entity';
import { OidcIdentityEntity } from './oidc-identity.entity';
import { UserEntity } from './user.entity';

export type OidcPerson = { issuer: string; subject: string; email: string; emailVerified: boolean; name: string };

/** `linked`: the account of this subject (new or found); `emailTaken`: an account with that e-mail exists and the
 *  provider did not vouch for the address, so linking it could hand someone else's account over. */
export type OidcSignIn = { kind: 'linked'; user: UserEntity; isNewAccount: boolean } | { kind: 'emailTaken' };

/** OpenID Connect subjects and the accounts they sign in to (issue 8). */
export class OidcIdentityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The subject's account; on a first sign-in links it to the account with the same verified e-mail, or makes one. */
  signIn(person: OidcPerson): Promise<OidcSignIn> {
    return this.dataSource.transaction(async (tx) => {
      const identities = tx.getRepository(OidcIdentityEntity);
      const users = tx.getRepository(UserEntity);
      const known = await identities.findOneBy({ issuer: person.issuer, subject: person.subject });
      if (known) {
        await identities.update({ id: known.id }, { lastLoginAt: new Date() });
        const user = await users.findOneByOrFail({ id: known.userId });
        return { kind: 'linked', user, isNewAccount: false };
      }
      const email = person.email.trim().toLowerCase();
      const existing = await users.findOneBy({ email });
      if (existing && !person.emailVerified) return { kind: 'emailTaken' };
      // No password: this account signs in through the provider only (until an admin resets a password).
      const user = existing ?? (await users.save({ email, name: person.name.trim() || email, passwordHash: null }));
      await identities.save({ issuer: person.issuer, subject: person.subject, userId: user.id, lastLoginAt: new Date() });
      return { kind: 'linked', user, isNewAccount: existing === null };
    });
  }

  /** Roles from the provider's claim are the truth for this organisation: set them, or end the membership. */
  async setRoles(organisationId: string, userId: string, roles: Role[]): Promise<void> {
    const memberships = this.dataSource.getRepository(MembershipEntity);
    if (roles.length === 0) {
      await memberships.delete({ organisationId, userId });
      return;
    }
    await memberships.upsert({ organisationId, userId, roles }, { conflictPaths: ['organisationId', 'userId'] });
  }
}
