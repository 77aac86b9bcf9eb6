import type { DataSource } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

export type AuditEntry = {
  organisationId: string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details?: Record<string, string | number | boolean | null>;
};

/** One person's decision on one tag of a story, as the audit trail holds it. */
export type TagDecisionRecord = {
  id: string;
  action: string;
  createdAt: Date;
  actorName: string | null;
  tagId: string | null;
};

/** One line of the audit log page: who (by name, within this organisation), what, about what; never content. */
export type AuditLogRow = {
  id: string;
  createdAt: Date;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  details: Record<string, string | number | boolean | null>;
  /** Microseconds, as Postgres has them: the keyset cursor must not lose them. */
  cursor: AuditCursor;
};

export type AuditLogFilter = {
  /** Only these actions; `excludeActions` instead for "everything else". */
  actions: string[] | null;
  excludeActions: string[] | null;
  actorUserId: string | null;
  from: Date | null;
  /** Exclusive. */
  to: Date | null;
};

export type AuditCursor = { createdAt: string; id: string };

/** Who did what to which subject; never the content itself. */
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.dataSource.getRepository(AuditEventEntity).insert({ ...entry, details: entry.details ?? {} });
  }

  /** Who confirmed, rejected or added which tag of a story, newest first; only people of this organisation are named. */
  async tagDecisionsForStory(organisationId: string, storyId: string, limit = 200): Promise<TagDecisionRecord[]> {
    const rows: { id: string; action: string; created_at: Date; actor_name: string | null; tag_id: string | null }[] =
      await this.dataSource.query(
        `SELECT a.id, a.action, a.created_at, u.name AS actor_name, a.details->>'tagId' AS tag_id
         FROM audit_event a
         LEFT JOIN membership m ON m.user_id = a.actor_user_id AND m.organisation_id = a.organisation_id
         LEFT JOIN app_user u ON u.id = m.user_id
        WHERE a.organisation_id = $1 AND a.subject_type = 'story' AND a.subject_id = $2 AND a.action LIKE 'story.tag.%'
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $3`,
        [organisationId, storyId, limit],
      );
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      createdAt: r.created_at,
      actorName: r.actor_name,
      tagId: r.tag_id,
    }));
  }

  /** Newest first, keyset paged on (created_at, id); `limit + 1` rows tell whether there is more. */
  async page(organisationId: string, filter: AuditLogFilter, after: AuditCursor | null, limit: number): Promise<AuditLogRow[]> {
    const rows: {
      id: string;
      created_at: Date;
      at: string;
      action: string;
      subject_type: string;
      subject_id: string | null;
      actor_user_id: string | null;
      actor_name: string | null;
      details: AuditLogRow['details'];
    }[] = await this.dataSource.query(
      `SELECT a.id, a.created_at, a.created_at::text AS at, a.action, a.subject_type, a.subject_id, a.actor_user_id, a.details, u.name AS actor_name
         FROM audit_event a
         LEFT JOIN membership m ON m.user_id = a.actor_user_id AND m.organisation_id = a.organisation_id
         LEFT JOIN app_user u ON u.id = m.user_id
        WHERE a.organisation_id = $1
          AND ($2::text[] IS NULL OR a.action = ANY($2::text[]))
          AND ($3::text[] IS NULL OR a.action <> ALL($3::text[]))
          AND ($4::uuid IS NULL OR a.actor_user_id = $4::uuid)
          AND ($5::timestamptz IS NULL OR a.created_at >= $5::timestamptz)
          AND ($6::timestamptz IS NULL OR a.created_at < $6::timestamptz)
          AND ($7::timestamptz IS NULL OR (a.created_at, a.id) < ($7::timestamptz, $8::uuid))
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $9`,
      [
        organisationId,
        filter.actions,
        filter.excludeActions,
        filter.actorUserId,
        filter.from,
        filter.to,
        after?.createdAt ?? null,
        after?.id ?? null,
        limit,
      ],
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      details: r.details,
      cursor: { createdAt: r.at, id: r.id },
    }));
  }
}
