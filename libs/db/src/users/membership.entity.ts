import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@vertelpunt/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from './user.entity';

@Entity('membership')
@Index(['organisationId', 'userId'], { unique: true })
@Check('membership_roles_valid', `cardinality(roles) > 0 AND roles <@ ARRAY['wijkcoach','facilitator','manager','admin']::text[]`)
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) user?: UserEntity;
  @Column({ type: 'text', array: true }) roles!: Role[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
