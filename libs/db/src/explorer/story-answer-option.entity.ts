import { Check, Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { StoryEntity } from '../stories/story.entity';

export type AnswerOptionKind = 'archetype' | 'leefgebied' | 'choice';

/**
 * One chosen option (archetype, leefgebied or choice) of one answer, for the explorer's filters: a narrow read model
 * whose indexes answer "which stories chose X" without reading the answers' JSON. Kept by statement triggers on
 * `answer` (migration 1763945000000); nothing writes it directly.
 */
@Entity('story_answer_option')
@Index('IDX_story_answer_option_kind', { synchronize: false })
@Index('IDX_story_answer_option_story', { synchronize: false })
@Check('story_answer_option_kind_valid', `kind IN ('archetype','leefgebied','choice')`)
export class StoryAnswerOptionEntity {
  @PrimaryColumn({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @PrimaryColumn({ type: 'text' }) questionId!: string;
  @PrimaryColumn({ type: 'text' }) optionId!: string;
  @PrimaryColumn({ type: 'uuid' }) storyId!: string;
  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' }) story?: StoryEntity;
  @Column({ type: 'text' }) kind!: AnswerOptionKind;
}
