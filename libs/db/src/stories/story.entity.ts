import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { StoryMode, StoryStatus, TellerKind } from '@vertelpunt/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { WijkEntity } from '../organisations/wijk.entity';
import { QuestionnaireVersionEntity } from '../questionnaires/questionnaire-version.entity';
import { UserEntity } from '../users/user.entity';
import { VertelpuntEntity } from '../vertelpunten/vertelpunt.entity';

export type TranscriptSegment = { startMs: number; endMs: number; text: string };
export type StoryConsent = { version: string; agreedAt: string; usage: string[] };

/** The id comes from the teller's device, so a retried `createStory` never makes a second story. */
@Entity('story')
@Index(['organisationId', 'createdAt', 'id'])
@Index(['organisationId', 'status'])
@Index(['organisationId', 'tellerUserId'])
// Explorer and chart indexes (GIN, partial) are owned by migrations 1763945000000 and 1764600000000; TypeORM leaves them alone.
@Index('IDX_story_search_document', { synchronize: false })
@Index('IDX_story_explore_told_at', { synchronize: false })
@Index('IDX_story_explore_created', { synchronize: false })
@Index('IDX_story_chart_scan', { synchronize: false })
@Check('story_status_valid', `status IN ('RECEIVED','TRANSCRIBED','REDACTED','READY','FAILED','WITHDRAWN')`)
@Check('story_mode_valid', `mode IN ('text','audio')`)
@Check('story_teller_kind_valid', `teller_kind IN ('wijkcoach','inwoner')`)
@Check('story_text_when_typed', `mode <> 'text' OR text IS NOT NULL`)
export class StoryEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) organisation?: OrganisationEntity;
  @Column({ type: 'uuid' }) vertelpuntId!: string;
  @ManyToOne(() => VertelpuntEntity, { onDelete: 'RESTRICT' }) vertelpunt?: VertelpuntEntity;
  @Column({ type: 'uuid' }) questionnaireVersionId!: string;
  @ManyToOne(() => QuestionnaireVersionEntity, { onDelete: 'RESTRICT' }) questionnaireVersion?: QuestionnaireVersionEntity;
  @Column({ type: 'uuid', nullable: true }) tellerUserId!: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' }) tellerUser?: UserEntity | null;
  @Column({ type: 'text' }) tellerKind!: TellerKind;
  @Column({ type: 'uuid', nullable: true }) wijkId!: string | null;
  @ManyToOne(() => WijkEntity, { onDelete: 'SET NULL' }) wijk?: WijkEntity | null;
  @Column({ type: 'text' }) mode!: StoryMode;
  @Column({ type: 'text' }) title!: string;
  /** What the teller typed; raw, access-restricted. */
  @Column({ type: 'text', nullable: true }) text!: string | null;
  @Column({ type: 'text', nullable: true }) audioKey!: string | null;
  @Column({ type: 'text', nullable: true }) audioMimeType!: string | null;
  @Column({ type: 'bigint', nullable: true }) audioBytes!: string | null;
  @Column({ type: 'text', nullable: true }) audioSha256!: string | null;
  @Column({ type: 'integer', nullable: true }) audioDurationMs!: number | null;
  /** Raw transcript; access-restricted like `text`. */
  @Column({ type: 'text', nullable: true }) transcript!: string | null;
  @Column({ type: 'jsonb', nullable: true }) transcriptSegments!: TranscriptSegment[] | null;
  /** What the dashboard shows. */
  @Column({ type: 'text', nullable: true }) redactedText!: string | null;
  @Column({ type: 'text', nullable: true }) redactedTitle!: string | null;
  /** The transcript's segments with the same placeholders, for the player that follows the text. */
  @Column({ type: 'jsonb', nullable: true }) redactedSegments!: TranscriptSegment[] | null;
  @Column({ type: 'text' }) status!: StoryStatus;
  /** Dutch, shown to users when status is FAILED. */
  @Column({ type: 'text', nullable: true }) failureReason!: string | null;
  /** The processing step that failed, so an admin's retry starts there. */
  @Column({ type: 'text', nullable: true }) failedStep!: string | null;
  @Column({ type: 'jsonb' }) consent!: StoryConsent;
  /** When the teller finished on the device (may be earlier than createdAt when sent from an offline queue). */
  @Column({ type: 'timestamptz' }) toldAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  /** Dutch full-text document of the redacted title and text; kept by a trigger, NULL until redacted. */
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false }) searchDocument?: string | null;
  /** Words in the redacted text; kept by the same trigger. */
  @Column({ type: 'integer', nullable: true, select: false, insert: false, update: false }) wordCount?: number | null;
}
