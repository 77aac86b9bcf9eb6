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
}
