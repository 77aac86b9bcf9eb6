import type { DataSource } from 'typeorm';
import type { DiversityCandidate, GivenAnswer, InterventionStatus, Question, TafelFields } from '@vertelpunt/domain';
import { TafelInsightEntity } from './tafel-insight.entity';
import { TafelInterventionEntity } from './tafel-intervention.entity';
import { TafelStoryEntity } from './tafel-story.entity';
import { TafelEntity } from './tafel.entity';

/** What the dashboard may show of a story: only the anonymised title and text. */
export type RedactedStory = {
  id: string;
  redactedTitle: string;
  redactedText: string;
  wijkId: string | null;
  wijkName: string | null;
  toldAt: Date;
};
export type BasketItem = RedactedStory & { position: number; note: string };
export type PrintPackStory = BasketItem & { archetypeNames: string[]; answers: GivenAnswer[]; questions: Question[] };
export type InterventionFields = { action: string; owner: string; status: InterventionStatus; dueDate: string | null };

type RedactedRow = {
  id: string;
  redacted_title: string | null;
  title: string;
  redacted_text: string | null;
  wijk_id: string | null;
  wijk_name: string | null;
  told_at: Date;
};
const toRedacted = (r: RedactedRow): RedactedStory => ({
  id: r.id,
  // A READY story always has both; the fallback only guards old rows and never shows raw text.
  redactedTitle: r.redacted_title ?? '(zonder titel)',
  redactedText: r.redacted_text ?? '',
  wijkId: r.wijk_id,
  wijkName: r.wijk_name,
  toldAt: new Date(r.told_at),
});
const REDACTED_COLUMNS = `s.id, s.redacted_title, s.title, s.redacted_text, s.wijk_id, w.name AS wijk_name, s.told_at`;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** ErvaringenTafels, their baskets and outcomes. Every method takes the organisation. */
export class TafelRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(organisationId: string, fields: TafelFields): Promise<TafelEntity> {
    return this.dataSource.getRepository(TafelEntity).save({ organisationId, ...fields });
  }

  async update(organisationId: string, id: string, fields: TafelFields): Promise<boolean> {
    const result = await this.dataSource.getRepository(TafelEntity).update({ organisationId, id }, fields);
    return (result.affected ?? 0) === 1;
  }

  findById(organisationId: string, id: string): Promise<TafelEntity | null> {
    return this.dataSource.getRepository(TafelEntity).findOneBy({ organisationId, id });
  }

  /** Newest session first; the caller splits upcoming from past. */
  list(organisationId: string, limit: number): Promise<TafelEntity[]> {
    return this.dataSource
      .getRepository(TafelEntity)
      .find({ where: { organisationId }, order: { date: 'DESC', createdAt: 'DESC' }, take: limit });
  }

  async storyCounts(organisationId: string, tafelIds: string[]): Promise<Map<string, number>> {
    if (tafelIds.length === 0) return new Map();
    const rows: { tafel_id: string; count: number }[] = await this.dataSource.query(
      `SELECT ts.tafel_id, count(*)::int AS count FROM tafel_story ts JOIN story s ON s.id = ts.story_id
        WHERE ts.organisation_id = $1 AND ts.tafel_id = ANY($2) AND s.status = 'READY' GROUP BY ts.tafel_id`,
      [organisationId, tafelIds],
    );
    return new Map(rows.map((r) => [r.tafel_id, r.count]));
  }

  /** A user who is a member of the organisation, with their name; null for anyone else. */
  async member(organisationId: string, userId: string): Promise<{ id: string; name: string } | null> {
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT u.id, u.name FROM app_user u JOIN membership m ON m.user_id = u.id WHERE m.organisation_id = $1 AND u.id = $2`,
      [organisationId, userId],
    );
    return rows[0] ?? null;
  }

  /** Names of every member of the organisation, by user id. */
  async memberNames(organisationId: string): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT u.id::text, u.name FROM app_user u JOIN membership m ON m.user_id = u.id WHERE m.organisation_id = $1`,
      [organisationId],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** People who can facilitate: members with the facilitator or admin role, by name. */
  async facilitators(organisationId: string): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT u.id, u.name FROM app_user u JOIN membership m ON m.user_id = u.id
        WHERE m.organisation_id = $1 AND NOT u.disabled AND m.roles && ARRAY['facilitator','admin']::text[] ORDER BY u.name`,
      [organisationId],
    );
  }

  async wijkExists(organisationId: string, wijkId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM wijk WHERE organisation_id = $1 AND id = $2', [
      organisationId,
      wijkId,
    ]);
    return rows.length === 1;
  }

  /** Only READY stories: one its teller withdrew drops out of the basket and the print pack at once. */
  async basket(organisationId: string, tafelId: string): Promise<BasketItem[]> {
    const rows: (RedactedRow & { position: number; note: string })[] = await this.dataSource.query(
      `SELECT ${REDACTED_COLUMNS}, ts.position, ts.note FROM tafel_story ts
         JOIN story s ON s.id = ts.story_id AND s.organisation_id = ts.organisation_id
         LEFT JOIN wijk w ON w.id = s.wijk_id
        WHERE ts.organisation_id = $1 AND ts.tafel_id = $2 AND s.status = 'READY' ORDER BY ts.position, ts.added_at`,
      [organisationId, tafelId],
    );
    return rows.map((r) => ({ ...toRedacted(r), position: r.position, note: r.note }));
  }

  /** READY stories of the organisation among `ids`; anything else (other organisation, not READY) is left out. */
  async readyStoryIds(organisationId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM story WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND status = 'READY'`,
      [organisationId, ids],
    );
    const ready = new Set(rows.map((r) => r.id));
    return ids.filter((id) => ready.has(id));
  }

  /** Appends stories at the end, in the given order; stories already in the basket stay where they are. */
  async addStories(organisationId: string, tafelId: string, storyIds: string[]): Promise<number> {
    if (storyIds.length === 0) return 0;
    return this.dataSource.transaction(async (m) => {
      // One basket changes at a time, so two facilitators adding at once never get the same position.
      await m.query('SELECT id FROM ervaringen_tafel WHERE organisation_id = $1 AND id = $2 FOR UPDATE', [
        organisationId,
        tafelId,
      ]);
      const rows: { story_id: string }[] = await m.query(
        `INSERT INTO tafel_story (tafel_id, story_id, organisation_id, position)
         SELECT $2, x.id, $1, (SELECT coalesce(max(position), -1) FROM tafel_story WHERE tafel_id = $2) + x.n
           FROM unnest($3::uuid[]) WITH ORDINALITY AS x(id, n)
         ON CONFLICT (tafel_id, story_id) DO NOTHING RETURNING story_id`,
        [organisationId, tafelId, storyIds],
      );
      return rows.length;
    });
  }

  async removeStory(organisationId: string, tafelId: string, storyId: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(TafelStoryEntity).delete({ organisationId, tafelId, storyId });
    return (result.affected ?? 0) === 1;
  }

  /** Positions 0..n-1 in the given order; the caller checks it is the whole basket. */
  async reorder(organisationId: string, tafelId: string, storyIds: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE tafel_story ts SET position = x.n - 1 FROM unnest($3::uuid[]) WITH ORDINALITY AS x(id, n)
        WHERE ts.organisation_id = $1 AND ts.tafel_id = $2 AND ts.story_id = x.id`,
      [organisationId, tafelId, storyIds],
    );
  }

  async setNote(organisationId: string, tafelId: string, storyId: string, note: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(TafelStoryEntity)
      .update({ organisationId, tafelId, storyId }, { note });
    return (result.affected ?? 0) === 1;
  }

  /** Simple search over the anonymised title and text of READY stories, newest first. */
  async searchReady(organisationId: string, text: string, limit: number): Promise<RedactedStory[]> {
    const words = text.trim().split(/\s+/).filter(Boolean).slice(0, 8);
    const params: unknown[] = [organisationId, limit];
    const conditions = words.map((w) => {
      params.push(`%${escapeLike(w)}%`);
      return `(s.redacted_title ILIKE $${params.length} OR s.redacted_text ILIKE $${params.length})`;
    });
    const rows: RedactedRow[] = await this.dataSource.query(
      `SELECT ${REDACTED_COLUMNS} FROM story s LEFT JOIN wijk w ON w.id = s.wijk_id
        WHERE s.organisation_id = $1 AND s.status = 'READY' ${conditions.map((c) => `AND ${c}`).join(' ')}
        ORDER BY s.told_at DESC, s.id LIMIT $2`,
      params,
    );
    return rows.map(toRedacted);
  }

  /** Archetypes, tags (not rejected) and wijk of every READY story: what the diversity pick spreads over. */
  async diversityCandidates(organisationId: string, limit: number): Promise<DiversityCandidate[]> {
    const rows: { id: string; wijk_id: string | null; archetype_ids: string[] | null; tag_ids: string[] | null }[] =
      await this.dataSource.query(
        `SELECT s.id, s.wijk_id,
              (SELECT array_agg(DISTINCT a_id) FROM answer a, jsonb_array_elements_text(a.value->'archetypeIds') AS a_id
                WHERE a.story_id = s.id AND a.value->>'kind' = 'archetypes') AS archetype_ids,
              (SELECT array_agg(DISTINCT st.tag_id::text) FROM story_tag st WHERE st.story_id = s.id AND st.state <> 'rejected') AS tag_ids
         FROM story s WHERE s.organisation_id = $1 AND s.status = 'READY'
        ORDER BY s.told_at DESC, s.id LIMIT $2`,
        [organisationId, limit],
      );
    return rows.map((r) => ({
      id: r.id,
      wijkId: r.wijk_id,
      archetypeIds: r.archetype_ids ?? [],
      tagIds: r.tag_ids ?? [],
    }));
  }

  /** Everything a print pack shows, in basket order, anonymised. */
  async printPackStories(organisationId: string, tafelId: string): Promise<PrintPackStory[]> {
    const basket = await this.basket(organisationId, tafelId);
    if (basket.length === 0) return [];
    const ids = basket.map((b) => b.id);
    const answers: { story_id: string; question_id: string; value: GivenAnswer['value'] }[] =
      await this.dataSource.query(
        `SELECT story_id, question_id, value FROM answer WHERE organisation_id = $1 AND story_id = ANY($2::uuid[]) ORDER BY question_id`,
        [organisationId, ids],
      );
    const questions: { id: string; questions: Question[] }[] = await this.dataSource.query(
      `SELECT s.id, qv.questions FROM story s JOIN questionnaire_version qv ON qv.id = s.questionnaire_version_id WHERE s.organisation_id = $1 AND s.id = ANY($2::uuid[])`,
      [organisationId, ids],
    );
    const archetypes: { id: string; name: string }[] = await this.dataSource.query(
      'SELECT id::text, name FROM archetype WHERE organisation_id = $1',
      [organisationId],
    );
    const archetypeName = new Map(archetypes.map((a) => [a.id, a.name]));
    const questionsOf = new Map(questions.map((q) => [q.id, q.questions]));
    return basket.map((b) => {
      const given = answers
        .filter((a) => a.story_id === b.id)
        .map((a) => ({ questionId: a.question_id, value: a.value }));
      const archetypeIds = [
        ...new Set(given.flatMap((a) => (a.value.kind === 'archetypes' ? a.value.archetypeIds : []))),
      ];
      return {
        ...b,
        answers: given,
        questions: questionsOf.get(b.id) ?? [],
        archetypeNames: archetypeIds.flatMap((id) => (archetypeName.has(id) ? [archetypeName.get(id)!] : [])),
      };
    });
  }

  async wijkNamesById(organisationId: string): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      'SELECT id::text, name FROM wijk WHERE organisation_id = $1',
      [organisationId],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Starts a new print pack: a new version, so an older job's result is ignored. Returns the version. */
  async requestPrint(organisationId: string, id: string): Promise<number | null> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows]: [{ print_version: number }[], number] = await this.dataSource.query(
      `UPDATE ervaringen_tafel SET print_status = 'pending', print_version = print_version + 1, print_error = NULL, updated_at = now()
        WHERE organisation_id = $1 AND id = $2 RETURNING print_version`,
      [organisationId, id],
    );
    return rows[0]?.print_version ?? null;
  }

  /** Stores the result only for the version that was asked last. */
  async markPrinted(organisationId: string, id: string, version: number, key: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE ervaringen_tafel SET print_status = 'ready', print_key = $4, printed_at = now(), print_error = NULL
        WHERE organisation_id = $1 AND id = $2 AND print_version = $3`,
      [organisationId, id, version, key],
    );
    return affected === 1;
  }

  async markPrintFailed(organisationId: string, id: string, version: number, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ervaringen_tafel SET print_status = 'failed', print_error = $4 WHERE organisation_id = $1 AND id = $2 AND print_version = $3`,
      [organisationId, id, version, reason],
    );
  }

  insights(organisationId: string, tafelId: string): Promise<TafelInsightEntity[]> {
    return this.dataSource
      .getRepository(TafelInsightEntity)
      .find({ where: { organisationId, tafelId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  addInsight(organisationId: string, tafelId: string, text: string, storyIds: string[]): Promise<TafelInsightEntity> {
    return this.dataSource.getRepository(TafelInsightEntity).save({ organisationId, tafelId, text, storyIds });
  }

  async updateInsight(
    organisationId: string,
    tafelId: string,
    id: string,
    text: string,
    storyIds: string[],
  ): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(TafelInsightEntity)
      .update({ organisationId, tafelId, id }, { text, storyIds });
    return (result.affected ?? 0) === 1;
  }

  async deleteInsight(organisationId: string, tafelId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(TafelInsightEntity).delete({ organisationId, tafelId, id });
    return (result.affected ?? 0) === 1;
  }

  interventions(organisationId: string, tafelId: string): Promise<TafelInterventionEntity[]> {
    return this.dataSource
      .getRepository(TafelInterventionEntity)
      .find({ where: { organisationId, tafelId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  addIntervention(
    organisationId: string,
    tafelId: string,
    fields: InterventionFields,
  ): Promise<TafelInterventionEntity> {
    return this.dataSource.getRepository(TafelInterventionEntity).save({ organisationId, tafelId, ...fields });
  }

  async updateIntervention(
    organisationId: string,
    tafelId: string,
    id: string,
    fields: InterventionFields,
  ): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(TafelInterventionEntity)
      .update({ organisationId, tafelId, id }, fields);
    return (result.affected ?? 0) === 1;
  }

  async deleteIntervention(organisationId: string, tafelId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(TafelInterventionEntity).delete({ organisationId, tafelId, id });
    return (result.affected ?? 0) === 1;
  }
}
