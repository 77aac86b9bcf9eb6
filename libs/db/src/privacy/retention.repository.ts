import type { DataSource } from 'typeorm';
import type { AuditEntry } from '../audit/audit.repository';
import { DataSubjectRepository, type ErasureCounts } from './data-subject.repository';

/** How long what is kept; null keeps it for ever. */
export type RetentionPolicy = { audioDaysAfterTranscription: number | null; storyYears: number | null };

export type RetentionKind = 'audio' | 'stories';
export type RetentionPlanItem = { kind: RetentionKind; count: number; oldest: Date | null; cutoff: Date | null };
export type RetentionPlan = { organisationId: string; items: RetentionPlanItem[] };
export type RetentionRun = { organisationId: string; audioRemoved: number; stories: ErasureCounts | null };

const DAY_MS = 24 * 3600_000;
const BATCH = 500;

export const retentionCutoffs = (policy: RetentionPolicy, now: Date) => ({
  audio: policy.audioDaysAfterTranscription ? new Date(now.getTime() - policy.audioDaysAfterTranscription * DAY_MS) : null,
  stories: policy.storyYears
    ? new Date(Date.UTC(now.getUTCFullYear() - policy.storyYears, now.getUTCMonth(), now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes()))
    : null,
});

// A recording counts as transcribed when its transcribe step finished and the transcript is stored.
const AUDIO_DUE = `FROM story s JOIN LATERAL (SELECT max(finished_at) AS at FROM story_step st WHERE st.story_id = s.id AND st.step = 'transcribe') t ON true
  WHERE s.organisation_id = $1 AND s.audio_key IS NOT NULL AND s.transcript IS NOT NULL AND t.at < $2`;
const STORIES_DUE = `FROM story s WHERE s.organisation_id = $1 AND s.created_at < $2`;

/**
 * Retention (issue 8): recordings some days after transcription, whole stories after some years. The plan is the
 * dry run an admin sees; `apply` does the same selection for real, in batches, and is safe to run again.
 */
export class RetentionRepository {
  private readonly subjects: DataSubjectRepository;

  constructor(private readonly dataSource: DataSource) {
    this.subjects = new DataSubjectRepository(dataSource);
  }

  async organisationIds(): Promise<string[]> {
    return (await this.dataSource.query(`SELECT id FROM organisation ORDER BY created_at`)).map((r: { id: string }) => r.id);
  }

  async plan(organisationId: string, policy: RetentionPolicy, now: Date): Promise<RetentionPlan> {
    const cutoff = retentionCutoffs(policy, now);
    const item = async (kind: RetentionKind, from: string, oldestOf: string, at: Date | null): Promise<RetentionPlanItem> => {
      if (!at) return { kind, count: 0, oldest: null, cutoff: null };
      const [row]: { n: number; oldest: Date | null }[] = await this.dataSource.query(`SELECT count(*)::int AS n, min(${oldestOf}) AS oldest ${from}`, [organisationId, at]);
      return { kind, count: row.n, oldest: row.oldest, cutoff: at };
    };
    return {
      organisationId,
      items: [await item('audio', AUDIO_DUE, 't.at', cutoff.audio), await item('stories', STORIES_DUE, 's.created_at', cutoff.stories)],
    };
  }

  /** Removes what the plan lists; the audit entries name the counts only. Files are left in `pending_file_deletion`. */
  async apply(organisationId: string, policy: RetentionPolicy, now: Date, actorUserId: string | null): Promise<RetentionRun> {
    const cutoff = retentionCutoffs(policy, now);
    const run: RetentionRun = { organisationId, audioRemoved: 0, stories: null };
    const audit = (action: string): AuditEntry => ({ organisationId, actorUserId, action, subjectType: 'organisation', subjectId: organisationId });
    if (cutoff.stories) {
      for (;;) {
        const ids: string[] = (await this.dataSource.query(`SELECT s.id ${STORIES_DUE} ORDER BY s.created_at LIMIT ${BATCH}`, [organisationId, cutoff.stories])).map(
          (r: { id: string }) => r.id,
        );
        if (ids.length === 0) break;
        const counts = await this.subjects.eraseStories(organisationId, ids, audit('retention.stories.erase'));
        run.stories = run.stories ? sumCounts(run.stories, counts) : counts;
        if (ids.length < BATCH) break;
      }
    }
    if (cutoff.audio) {
      for (;;) {
        const removed = await this.dataSource.transaction(async (m) => {
          const rows: { id: string; audio_key: string }[] = await m.query(
            `SELECT s.id, s.audio_key ${AUDIO_DUE} ORDER BY t.at LIMIT ${BATCH} FOR UPDATE OF s SKIP LOCKED`,
            [organisationId, cutoff.audio],
          );
          if (rows.length === 0) return 0;
          await m.query(`UPDATE story SET audio_key = NULL, audio_mime_type = NULL, audio_bytes = NULL, audio_sha256 = NULL WHERE id = ANY($1::uuid[])`, [
            rows.map((r) => r.id),
          ]);
          await m.query(`INSERT INTO pending_file_deletion (organisation_id, kind, key) SELECT $1::uuid, 'audio', k FROM unnest($2::text[]) k`, [
            organisationId,
            rows.map((r) => r.audio_key),
          ]);
          await m.query(`INSERT INTO audit_event (organisation_id, actor_user_id, action, subject_type, subject_id, details) VALUES ($1::uuid, $2, $3, 'organisation', $1::text, $4)`, [
            organisationId,
            actorUserId,
            'retention.audio.erase',
            { audioFiles: rows.length },
          ]);
          return rows.length;
        });
        run.audioRemoved += removed;
        if (removed < BATCH) break;
      }
    }
    return run;
  }
}

const sumCounts = (a: ErasureCounts, b: ErasureCounts): ErasureCounts =>
  Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof ErasureCounts] + b[k as keyof ErasureCounts]])) as ErasureCounts;
