import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoryEntity } from '../stories/story.entity';
import { TagEntity } from './tag.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

export type StoryTagSource = 'auto' | 'manual';
export type StoryTagState = 'suggested' | 'confirmed' | 'rejected';

@Entity('story_tag')
@Index(['storyId', 'tagId'], { unique: true })
@Index(['organisationId', 'tagId'])
// Partial index for the explorer's tag filter, owned by migration 1763945000000.
@Index('IDX_story_tag_explore', { synchronize: false })
@Check('story_tag_source_valid', `source IN ('auto','manual')`)
@Check('story_tag_state_valid', `state IN ('suggested','confirmed','rejected')`)
export class StoryTagEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) storyId!: string;
  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' }) story?: StoryEntity;
  @Column({ type: 'uuid' }) tagId!: string;
  @ManyToOne(() => TagEntity, { onDelete: 'CASCADE' }) tag?: TagEntity;
  @Column({ type: 'text' }) source!: StoryTagSource;
  @Column({ type: 'real', nullable: true }) score!: number | null;
  @Column({ type: 'text' }) state!: StoryTagState;
  /** The words that explain an automatic score. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) why!: string[];
  @Column({ type: 'uuid', nullable: true }) decidedByUserId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
}
