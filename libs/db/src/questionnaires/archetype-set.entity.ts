import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

@Entity('archetype_set')
@Index(['organisationId', 'key'], { unique: true })
export class ArchetypeSetEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'text' }) key!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'boolean', default: false }) isStartingPoint!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
