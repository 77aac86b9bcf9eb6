import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

/**
 * A stored file (recording, unfinished upload) whose rows are already erased. Written in the erasing transaction and
 * removed once the file is gone, so a failed removal is retried (by the retention job) and never forgotten.
 */
@Entity('pending_file_deletion')
@Index(['createdAt'])
export class PendingFileDeletionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  /** `audio`: a key in the audio storage; `upload`: a story id whose unfinished tus uploads go. */
  @Column({ type: 'text' }) kind!: 'audio' | 'upload';
  @Column({ type: 'text' }) key!: string;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
