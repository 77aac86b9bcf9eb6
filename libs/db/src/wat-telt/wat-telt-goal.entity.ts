import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { GoalStatus } from '@vertelpunt/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { WatTeltClientEntity } from './wat-telt-client.entity';
import { WatTeltMeasurementEntity } from './wat-telt-measurement.entity';

/** A goal the inwoner set for a leefgebied; `status` is the latest entry of its history. */
@Entity('wat_telt_goal')
@Index(['organisationId', 'clientId'])
@Check('wat_telt_goal_status_valid', `status IN ('open','bezig','bereikt','gestopt')`)
@Check('wat_telt_goal_text_length', 'char_length(text) BETWEEN 1 AND 300')
export class WatTeltGoalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) clientId!: string;
  @ManyToOne(() => WatTeltClientEntity, { onDelete: 'CASCADE' }) client?: WatTeltClientEntity;
  /** The conversation in which the goal was set. */
  @Column({ type: 'uuid' }) measurementId!: string;
  @ManyToOne(() => WatTeltMeasurementEntity, { onDelete: 'CASCADE' }) measurement?: WatTeltMeasurementEntity;
  @Column({ type: 'text' }) leefgebied!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text' }) status!: GoalStatus;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** The goal's status over time: one row per change, dated by the conversation it was changed in. */
@Entity('wat_telt_goal_status')
@Index(['goalId', 'changedOn'])
@Check('wat_telt_goal_status_status_valid', `status IN ('open','bezig','bereikt','gestopt')`)
export class WatTeltGoalStatusEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) goalId!: string;
  @ManyToOne(() => WatTeltGoalEntity, { onDelete: 'CASCADE' }) goal?: WatTeltGoalEntity;
  @Column({ type: 'text' }) status!: GoalStatus;
  @Column({ type: 'date' }) changedOn!: string;
  @Column({ type: 'uuid', nullable: true }) measurementId!: string | null;
  @ManyToOne(() => WatTeltMeasurementEntity, { onDelete: 'SET NULL' }) measurement?: WatTeltMeasurementEntity | null;
}
