import type { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity';
import type { AuditEntry } from '../audit/audit.repository';

/** Whom a data subject request is about: a pseudonymous Wat telt client, or a person with an account (the stories they told). */
export type SubjectKind = 'client' | 'user';

/** `confirmation`: what the admin types to confirm an erasure (the client's code, the person's e-mail). */
export type SubjectSummary = {
  kind: SubjectKind;
  id: string;
  label: string;
  confirmation: string;
  stories: number;
  audioFiles: number;
  measurements: number;
};

/** What an erasure removed, per kind: the audit entry holds these counts and nothing else. */
export type ErasureCounts = {
  stories: number;
  audioFiles: number;
  answers: number;
  storyTags: number;
  vectors: number;
  basketEntries: number;
  insightsUnlinked: number;
  measurements: number;
  clients: number;
};

export const NO_ERASURE: ErasureCounts = {
  stories: 0,
  audioFiles: 0,
  answers: 0,
  storyTags: 0,
  vectors: 0,
  basketEntries: 0,
  insightsUnlinked: 0,
  measurements: 0,
  clients: 0,
};

export type ExportAudio = { storyId: string; key: string; mimeType: string | null; bytes: number };
export type SubjectExport = { data: Record<string, unknown>; audio: ExportAudio[] };
export type PendingFile = { id: string; organisationId: string; kind: 'audio' | 'upload'; key: string; attempts: number };

/** TypeORM answers an UPDATE/DELETE … RETURNING with [rows, affected]; a SELECT with rows. */
const returnedRows = (result: unknown): unknown[] => (Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]));

const count = async (m: EntityManager, sql: string, params: unknown[]): Promise<number> => Number((await m.query(sql, params))[0]?.n ?? 0);

/**
 * Data subject requests (AVG art. 15 and 17): find, export and erase everything about one client or one person,
 * always within one organisation. Erasing is one transaction for the rows; stored files are listed in
 * `pending_file_deletion` in that same transaction and removed after the commit by the caller.
 */
export class DataSubjectRepository {
  constructor(readonly dataSource: DataSource) {}

  /** By id or by code. */
  async findClient(organisationId: string, reference: string): Promise<SubjectSummary | null> {
    const [row]: { id: string; code: string; measurements: number }[] = await this.dataSource.query(
      `SELECT c.id, c.code, (SELECT count(*)::int FROM wat_telt_measurement m WHERE m.client_id = c.id) AS measurements
         FROM wat_telt_client c WHERE c.organisation_id = $1 AND (c.id::text = $2 OR c.code = upper($2))`,
      [organisationId, reference.trim()],
    );
    return row ? { kind: 'client', id: row.id, label: row.code, confirmation: row.code, stories: 0, audioFiles: 0, measurements: row.measurements } : null;
  }

  /** By id or by e-mail; only members of the organisation. */
  async findUser(organisationId: string, reference: string): Promise<SubjectSummary | null> {
    const [row]: { id: string; name: string; email: string; stories: number; audio: number }[] = await this.dataSource.query(
      `SELECT u.id, u.name, u.email,
              (SELECT count(*)::int FROM story s WHERE s.organisation_id = $1 AND s.teller_user_id = u.id) AS stories,
              (SELECT count(*)::int FROM story s WHERE s.organisation_id = $1 AND s.teller_user_id = u.id AND s.audio_key IS NOT NULL) AS audio
         FROM app_user u JOIN membership m ON m.user_id = u.id AND m.organisation_id = $1
        WHERE u.id::text = $2 OR u.email = lower($2)`,
      [organisationId, reference.trim()],
    );
    return row ? { kind: 'user', id: row.id, label: row.name, confirmation: row.email, stories: row.stories, audioFiles: row.audio, measurements: 0 } : null;
  }

  async clientExport(organisationId: string, clientId: string): Promise<SubjectExport | null> {
    const q = (sql: string) => this.dataSource.query(sql, [organisationId, clientId]);
    const [client] = await q(
      `SELECT c.id, c.code, c.team, w.name AS wijk, c.created_at FROM wat_telt_client c LEFT JOIN wijk w ON w.id = c.wijk_id
        WHERE c.organisation_id = $1 AND c.id = $2`,
    );
    if (!client) return null;
    const measurements = await q(
      `SELECT m.id, m.measured_on::text, m.rapportcijfer, m.third_role, m.note, m.source, m.created_at,
              COALESCE((SELECT json_agg(json_build_object('leefgebied', s.leefgebied, 'perspectief', s.perspective, 'positie', s.position) ORDER BY s.leefgebied, s.perspective)
                          FROM wat_telt_score s WHERE s.measurement_id = m.id), '[]') AS scores
         FROM wat_telt_measurement m WHERE m.organisation_id = $1 AND m.client_id = $2 ORDER BY m.measured_on, m.created_at`,
    );
    const goals = await q(
      `SELECT g.id, g.measurement_id, g.leefgebied, g.text, g.status, g.created_at,
              COALESCE((SELECT json_agg(json_build_object('status', h.status, 'op', h.changed_on) ORDER BY h.changed_on)
                          FROM wat_telt_goal_status h WHERE h.goal_id = g.id), '[]') AS history
         FROM wat_telt_goal g WHERE g.organisation_id = $1 AND g.client_id = $2 ORDER BY g.created_at`,
    );
    const audit = await this.auditAbout(organisationId, [clientId]);
    return { data: { kind: 'client', client, measurements, goals, audit }, audio: [] };
  }

  async userExport(organisationId: string, userId: string): Promise<SubjectExport | null> {
    const q = (sql: string) => this.dataSource.query(sql, [organisationId, userId]);
    const [user] = await q(
      `SELECT u.id, u.name, u.email, u.created_at, m.roles, m.created_at AS member_since
         FROM app_user u JOIN membership m ON m.user_id = u.id AND m.organisation_id = $1 WHERE u.id = $2`,
    );
    if (!user) return null;
    const stories: { id: string; audio_key: string | null; audio_mime_type: string | null; audio_bytes: string | null }[] = await q(
      `SELECT s.id, v.name AS vertelpunt, w.name AS wijk, s.mode, s.title, s.text, s.transcript, s.transcript_segments,
              s.redacted_title, s.redacted_text, s.status, s.consent, s.told_at, s.created_at, s.withdrawn_at,
              s.audio_key, s.audio_mime_type, s.audio_bytes, s.audio_duration_ms, s.audio_sha256,
              COALESCE((SELECT json_agg(json_build_object('vraag', a.question_id, 'antwoord', a.value) ORDER BY a.question_id)
                          FROM answer a WHERE a.story_id = s.id), '[]') AS answers,
              COALESCE((SELECT json_agg(json_build_object('tag', t.label, 'bron', st.source, 'score', st.score, 'status', st.state) ORDER BY t.label)
                          FROM story_tag st JOIN tag t ON t.id = st.tag_id WHERE st.story_id = s.id), '[]') AS tags
         FROM story s JOIN vertelpunt v ON v.id = s.vertelpunt_id LEFT JOIN wijk w ON w.id = s.wijk_id
        WHERE s.organisation_id = $1 AND s.teller_user_id = $2 ORDER BY s.created_at, s.id`,
    );
    const tagDecisions = await q(
      `SELECT st.story_id, t.label AS tag, st.state, st.decided_at FROM story_tag st JOIN tag t ON t.id = st.tag_id
        WHERE st.organisation_id = $1 AND st.decided_by_user_id = $2 ORDER BY st.decided_at`,
    );
    const tafels = await q(
      `SELECT id, title, date::text, question, created_at FROM ervaringen_tafel WHERE organisation_id = $1 AND facilitator_user_id = $2 ORDER BY date`,
    );
    const measurements = await q(
      `SELECT m.id, c.code AS client, m.measured_on::text FROM wat_telt_measurement m JOIN wat_telt_client c ON c.id = m.client_id
        WHERE m.organisation_id = $1 AND m.professional_user_id = $2 ORDER BY m.measured_on`,
    );
    const audit = await this.auditAbout(organisationId, [userId, ...stories.map((s) => s.id)], userId);
    const audio = stories
      .filter((s) => s.audio_key)
      .map((s) => ({ storyId: s.id, key: s.audio_key!, mimeType: s.audio_mime_type, bytes: Number(s.audio_bytes ?? 0) }));
    return { data: { kind: 'user', user, stories, tagDecisions, tafels, measurements, audit }, audio };
  }

  /** Audit entries about the subject (or done by them), without anyone else's names. */
  private auditAbout(organisationId: string, subjectIds: string[], actorUserId: string | null = null) {
    return this.dataSource.query(
      `SELECT id, action, subject_type, subject_id, details, created_at, actor_user_id = $3::uuid AS by_subject
         FROM audit_event WHERE organisation_id = $1 AND (subject_id = ANY($2::text[]) OR actor_user_id = $3::uuid)
        ORDER BY created_at, id`,
      [organisationId, subjectIds, actorUserId],
    );
  }

  async storyIdsOfUser(organisationId: string, userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM story WHERE organisation_id = $1 AND teller_user_id = $2`, [organisationId, userId]);
    return rows.map((r) => r.id);
  }

  /** Erases the stories and everything derived from them, the audit entry included, in one transaction. */
  async eraseStories(organisationId: string, storyIds: string[], audit: AuditEntry): Promise<ErasureCounts> {
    return this.dataSource.transaction((m) => this.eraseStoriesIn(m, organisationId, storyIds, audit));
  }

  async eraseClient(organisationId: string, clientId: string, audit: AuditEntry): Promise<ErasureCounts> {
    return this.dataSource.transaction(async (m) => {
      const measurements = await count(m, `SELECT count(*)::int AS n FROM wat_telt_measurement WHERE organisation_id = $1 AND client_id = $2`, [organisationId, clientId]);
      // Scores, goals and their history go with the client (ON DELETE CASCADE).
      const deleted = returnedRows(await m.query(`DELETE FROM wat_telt_client WHERE organisation_id = $1 AND id = $2 RETURNING id`, [organisationId, clientId]));
      const counts = { ...NO_ERASURE, measurements, clients: deleted.length };
      await this.recordIn(m, audit, counts);
      return counts;
    });
  }

  private async eraseStoriesIn(m: EntityManager, organisationId: string, storyIds: string[], audit: AuditEntry): Promise<ErasureCounts> {
    const ids: string[] = (
      await m.query(`SELECT id FROM story WHERE organisation_id = $1 AND id = ANY($2::uuid[]) FOR UPDATE`, [organisationId, storyIds])
    ).map((r: { id: string }) => r.id);
    const p = [organisationId, ids];
    const counts: ErasureCounts = {
      ...NO_ERASURE,
      stories: ids.length,
      answers: await count(m, `SELECT count(*)::int AS n FROM answer WHERE organisation_id = $1 AND story_id = ANY($2::uuid[])`, p),
      storyTags: await count(m, `SELECT count(*)::int AS n FROM story_tag WHERE organisation_id = $1 AND story_id = ANY($2::uuid[])`, p),
      vectors: await count(m, `SELECT count(*)::int AS n FROM story_vector WHERE organisation_id = $1 AND story_id = ANY($2::uuid[])`, p),
      basketEntries: await count(m, `SELECT count(*)::int AS n FROM tafel_story WHERE organisation_id = $1 AND story_id = ANY($2::uuid[])`, p),
    };
    if (ids.length > 0) {
      const files: { id: string; mode: string; audio_key: string | null }[] = await m.query(`SELECT id, mode, audio_key FROM story WHERE id = ANY($1::uuid[])`, [ids]);
      const audioKeys = files.filter((f) => f.audio_key).map((f) => f.audio_key!);
      // A spoken story may still have an unfinished tus upload (named after the story id) on disk.
      const uploadIds = files.filter((f) => f.mode === 'audio').map((f) => f.id);
      counts.audioFiles = audioKeys.length;
      // Insights keep their text and lose the link.
      const unlinked = returnedRows(await m.query(
        `UPDATE tafel_insight SET story_ids = ARRAY(SELECT x FROM unnest(story_ids) x WHERE x <> ALL($2::uuid[])), updated_at = now()
          WHERE organisation_id = $1 AND story_ids && $2::uuid[] RETURNING id`,
        p,
      ));
      counts.insightsUnlinked = unlinked.length;
      await m.query(
        `INSERT INTO story_vector_removal (story_id, organisation_id) SELECT story_id, organisation_id FROM story_vector
          WHERE organisation_id = $1 AND story_id = ANY($2::uuid[]) ON CONFLICT (story_id) DO UPDATE SET removed_at = now()`,
        p,
      );
      // The ids stay, without content, so a phone's outbox cannot store an erased story again.
      await m.query(
        `INSERT INTO erased_story (story_id, organisation_id) SELECT unnest($2::uuid[]), $1 ON CONFLICT (story_id) DO NOTHING`,
        p,
      );
      // Answers, tags, steps, vectors, answer options and basket entries go with the story (ON DELETE CASCADE).
      await m.query(`DELETE FROM story WHERE organisation_id = $1 AND id = ANY($2::uuid[])`, p);
      await m.query(
        `INSERT INTO pending_file_deletion (organisation_id, kind, key)
         SELECT $1::uuid, 'audio', k FROM unnest($2::text[]) k UNION ALL SELECT $1::uuid, 'upload', s::text FROM unnest($3::uuid[]) s`,
        [organisationId, audioKeys, uploadIds],
      );
    }
    await this.recordIn(m, audit, counts);
    return counts;
  }

  private async recordIn(m: EntityManager, audit: AuditEntry, counts: ErasureCounts) {
    await m.getRepository(AuditEventEntity).insert({ ...audit, details: { ...audit.details, ...counts } });
  }

  /** Stored files whose rows are gone, oldest first; `olderThanMs` leaves fresh ones to the erasing request itself. */
  async pendingFiles(limit: number, organisationId: string | null = null, olderThanMs = 0): Promise<PendingFile[]> {
    return this.dataSource.query(
      `SELECT id, organisation_id AS "organisationId", kind, key, attempts FROM pending_file_deletion
        WHERE ($1::uuid IS NULL OR organisation_id = $1) AND created_at <= now() - make_interval(secs => $3::float8 / 1000)
        ORDER BY created_at LIMIT $2`,
      [organisationId, limit, olderThanMs],
    );
  }

  async fileRemoved(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM pending_file_deletion WHERE id = $1`, [id]);
  }

  async fileRemovalFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE pending_file_deletion SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [id, error.slice(0, 500)]);
  }

  /** Vector tombstones after a cursor, for the in-memory similarity indexes. */
  async vectorRemovalsAfter(organisationId: string, after: string | null): Promise<{ storyId: string; at: string }[]> {
    return this.dataSource.query(
      `SELECT story_id AS "storyId", removed_at::text AS at FROM story_vector_removal
        WHERE organisation_id = $1 AND removed_at > $2::timestamptz ORDER BY removed_at`,
      [organisationId, after ?? '-infinity'],
    );
  }
}
