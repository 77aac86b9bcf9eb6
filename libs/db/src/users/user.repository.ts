import type { DataSource } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { MembershipEntity } from './membership.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export type MembershipWithOrganisation = MembershipEntity & { organisation: OrganisationEntity };

/** Users are the one table without an organisation: a person can work for several. */
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email: email.trim().toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  async memberships(userId: string): Promise<MembershipWithOrganisation[]> {
    const rows = await this.dataSource.getRepository(MembershipEntity).find({
      where: { userId },
      relations: { organisation: true },
      order: { createdAt: 'ASC' },
    });
    return rows as MembershipWithOrganisation[];
  }

  async recordFailedLogin(userId: string, lockAfter: number, lockMinutes: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE app_user SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1`,
      [userId, lockAfter, lockMinutes],
    );
  }

  async recordSuccessfulLogin(userId: string): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ id: userId }, { failedLogins: 0, lockedUntil: null });
  }

  async createSession(userId: string, tokenHash: string, expiresAt: Date): Promise<SessionEntity> {
    return this.dataSource.getRepository(SessionEntity).save({ userId, tokenHash, expiresAt, revokedAt: null });
  }

  findLiveSession(tokenHash: string): Promise<SessionEntity | null> {
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.token_hash = :tokenHash AND s.revoked_at IS NULL AND s.expires_at > now()', { tokenHash })
      .getOne();
  }

  async revokeSession(tokenHash: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).update({ tokenHash }, { revokedAt: new Date() });
  }
}
