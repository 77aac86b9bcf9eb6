import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { PrintPackStatus } from '@vertelpunt/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { WijkEntity } from '../organisations/wijk.entity';
import { UserEntity } from '../users/user.entity';

/** An ErvaringenTafel: a sense-making session around a basket of stories. */
@Entity('ervaringen_tafel')
@Index(['organisationId', 'date'])
@Check('ervaringen_tafel_print_status_valid', `print_status IN ('none','pending','ready','failed')`)
@Check('ervaringen_tafel_title_not_empty', `length(trim(title)) > 0`)
export class TafelEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'text' }) title!: string;
  /** The session's day, without time zone worries: YYYY-MM-DD. */
  @Column({ type: 'date' }) date!: string;
  /** The theme or question the Tafel works on. */
  @Column({ type: 'text' }) question!: string;
  @Column({ type: 'uuid', nullable: true }) wijkId!: string | null;
  @ManyToOne(() => WijkEntity, { onDelete: 'SET NULL' }) wijk?: WijkEntity | null;
  @Column({ type: 'uuid' }) facilitatorUserId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' }) facilitatorUser?: UserEntity;
  @Column({ type: 'text', default: 'none' }) printStatus!: PrintPackStatus;
  /** Raised on every request, so a late job for an older basket cannot overwrite a newer pack. */
  @Column({ type: 'integer', default: 0 }) printVersion!: number;
  @Column({ type: 'text', nullable: true }) printKey!: string | null;
  @Column({ type: 'text', nullable: true }) printError!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) printedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
