import { Column, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { WatTeltClientEntity } from './wat-telt-client.entity';

/**
 * Per client, over all its measurements: how many, and the rapportcijfer of the first and the latest (in the order of
 * `measured_on, created_at, id`). A read model for impact without a period; kept by statement triggers on
 * `wat_telt_measurement` and `wat_telt_score` (migration 1764100000000); nothing writes it directly.
 */
@Entity('wat_telt_client_summary')
@Index('wat_telt_client_summary_organisation', { synchronize: false })
export class WatTeltClientSummaryEntity {
  @PrimaryColumn({ type: 'uuid' }) clientId!: string;
  @ManyToOne(() => WatTeltClientEntity, { onDelete: 'CASCADE' }) client?: WatTeltClientEntity;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'int' }) measurements!: number;
  @Column({ type: 'smallint' }) firstRapportcijfer!: number;
  @Column({ type: 'smallint' }) latestRapportcijfer!: number;
}

/**
 * Per client and leefgebied, over the inwoner's chips: how many measurements had one, the first and latest position,
 * the change that impact counts (latest − first, only when the client has ≥ 2 measurements and the leefgebied ≥ 2
 * chips; else null) and the latest inwoner−professional gap (null when the professional never placed a chip beside
 * it); all in tenths. Kept with `wat_telt_client_summary`, by the same triggers.
 */
@Entity('wat_telt_leefgebied_summary')
@Index('wat_telt_leefgebied_summary_organisation', { synchronize: false })
export class WatTeltLeefgebiedSummaryEntity {
  @PrimaryColumn({ type: 'uuid' }) clientId!: string;
  @ManyToOne(() => WatTeltClientEntity, { onDelete: 'CASCADE' }) client?: WatTeltClientEntity;
  @PrimaryColumn({ type: 'text' }) leefgebied!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'int' }) chips!: number;
  @Column({ type: 'int' }) firstTenths!: number;
  @Column({ type: 'int' }) latestTenths!: number;
  @Column({ type: 'int', nullable: true }) changeTenths!: number | null;
  @Column({ type: 'int', nullable: true }) latestGapTenths!: number | null;
}
