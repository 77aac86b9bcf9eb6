import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { InterventionStatus } from '@vertelpunt/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { TafelEntity } from './tafel.entity';

/** An action agreed at a Tafel; its status over time feeds the impact view. */
@Entity('tafel_intervention')
@Index(['organisationId', 'tafelId'])
@Index(['organisationId', 'status'])
@Check('tafel_intervention_status_valid', `status IN ('open','bezig','klaar')`)
export class TafelInterventionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) tafelId!: string;
  @ManyToOne(() => TafelEntity, { onDelete: 'CASCADE' }) tafel?: TafelEntity;
  @Column({ type: 'text' }) action!: string;
  /** Who carries it out: a person or a team, as free text (often outside the platform). */
  @Column({ type: 'text' }) owner!: string;
  @Column({ type: 'text', default: 'open' }) status!: InterventionStatus;
  @Column({ type: 'date', nullable: true }) dueDate!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
