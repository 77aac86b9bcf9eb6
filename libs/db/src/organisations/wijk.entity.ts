import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

@Entity('wijk')
@Index(['organisationId', 'name'], { unique: true })
export class WijkEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) code!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
