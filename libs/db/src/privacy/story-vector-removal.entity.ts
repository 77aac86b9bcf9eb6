import { CreateDateColumn, Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

/**
 * An erased story's vector, as a tombstone: every API process keeps an in-memory similarity index and reads these
 * after its last look, so an erased story drops out of "verhalen zoals dit" everywhere. Only the random id is kept.
 */
@Entity('story_vector_removal')
@Index(['organisationId', 'removedAt'])
export class StoryVectorRemovalEntity {
  @PrimaryColumn({ type: 'uuid' }) storyId!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @CreateDateColumn({ type: 'timestamptz' }) removedAt!: Date;
}
