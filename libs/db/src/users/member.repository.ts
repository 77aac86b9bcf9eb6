import type { Role } from '@vertelpunt/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { MembershipEntity } from './membership.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export type Member = {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  lockedUntil: Date | null;
  /** Organisations besides this one the person works for; their account is then not this admin's alone. */
  otherOrganisations: number;
  createdAt: Date;
};

const MEMBER_SELECT = `
  SELECT u.id AS user_id, u.email, u.name, m.roles, u.disabled, u.locked_until, m.created_at,
         (SELECT count(*)::int FROM membership o WHERE o.user_id = u.id AND o.organisation_id <> m.organisation_id) AS other_organisations
    FROM membership m JOIN app_user u ON u.id = m.user_id`;

type MemberRow = { user_id: string; email: string; name: string; roles: Role[]; disabled: boolean; locked_until: Date | null; other_organisations: number; created_at: Date };
const toMember = (r: MemberRow): Member => ({
  userId: r.user_id,
  email: r.email,
  name: r.name,
  roles: r.roles,
  disabled: r.disabled,
  lockedUntil: r.locked_until,
  otherOrganisations: r.other_organisations,
  createdAt: r.created_at,
});

/** The people of one organisation, as its admins manage them. Every method is scoped by organisation. */
export class MemberRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(organisationId: string): Promise<Member[]> {
    const rows: MemberRow[] = await this.dataSource.query(`${MEMBER_SELECT} WHERE m.organisation_id = $1 ORDER BY lower(u.name), u.email`, [organisationId]);
    return rows.map(toMember);
  }

  async find(organisationId: string, userId: string): Promise<Member | null> {
    const rows: MemberRow[] = await this.dataSource.query(`${MEMBER_SELECT} WHERE m.organisation_id = $1 AND u.id = $2`, [organisationId, userId]);
    return rows[0] ? toMember(rows[0]) : null;
  }

  /**
   * Adds a person: a new account with the given password hash, or an existing account (same e-mail) that gets a
   * membership here and keeps its password. Returns whether the account is new; null when they are already a member.
   */
  async add(organisationId: string, input: { email: string; name: string; roles: Role[]; passwordHash: string }): Promise<{ userId: string; isNewAccount: boolean } | null> {
    return this.dataSource.transaction(async (tx) => {
      const email = input.email.trim().toLowerCase();
      const existing = await tx.getRepository(UserEntity).findOneBy({ email });
      const user = existing ?? (await tx.getRepository(UserEntity).save({ email, name: input.name.trim(), passwordHash: input.passwordHash }));
      const already = await tx.getRepository(MembershipEntity).findOneBy({ organisationId, userId: user.id });
      if (already) return null;
      await tx.getRepository(MembershipEntity).insert({ organisationId, userId: user.id, roles: input.roles });
      return { userId: user.id, isNewAccount: !existing };
    });
  }

  async setRoles(organisationId: string, userId: string, roles: Role[]): Promise<void> {
    await this.dataSource.getRepository(MembershipEntity).update({ organisationId, userId }, { roles });
  }

  /** A new password; every session of the account ends and a lock is lifted. */
  async resetPassword(userId: string, passwordHash: string): Promise<void> {
    await this.dataSource.transaction(async (tx: EntityManager) => {
      await tx.getRepository(UserEntity).update({ id: userId }, { passwordHash, failedLogins: 0, lockedUntil: null });
      await revokeSessions(tx, userId);
    });
  }

  async unlock(userId: string): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ id: userId }, { failedLogins: 0, lockedUntil: null });
  }

  /** Ends the membership; an account that belongs nowhere any more is disabled and logged out. */
  async remove(organisationId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.getRepository(MembershipEntity).delete({ organisationId, userId });
      const left = await tx.getRepository(MembershipEntity).countBy({ userId });
      if (left === 0) {
        await tx.getRepository(UserEntity).update({ id: userId }, { disabled: true });
        await revokeSessions(tx, userId);
      }
    });
  }

  /** How many members of the organisation hold the admin role (the last one may not lose it). */
  async adminCount(organisationId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM membership WHERE organisation_id = $1 AND 'admin' = ANY(roles)`, [organisationId]);
    return n;
  }
}

const revokeSessions = (tx: EntityManager, userId: string) =>
  tx.getRepository(SessionEntity).createQueryBuilder().update().set({ revokedAt: () => 'now()' }).where('user_id = :userId AND revoked_at IS NULL', { userId }).execute();
