import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person who logs in; belongs to organisations through memberships. Inwoners have no user. */
@Entity('app_user')
@Check('app_user_email_lowercase', 'email = lower(email)')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) email!: string;
  @Column({ type: 'text' }) name!: string;
  /** argon2id; null for accounts that only sign in through OpenID Connect. */
  @Column({ type: 'text', nullable: true }) passwordHash!: string | null;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  @Column({ type: 'integer', default: 0 }) failedLogins!: number;
  @Column({ type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
