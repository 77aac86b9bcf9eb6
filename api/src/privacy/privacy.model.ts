import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AUDIT_KINDS, type AuditKind } from '@vertelpunt/domain';
import type { SubjectKind } from '@vertelpunt/db';

const KINDS: SubjectKind[] = ['client', 'user'];
const KIND_MESSAGE = 'Kies "client" (Wat telt) of "user" (medewerker).';

@ObjectType({ description: 'Whom a data subject request is about, with counts only (no content).' })
export class DataSubject {
  @Field(() => String, { description: '"client" (pseudonymous Wat telt client) or "user" (a member and the stories they told).' })
  kind!: SubjectKind;
  @Field(() => ID) id!: string;
  @Field({ description: 'The client code, or the person\'s name.' }) label!: string;
  @Field({ description: 'What the admin types to confirm an erasure: the client code or the person\'s e-mail.' })
  confirmation!: string;
  @Field(() => Int) stories!: number;
  @Field(() => Int) audioFiles!: number;
  @Field(() => Int) measurements!: number;
  @Field({ description: 'GET this path (session token, organisation header) for the ZIP: JSON, README.txt and recordings.' })
  exportPath!: string;
}

@InputType()
export class EraseDataSubjectInput {
  @Field(() => String) @IsIn(KINDS, { message: KIND_MESSAGE }) kind!: SubjectKind;
  @Field(() => ID) @IsUUID('all', { message: 'Onbekende betrokkene.' }) id!: string;
  @Field({ description: 'Must equal DataSubject.confirmation.' }) @IsString() @MaxLength(200) confirmation!: string;
}

@ObjectType({ description: 'What an erasure removed, per kind; the audit entry holds the same counts.' })
export class ErasureResult {
  @Field(() => Int) stories!: number;
  @Field(() => Int) audioFiles!: number;
  @Field(() => Int) answers!: number;
  @Field(() => Int) storyTags!: number;
  @Field(() => Int) vectors!: number;
  @Field(() => Int) basketEntries!: number;
  @Field(() => Int) insightsUnlinked!: number;
  @Field(() => Int) measurements!: number;
  @Field(() => Int) clients!: number;
  @Field(() => Int, { description: 'Stored files whose removal failed and will be tried again by the retention job.' })
  filesPending!: number;
}

@ObjectType()
export class RetentionItem {
  @Field({ description: '"audio" (recordings after transcription) or "stories" (whole stories).' }) kind!: string;
  @Field(() => Int) count!: number;
  @Field(() => Date, { nullable: true }) oldest!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Older than this goes; null when this kind is kept for ever.' }) cutoff!: Date | null;
}

@ObjectType({ description: 'Dry run of the retention job for this organisation: what would be removed now.' })
export class RetentionReport {
  @Field(() => Int, { nullable: true }) audioDaysAfterTranscription!: number | null;
  @Field(() => Int, { nullable: true }) storyYears!: number | null;
  @Field(() => [RetentionItem]) items!: RetentionItem[];
  @Field(() => Date, { nullable: true }) lastRunAt!: Date | null;
  @Field(() => Int) filesPending!: number;
}

@ObjectType({ description: 'One audit entry: who, when, what, about which kind of thing; never content.' })
export class AuditLogEntry {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field() action!: string;
  @Field() kind!: string;
  @Field() subjectType!: string;
  @Field(() => String, { nullable: true }) subjectId!: string | null;
  @Field(() => ID, { nullable: true }) actorUserId!: string | null;
  @Field(() => String, { nullable: true, description: 'Null for the system (retention job) or someone no longer a member.' })
  actorName!: string | null;
  @Field({ description: 'The entry\'s details as JSON (counts, formats, ids), never story content.' }) details!: string;
}

@ObjectType()
export class AuditLogPage {
  @Field(() => [AuditLogEntry]) entries!: AuditLogEntry[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next (older) page.' }) endCursor!: string | null;
  @Field() hasMore!: boolean;
}

@InputType()
export class AuditLogFilterInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(AUDIT_KINDS, { message: 'Onbekende soort.' }) kind?: AuditKind | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Onbekende gebruiker.' }) actorUserId?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive.' }) @IsOptional() @IsString() from?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive.' }) @IsOptional() @IsString() to?: string | null;
}
