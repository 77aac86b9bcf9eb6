import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Question } from '@vertelpunt/domain';
import { QuestionnaireEntity } from './questionnaire.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** Immutable once a story refers to it: editing a questionnaire makes a new version. */
@Entity('questionnaire_version')
@Index(['questionnaireId', 'version'], { unique: true })
@Check('questionnaire_version_positive', 'version > 0')
export class QuestionnaireVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) questionnaireId!: string;
  @ManyToOne(() => QuestionnaireEntity, { onDelete: 'CASCADE' }) questionnaire?: QuestionnaireEntity;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) intro!: string;
  @Column({ type: 'text' }) storyPrompt!: string;
  @Column({ type: 'text' }) titlePrompt!: string;
  @Column({ type: 'jsonb' }) questions!: Question[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
