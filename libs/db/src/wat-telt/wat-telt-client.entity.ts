import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { WijkEntity } from '../organisations/wijk.entity';

/** An inwoner followed with Wat telt, known only by a pseudonymous code (no name, no BSN). */
@Entity('wat_telt_client')
@Index(['organisationId', 'code'], { unique: true })
// Impact by wijk (migration WatTeltImpactIndexes).
@Index('wat_telt_client_wijk', { synchronize: false })
@Check('wat_telt_client_code_valid', `code ~ '^[A-Z0-9][A-Z0-9_-]{2,31}$'`)
export class WatTeltClientEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'uuid', nullable: true }) wijkId!: string | null;
  @ManyToOne(() => WijkEntity, { onDelete: 'SET NULL' }) wijk?: WijkEntity | null;
  @Column({ type: 'text', nullable: true }) team!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
