import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Perspective } from '@vertelpunt/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { WatTeltMeasurementEntity } from './wat-telt-measurement.entity';

/** numeric comes back from pg as a string; positions are small, so a JS number is exact enough. */
const numericPosition = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One chip: a perspective's position on one chosen leefgebied, 0–10 with one decimal. */
@Entity('wat_telt_score')
@Index(['measurementId', 'leefgebied', 'perspective'], { unique: true })
// Chips of a measurement by perspective, covering (migration WatTeltSummaries).
@Index('wat_telt_score_chip', { synchronize: false })
@Check('wat_telt_score_perspective_valid', `perspective IN ('inwoner','professional','derde')`)
@Check('wat_telt_score_position_valid', 'position BETWEEN 0 AND 10')
export class WatTeltScoreEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) measurementId!: string;
  @ManyToOne(() => WatTeltMeasurementEntity, { onDelete: 'CASCADE' }) measurement?: WatTeltMeasurementEntity;
  @Column({ type: 'text' }) leefgebied!: string;
  @Column({ type: 'text' }) perspective!: Perspective;
  @Column({ type: 'numeric', precision: 3, scale: 1, transformer: numericPosition }) position!: number;
}
