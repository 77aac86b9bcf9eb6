import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoryEntity } from './story.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** One row per processing step of a story: attempts and timings, for the UI and for benchmarks. */
@Entity('story_step')
@Index(['storyId', 'step'], { unique: true })
export class StoryStepEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) storyId!: string;
  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' }) story?: StoryEntity;
  @Column({ type: 'text' }) step!: string;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'integer', nullable: true }) durationMs!: number | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
}
