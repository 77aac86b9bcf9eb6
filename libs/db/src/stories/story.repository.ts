import type { DataSource, EntityManager } from 'typeorm';
import type { GivenAnswer, StoryStatus } from '@vertelpunt/domain';
import { AnswerEntity } from './answer.entity';
import { StoryStepEntity } from './story-step.entity';
import { StoryEntity } from './story.entity';

export type NewStory = Omit<
  StoryEntity,
  'createdAt' | 'updatedAt' | 'withdrawnAt' | 'searchDocument' | 'wordCount' | 'redactedTitle' | 'redactedSegments' | 'failedStep' | 'organisation' | 'vertelpunt' | 'questionnaireVersion' | 'tellerUser' | 'wijk'
>;

export type StoryCursor = { createdAt: Date; id: string };
export type StoryPage = { stories: StoryEntity[]; hasNextPage: boolean };

/** Every method takes the organisation: no query here can reach another organisation's stories. */
export class StoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts the story and its answers once, in one statement (one round trip, atomic). Returns the stored story,
   * or null when a story with this id already existed (a retry); then nothing changes.
   */
  async createOnce(story: NewStory, answers: GivenAnswer[]): Promise<StoryEntity | null> {
    const columns = Object.keys(story) as (keyof NewStory)[];
    const values = columns.map((c) => {
      const v = story[c];
      return v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;
    });
    const snake = (c: string) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
    const answersParam = `$${values.length + 1}`;
    const rows: { created_at: Date; updated_at: Date }[] = await this.dataSource.query(
      `WITH s AS (
         INSERT INTO story (${columns.map(snake).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (id) DO NOTHING RETURNING id, organisation_id, created_at, updated_at
       ), a AS (
         INSERT INTO answer (organisation_id, story_id, question_id, value)
         SELECT s.organisation_id, s.id, x.question_id, x.value FROM s, jsonb_to_recordset(${answersParam}::jsonb) AS x(question_id text, value jsonb)
         RETURNING 1
       )
       SELECT created_at, updated_at, (SELECT count(*) FROM a) AS answers FROM s`,
      [...values, JSON.stringify(answers.map((a) => ({ question_id: a.questionId, value: a.value })))],
    );
    if (rows.length === 0) return null;
    const { created_at, updated_at } = rows[0];
    return Object.assign(new StoryEntity(), story, {
      createdAt: new Date(created_at),
      updatedAt: new Date(updated_at),
      withdrawnAt: null,
      redactedTitle: null,
      redactedSegments: null,
      failedStep: null,
    });
  }

  /** Who owns an id, across organisations, so a retry can be told apart from a clash; returns no content. */
  async ownerOf(id: string): Promise<{ organisationId: string; vertelpuntId: string; tellerUserId: string | null } | null> {
    const rows: { organisation_id: string; vertelpunt_id: string; teller_user_id: string | null }[] = await this.dataSource.query(
      'SELECT organisation_id, vertelpunt_id, teller_user_id FROM story WHERE id = $1',
      [id],
    );
    return rows[0] ? { organisationId: rows[0].organisation_id, vertelpuntId: rows[0].vertelpunt_id, tellerUserId: rows[0].teller_user_id } : null;
  }

  findById(organisationId: string, id: string): Promise<StoryEntity | null> {
    return this.dataSource.getRepository(StoryEntity).findOneBy({ organisationId, id });
  }

  async page(organisationId: string, first: number, after: StoryCursor | null): Promise<StoryPage> {
    const query = this.dataSource
      .getRepository(StoryEntity)
      .createQueryBuilder('s')
      .where('s.organisation_id = :organisationId', { organisationId })
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .take(first + 1);
    if (after) query.andWhere('(s.created_at, s.id) < (:createdAt, :id)', after);
    const rows = await query.getMany();
    return { stories: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /** A teller's own stories ("Mijn verhalen"), newest first. */
  async pageByTeller(organisationId: string, tellerUserId: string, first: number, after: StoryCursor | null): Promise<StoryPage> {
    const query = this.dataSource
      .getRepository(StoryEntity)
      .createQueryBuilder('s')
      .where('s.organisation_id = :organisationId AND s.teller_user_id = :tellerUserId', { organisationId, tellerUserId })
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .take(first + 1);
    if (after) query.andWhere('(s.created_at, s.id) < (:createdAt, :id)', after);
    const rows = await query.getMany();
    return { stories: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  replaceAnswers(organisationId: string, storyId: string, answers: GivenAnswer[]): Promise<void> {
    return this.dataSource.transaction((m) => this.replaceAnswersWith(m, organisationId, storyId, answers));
  }

  async withdraw(organisationId: string, id: string): Promise<void> {
    await this.dataSource
      .getRepository(StoryEntity)
      .update({ organisationId, id }, { status: 'WITHDRAWN', withdrawnAt: new Date() });
  }

  /** Links a finished, checked recording to its story; a newer recording replaces an earlier refused one. */
  async attachAudio(
    organisationId: string,
    id: string,
    audio: { key: string; mimeType: string; bytes: number; sha256: string; durationMs: number },
  ): Promise<void> {
    await this.dataSource.getRepository(StoryEntity).update(
      { organisationId, id },
      {
        audioKey: audio.key,
        audioMimeType: audio.mimeType,
        audioBytes: String(audio.bytes),
        audioSha256: audio.sha256,
        audioDurationMs: audio.durationMs,
        status: 'RECEIVED',
        failureReason: null,
      },
    );
  }

  failed(organisationId: string, limit: number): Promise<StoryEntity[]> {
    return this.dataSource.getRepository(StoryEntity).find({ where: { organisationId, status: 'FAILED' }, order: { updatedAt: 'DESC' }, take: limit });
  }

  /** An admin's retry: back to the status the failed step starts from. Only a FAILED story moves. */
  async resetForRetry(organisationId: string, id: string, status: StoryStatus): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(StoryEntity)
      .set({ status, failureReason: null, failedStep: null })
      .where("organisation_id = :organisationId AND id = :id AND status = 'FAILED'", { organisationId, id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async markFailed(organisationId: string, id: string, reason: string): Promise<void> {
    await this.dataSource.getRepository(StoryEntity).update({ organisationId, id }, { status: 'FAILED', failureReason: reason });
  }

  /** Stories by id within one organisation, in the order of `ids`; missing ones are left out. */
  async findManyById(organisationId: string, ids: string[]): Promise<StoryEntity[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(StoryEntity)
      .createQueryBuilder('s')
      .where('s.organisation_id = :organisationId AND s.id IN (:...ids)', { organisationId, ids })
      .getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  answersFor(organisationId: string, storyIds: string[]): Promise<AnswerEntity[]> {
    if (storyIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .where('a.organisation_id = :organisationId AND a.story_id IN (:...storyIds)', { organisationId, storyIds })
      .orderBy('a.question_id')
      .getMany();
  }

  /** Moves the status only from the expected one, so a duplicate or late job cannot move it twice. */
  async transition(organisationId: string, id: string, from: StoryStatus, to: StoryStatus): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(StoryEntity)
      .set({ status: to })
      .where('organisation_id = :organisationId AND id = :id AND status = :from', { organisationId, id, from })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async startStep(organisationId: string, storyId: string, step: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO story_step (organisation_id, story_id, step, attempts, started_at)
       VALUES ($1, $2, $3, 1, now())
       ON CONFLICT (story_id, step) DO UPDATE SET attempts = story_step.attempts + 1, started_at = now(), error = NULL`,
      [organisationId, storyId, step],
    );
  }

  async finishStep(organisationId: string, storyId: string, step: string, error: string | null = null): Promise<void> {
    await this.dataSource.query(
      `UPDATE story_step SET finished_at = now(), duration_ms = (extract(epoch FROM now() - started_at) * 1000)::int,
              error = $4
        WHERE organisation_id = $1 AND story_id = $2 AND step = $3`,
      [organisationId, storyId, step, error],
    );
  }

  stepsFor(organisationId: string, storyId: string): Promise<StoryStepEntity[]> {
    return this.dataSource.getRepository(StoryStepEntity).find({ where: { organisationId, storyId }, order: { startedAt: 'ASC' } });
  }

  private async replaceAnswersWith(manager: EntityManager, organisationId: string, storyId: string, answers: GivenAnswer[]) {
    await manager.delete(AnswerEntity, { organisationId, storyId });
    if (answers.length === 0) return;
    await manager.insert(
      AnswerEntity,
      answers.map((a) => ({ organisationId, storyId, questionId: a.questionId, value: a.value })),
    );
  }
}

/** System-wide look-ups for the workers' recovery sweep; they return ids only. */
export class StoryRecoveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stories waiting in a status for longer than `olderThanMs`: their job may have been lost. Audio stories wait for their recording first. */
  async waiting(status: StoryStatus, olderThanMs: number, limit: number): Promise<{ organisationId: string; id: string }[]> {
    const rows: { organisation_id: string; id: string }[] = await this.dataSource.query(
      `SELECT organisation_id, id FROM story
        WHERE status = $1 AND updated_at < now() - make_interval(secs => $2::double precision / 1000)
          AND (mode = 'text' OR audio_key IS NOT NULL)
        ORDER BY updated_at LIMIT $3`,
      [status, olderThanMs, limit],
    );
    return rows.map((r) => ({ organisationId: r.organisation_id, id: r.id }));
  }
}
