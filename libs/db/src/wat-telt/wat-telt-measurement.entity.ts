import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ThirdPerspectiveRole } from '@vertelpunt/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';
import { WatTeltClientEntity } from './wat-telt-client.entity';

/** One Wat telt conversation: the board on a date, with its rapportcijfer. Scores and goals hang below it. */
@Entity('wat_telt_measurement')
@Index(['organisationId', 'clientId', 'measuredOn'])
// Impact by period and first/latest per client in order (migration WatTeltImpactIndexes).
@Index('wat_telt_measurement_period', { synchronize: false })
@Index('wat_telt_measurement_order', { synchronize: false })
@Check('wat_telt_measurement_rapportcijfer_valid', 'rapportcijfer BETWEEN 1 AND 10')
@Check('wat_telt_measurement_third_role_valid', `third_role IN ('mantelzorger','partner')`)
@Check('wat_telt_measurement_note_length', 'char_length(note) <= 500')
@Check('wat_telt_measurement_source_valid', `source IN ('bord','import')`)
export class WatTeltMeasurementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) clientId!: string;
  @ManyToOne(() => WatTeltClientEntity, { onDelete: 'CASCADE' }) client?: WatTeltClientEntity;
  @Column({ type: 'date' }) measuredOn!: string;
  @Column({ type: 'uuid', nullable: true }) professionalUserId!: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' }) professionalUser?: UserEntity | null;
  @Column({ type: 'smallint' }) rapportcijfer!: number;
  @Column({ type: 'text', nullable: true }) thirdRole!: ThirdPerspectiveRole | null;
  @Column({ type: 'text', default: '' }) note!: string;
  @Column({ type: 'text', default: 'bord' }) source!: 'bord' | 'import';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
