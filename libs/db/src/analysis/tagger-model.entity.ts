import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { TaxonomyEntity } from '../taxonomies/taxonomy.entity';

/** A trained tagger per taxonomy; retrained when facilitators confirm or reject tags. */
@Entity('tagger_model')
@Index(['taxonomyId'], { unique: true })
export class TaggerModelEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) taxonomyId!: string;
  @ManyToOne(() => TaxonomyEntity, { onDelete: 'CASCADE' }) taxonomy?: TaxonomyEntity;
  @Column({ type: 'jsonb' }) model!: object;
  /** How many facilitator labels went into it (beyond the shipped examples). */
  @Column({ type: 'integer', default: 0 }) labelCount!: number;
  @Column({ type: 'timestamptz' }) trainedAt!: Date;
}
