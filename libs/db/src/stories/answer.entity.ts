import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AnswerValue } from '@vertelpunt/domain';
import { StoryEntity } from './story.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

@Entity('answer')
@Index(['storyId', 'questionId'], { unique: true })
// Explorer indexes (jsonb GIN) are owned by migration 1763945000000.
@Index('IDX_answer_explore_question', { synchronize: false })
@Index('IDX_answer_explore_options', { synchronize: false })
@Index('IDX_answer_explore_archetypes', { synchronize: false })
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
