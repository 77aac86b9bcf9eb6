import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** An organisation's own Wat telt cards; without rows the organisation uses the default 14 (marked as default). */
@Entity('wat_telt_leefgebied')
@Index(['organisationId', 'key'], { unique: true })
export class WatTeltLeefgebiedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'text' }) key!: string;
  @Column({ type: 'text' }) label!: string;
  @Column({ type: 'integer' }) position!: number;
}
