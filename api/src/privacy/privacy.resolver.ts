import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { SubjectKind } from '@vertelpunt/db';
import { DomainError } from '@vertelpunt/domain';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { AuditLogService } from './audit-log.service';
import { DataSubjectsService } from './data-subjects.service';
import { AuditLogFilterInput, AuditLogPage, DataSubject, EraseDataSubjectInput, ErasureResult, RetentionReport } from './privacy.model';

const kindOf = (kind: string): SubjectKind => {
  if (kind === 'client' || kind === 'user') return kind;
  throw new DomainError('BAD_USER_INPUT', 'Kies "client" (Wat telt) of "user" (medewerker).', [{ field: 'kind', message: 'Onbekende soort.' }]);
};

/** Beheer → Privacy and Logboek (issue 8). Admins only; everything within the admin's organisation. */
@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly subjects: DataSubjectsService,
    private readonly log: AuditLogService,
  ) {}

  @Query(() => DataSubject, { description: 'Find a data subject: a Wat telt client by code or id, a member by e-mail or id.' })
  dataSubject(@Args('kind') kind: string, @Args('reference') reference: string, @Context() ctx: RequestContext) {
    return this.subjects.find(requireActor(ctx, 'admin'), kindOf(kind), reference.slice(0, 200));
  }

  @Mutation(() => ErasureResult, {
    description: 'Erases a client (measurements, goals) or the stories a member told (audio, transcripts, answers, tags, vectors, basket entries). Audited with counts only.',
  })
  eraseDataSubject(@Args('input') input: EraseDataSubjectInput, @Context() ctx: RequestContext) {
    return this.subjects.erase(requireActor(ctx, 'admin'), input.kind, input.id, input.confirmation);
  }

  @Query(() => RetentionReport, { description: 'Dry run of the retention job: what it would remove now in this organisation.' })
  retentionReport(@Context() ctx: RequestContext) {
    return this.log.retentionReport(requireActor(ctx, 'admin'));
  }

  @Query(() => AuditLogPage, { description: 'The audit log, newest first: views of raw content, exports, erasures, configuration changes.' })
  auditLog(
    @Context() ctx: RequestContext,
    @Args('filter', { type: () => AuditLogFilterInput, nullable: true }) filter?: AuditLogFilterInput | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.log.page(requireActor(ctx, 'admin'), filter, first, after);
  }
}

