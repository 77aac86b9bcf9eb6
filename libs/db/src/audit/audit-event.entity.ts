import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** Who did what to which subject; never the content itself. */
@Entity('audit_event')
@Index(['organisationId', 'createdAt'])
// A story page reads its own trail (tag decisions, audio access).
@Index(['organisationId', 'subjectType', 'subjectId', 'createdAt'])
// The audit log page filters by kind of action.
@Index(['organisationId', 'action', 'createdAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid', nullable: true }) actorUserId!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) subjectType!: string;
  @Column({ type: 'text', nullable: true }) subjectId!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details!: Record<string, string | number | boolean | null>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
