import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TellerKind } from '@vertelpunt/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';

@Entity('questionnaire')
@Index(['organisationId', 'key'], { unique: true })
@Check('questionnaire_audience_valid', `audience IN ('wijkcoach','inwoner')`)
export class QuestionnaireEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'text' }) key!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) audience!: TellerKind;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
