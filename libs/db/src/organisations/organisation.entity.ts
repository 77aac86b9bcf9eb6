import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisationTheme } from '@vertelpunt/domain';

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', unique: true }) slug!: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) theme!: Partial<OrganisationTheme>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
