import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TellerKind } from '@vertelpunt/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { WijkEntity } from '../organisations/wijk.entity';
import { QuestionnaireEntity } from '../questionnaires/questionnaire.entity';

/** A collection point: who tells here, with which questionnaire; inwoners reach it through a vertel-link. */
@Entity('vertelpunt')
@Check('vertelpunt_audience_valid', `audience IN ('wijkcoach','inwoner')`)
@Check('vertelpunt_max_recording_valid', 'max_recording_seconds BETWEEN 30 AND 7200')
export class VertelpuntEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) audience!: TellerKind;
  @Column({ type: 'uuid' }) questionnaireId!: string;
  @ManyToOne(() => QuestionnaireEntity, { onDelete: 'RESTRICT' }) questionnaire?: QuestionnaireEntity;
  @Column({ type: 'uuid', nullable: true }) wijkId!: string | null;
  @ManyToOne(() => WijkEntity, { onDelete: 'SET NULL' }) wijk?: WijkEntity | null;
  @Column({ type: 'boolean', default: true }) isOpen!: boolean;
  /** Longest recording accepted here; the recorder stops itself at this length. */
  @Column({ type: 'integer', default: 900 }) maxRecordingSeconds!: number;
  /** Unguessable token of the public vertel-link; null when revoked or for wijkcoach points. */
  @Index({ unique: true, where: 'link_token IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  linkToken!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
