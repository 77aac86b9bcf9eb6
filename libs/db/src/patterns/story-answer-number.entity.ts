import { Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { StoryEntity } from '../stories/story.entity';

/**
 * The number of one dyad or scale answer, for the Patronen comparison: a narrow read model, so "the values of these
 * 40 000 stories" reads small rows instead of the answers' JSON. Kept by statement triggers on `answer`
 * (migration 1764000000000); nothing writes it directly.
 */
@Entity('story_answer_number')
export class StoryAnswerNumberEntity {
  @PrimaryColumn({ type: 'uuid' }) storyId!: string;
  @ManyToOne(() => StoryEntity, { onDelete: 'CASCADE' }) story?: StoryEntity;
  @PrimaryColumn({ type: 'text' }) questionId!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'double precision' }) value!: number;
}
