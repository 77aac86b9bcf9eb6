import { Column, Entity, Index, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { StoryEntity } from '../stories/story.entity';

/** The story's content as a compact vector for "verhalen zoals dit" (no pgvector needed). */
@Entity('story_vector')
@Index(['organisationId', 'updatedAt'])
export class StoryVectorEntity {
  @PrimaryColumn({ type: 'uuid' }) storyId!: string;
  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' }) story?: StoryEntity;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  /** Which vectoriser made it, so a model change can re-index. */
  @Column({ type: 'text' }) model!: string;
  @Column({ type: 'real', array: true }) vector!: number[];
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
