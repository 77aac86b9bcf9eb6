import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { TafelEntity } from './tafel.entity';

/**
 * What a Tafel learned, linked to the stories that showed it (ids of the basket when it was written). An erased story
 * leaves the list, so it can end up empty: the insight keeps its text (issue 8).
 */
@Entity('tafel_insight')
@Index(['organisationId', 'tafelId'])
export class TafelInsightEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) tafelId!: string;
  @ManyToOne(() => TafelEntity, { onDelete: 'CASCADE' }) tafel?: TafelEntity;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'uuid', array: true }) storyIds!: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
