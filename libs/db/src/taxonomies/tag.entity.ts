import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TaxonomyEntity } from './taxonomy.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

@Entity('tag')
@Index(['taxonomyId', 'key'], { unique: true })
export class TagEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) taxonomyId!: string;
  @ManyToOne(() => TaxonomyEntity, { onDelete: 'CASCADE' }) taxonomy?: TaxonomyEntity;
  @Column({ type: 'text' }) key!: string;
  @Column({ type: 'text' }) label!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) examples!: string[];
  @Column({ type: 'integer' }) position!: number;
}
