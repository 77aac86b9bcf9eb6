import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ArchetypeSetEntity } from './archetype-set.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

@Entity('archetype')
@Index(['setId', 'key'], { unique: true })
export class ArchetypeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) setId!: string;
  @ManyToOne(() => ArchetypeSetEntity, { onDelete: 'CASCADE' }) set?: ArchetypeSetEntity;
  @Column({ type: 'text' }) key!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) icon!: string;
  @Column({ type: 'integer' }) position!: number;
}
