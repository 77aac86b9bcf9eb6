import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AnswerValue } from '@vertelpunt/domain';
import { StoryEntity } from './story.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

@Entity('answer')
@Index(['storyId', 'questionId'], { unique: true })
export class AnswerEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) storyId!: string;
  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' }) story?: StoryEntity;
  /** The question's id inside the story's questionnaire version. */
  @Column({ type: 'text' }) questionId!: string;
  @Column({ type: 'jsonb' }) value!: AnswerValue;
}
