import { CreateDateColumn, Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

/**
 * The id of a story erased on request (AVG), without any content: a phone whose outbox still holds the story, or a
 * retried request, must not store it again. A trigger on `story` (migration 1764500000000) skips such an insert.
 */
@Entity('erased_story')
export class ErasedStoryEntity {
  @PrimaryColumn({ type: 'uuid' }) storyId!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @CreateDateColumn({ type: 'timestamptz' }) erasedAt!: Date;
}
