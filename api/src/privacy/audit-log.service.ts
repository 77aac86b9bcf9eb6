import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@vertelpunt/config';
import { AuditRepository, DataSubjectRepository, RetentionRepository, type AuditCursor } from '@vertelpunt/db';
import { AUDIT_KIND_ACTIONS, auditKindOf, DomainError, isIsoDate, KNOWN_AUDIT_ACTIONS } from '@vertelpunt/domain';
import type { Actor } from '../common/request-context';
import { CONFIG } from '../common/tokens';
import type { AuditLogFilterInput, AuditLogPage, RetentionReport } from './privacy.model';

const MAX_PAGE = 100;
const DAY_MS = 24 * 3600_000;

const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, [{ field, message }]);

/** As Postgres writes a timestamptz as text (microseconds, offset like +00): the cursor keeps every digit. */
const POSTGRES_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

export const encodeAuditCursor = (c: AuditCursor) => Buffer.from(`${c.createdAt}|${c.id}`).toString('base64url');

export const decodeAuditCursor = (value: string): AuditCursor => {
  const [createdAt, id] = Buffer.from(value, 'base64url').toString().split('|');
  if (!createdAt || !POSTGRES_TIMESTAMP.test(createdAt) || !/^[0-9a-f-]{36}$/.test(id ?? ''))
    throw badInput('after', 'Ongeldige cursor.');
  return { createdAt, id: id! };
};

const dayStart = (field: string, value: string | null | undefined): Date | null => {
  if (!value) return null;
  if (!isIsoDate(value)) throw badInput(field, 'Gebruik een datum als 2026-03-31.');
  return new Date(`${value}T00:00:00Z`);
};

/** Beheer → Logboek and the retention dry run: admins read what happened in their organisation, never content. */
@Injectable()
export class AuditLogService {
  private readonly retention: RetentionRepository;

  constructor(
    private readonly audit: AuditRepository,
    private readonly subjects: DataSubjectRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.retention = new RetentionRepository(subjects.dataSource);
  }

  async page(actor: Actor, filter: AuditLogFilterInput | null | undefined, first: number, after: string | null | undefined): Promise<AuditLogPage> {
    const limit = Math.min(Math.max(first, 1), MAX_PAGE);
    const from = dayStart('from', filter?.from);
    const toDay = dayStart('to', filter?.to);
    const kind = filter?.kind ?? null;
    const rows = await this.audit.page(
      actor.organisationId,
      {
        actions: kind && kind !== 'overig' ? AUDIT_KIND_ACTIONS[kind] : null,
        excludeActions: kind === 'overig' ? KNOWN_AUDIT_ACTIONS : null,
        actorUserId: filter?.actorUserId ?? null,
        from,
        to: toDay ? new Date(toDay.getTime() + DAY_MS) : null,
      },
      after ? decodeAuditCursor(after) : null,
      limit + 1,
    );
    const entries = rows.slice(0, limit);
    return {
      entries: entries.map((r) => ({ ...r, at: r.createdAt, kind: auditKindOf(r.action), details: JSON.stringify(r.details ?? {}) })),
      hasMore: rows.length > limit,
      endCursor: entries.length ? encodeAuditCursor(entries[entries.length - 1]!.cursor) : null,
    };
  }

  async retentionReport(actor: Actor): Promise<RetentionReport> {
    const policy = this.config.retention;
    const plan = await this.retention.plan(actor.organisationId, policy, new Date());
    const [lastRun] = await this.audit.page(
      actor.organisationId,
      { actions: ['retention.run'], excludeActions: null, actorUserId: null, from: null, to: null },
      null,
      1,
    );
    return {
      audioDaysAfterTranscription: policy.audioDaysAfterTranscription,
      storyYears: policy.storyYears,
      items: plan.items,
      lastRunAt: lastRun?.createdAt ?? null,
      filesPending: (await this.subjects.pendingFiles(10_000, actor.organisationId)).length,
    };
  }
}
