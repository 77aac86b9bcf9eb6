import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { StoryEntity } from '../stories/story.entity';
import { TafelEntity } from './tafel.entity';

/** A story in a Tafel's basket, at a position, with the facilitator's note. */
@Entity('tafel_story')
@Index(['tafelId', 'position'])
export class TafelStoryEntity {
  @PrimaryColumn({ type: 'uuid' }) tafelId!: string;
  @ManyToOne(() => TafelEntity, { onDelete: 'CASCADE' }) tafel?: TafelEntity;
  @PrimaryColumn({ type: 'uuid' }) storyId!: string;
  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' }) story?: StoryEntity;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'text', default: '' }) note!: string;
  @CreateDateColumn({ type: 'timestamptz' }) addedAt!: Date;
}
