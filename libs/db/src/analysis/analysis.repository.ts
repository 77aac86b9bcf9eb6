import type { DataSource } from 'typeorm';
import type { TranscriptSegment } from '../stories/story.entity';
import { TagEntity } from '../taxonomies/tag.entity';
import { TaxonomyEntity } from '../taxonomies/taxonomy.entity';
import { TaggerModelEntity } from './tagger-model.entity';

export type TaxonomyWithTags = { id: string; key: string; tags: { id: string; key: string; label: string; examples: string[] }[] };
export type FacilitatorLabel = { text: string; tagKey: string; taxonomyKey: string; positive: boolean };
export type AutoTag = { tagId: string; score: number; why: string[] };
/** Where an index stopped reading story vectors: Postgres's own timestamp text (µs) and the story id. */
export type VectorCursor = { at: string; storyId: string };
export type StoryVectorRow = { storyId: string; vector: number[] };

/**
 * The writes of the processing pipeline. Each moves a story only from the status its step expects,
 * in the same statement that stores the result, so a retried or duplicate job changes nothing.
 */
export class AnalysisRepository {
  constructor(private readonly dataSource: DataSource) {}

  async saveTranscript(organisationId: string, storyId: string, transcript: string, segments: TranscriptSegment[]): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE story SET transcript = $3, transcript_segments = $4, status = 'TRANSCRIBED', failure_reason = NULL, failed_step = NULL, updated_at = now()
        WHERE organisation_id = $1 AND id = $2 AND status = 'RECEIVED' AND audio_key IS NOT NULL`,
      [organisationId, storyId, transcript, JSON.stringify(segments)],
    );
    return affected === 1;
  }

  async saveRedaction(
    organisationId: string,
    storyId: string,
    redacted: { text: string; title: string; segments: TranscriptSegment[] | null },
  ): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE story SET redacted_text = $3, redacted_title = $4, redacted_segments = $5, status = 'REDACTED', updated_at = now()
        WHERE organisation_id = $1 AND id = $2 AND status = 'TRANSCRIBED'`,
      [organisationId, storyId, redacted.text, redacted.title, redacted.segments ? JSON.stringify(redacted.segments) : null],
    );
    return affected === 1;
  }

  /** Tags and vector land together with READY, in one transaction. */
  async saveAnalysis(organisationId: string, storyId: string, tags: AutoTag[], vector: { model: string; values: number[] }): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [, affected] = await m.query(
        `UPDATE story SET status = 'READY', updated_at = now() WHERE organisation_id = $1 AND id = $2 AND status = 'REDACTED'`,
        [organisationId, storyId],
      );
      if (affected !== 1) return false;
      // Automatic suggestions are replaced; anything a person confirmed, rejected or added stays.
      await m.query(`DELETE FROM story_tag WHERE story_id = $1 AND source = 'auto' AND state = 'suggested'`, [storyId]);
      for (const t of tags) {
        await m.query(
          `INSERT INTO story_tag (organisation_id, story_id, tag_id, source, score, state, why)
           VALUES ($1, $2, $3, 'auto', $4, 'suggested', $5)
           ON CONFLICT (story_id, tag_id) DO UPDATE SET score = EXCLUDED.score, why = EXCLUDED.why`,
          [organisationId, storyId, t.tagId, t.score, JSON.stringify(t.why)],
        );
      }
      await m.query(
        `INSERT INTO story_vector (story_id, organisation_id, model, vector) VALUES ($1, $2, $3, $4)
         ON CONFLICT (story_id) DO UPDATE SET model = EXCLUDED.model, vector = EXCLUDED.vector, updated_at = now()`,
        [storyId, organisationId, vector.model, vector.values],
      );
      return true;
    });
  }

  async markFailed(organisationId: string, storyId: string, step: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE story SET status = 'FAILED', failure_reason = $4, failed_step = $3, updated_at = now()
        WHERE organisation_id = $1 AND id = $2 AND status NOT IN ('READY', 'WITHDRAWN')`,
      [organisationId, storyId, step, reason],
    );
  }

  async taxonomies(organisationId: string): Promise<TaxonomyWithTags[]> {
    const taxonomies = await this.dataSource.getRepository(TaxonomyEntity).find({ where: { organisationId }, order: { key: 'ASC' } });
    const tags = await this.dataSource.getRepository(TagEntity).find({ where: { organisationId }, order: { position: 'ASC' } });
    return taxonomies.map((t) => ({
      id: t.id,
      key: t.key,
      tags: tags.filter((g) => g.taxonomyId === t.id).map((g) => ({ id: g.id, key: g.key, label: g.label, examples: g.examples })),
    }));
  }

  /** What facilitators decided: confirmed or added tags are positive examples, rejected ones negative. */
  async facilitatorLabels(organisationId: string): Promise<FacilitatorLabel[]> {
    const rows: { text: string; tag_key: string; taxonomy_key: string; positive: boolean }[] = await this.dataSource.query(
      `SELECT coalesce(s.redacted_text, '') AS text, g.key AS tag_key, x.key AS taxonomy_key, st.state = 'confirmed' AS positive
         FROM story_tag st JOIN story s ON s.id = st.story_id JOIN tag g ON g.id = st.tag_id JOIN taxonomy x ON x.id = g.taxonomy_id
        WHERE st.organisation_id = $1 AND st.state IN ('confirmed', 'rejected') AND s.redacted_text IS NOT NULL`,
      [organisationId],
    );
    return rows.map((r) => ({ text: r.text, tagKey: r.tag_key, taxonomyKey: r.taxonomy_key, positive: r.positive }));
  }

  taggerModels(organisationId: string): Promise<TaggerModelEntity[]> {
    return this.dataSource.getRepository(TaggerModelEntity).findBy({ organisationId });
  }

  async latestTraining(organisationId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query('SELECT max(trained_at) AS at FROM tagger_model WHERE organisation_id = $1', [organisationId]);
    return row?.at ? new Date(row.at) : null;
  }

  async saveTaggerModel(organisationId: string, taxonomyId: string, model: object, labelCount: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO tagger_model (organisation_id, taxonomy_id, model, label_count, trained_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (taxonomy_id) DO UPDATE SET model = EXCLUDED.model, label_count = EXCLUDED.label_count, trained_at = now()`,
      [organisationId, taxonomyId, JSON.stringify(model), labelCount],
    );
  }

  async wijkNames(organisationId: string): Promise<string[]> {
    const rows: { name: string }[] = await this.dataSource.query('SELECT name FROM wijk WHERE organisation_id = $1', [organisationId]);
    return rows.map((r) => r.name);
  }

  /**
   * Vectors written after `after`, oldest first, `limit` at a time. The cursor keeps Postgres's microseconds (as text)
   * and the story id, so rows written in the same millisecond — a bulk load — are read once and never skipped.
   */
  async vectorsChangedAfter(organisationId: string, after: VectorCursor | null, limit: number): Promise<(StoryVectorRow & { cursor: VectorCursor })[]> {
    const rows: { story_id: string; vector: number[]; at: string }[] = await this.dataSource.query(
      `SELECT story_id, vector, updated_at::text AS at FROM story_vector
        WHERE organisation_id = $1 AND (updated_at, story_id) > ($2::timestamptz, $3::uuid)
        ORDER BY updated_at, story_id LIMIT $4`,
      [organisationId, after?.at ?? '-infinity', after?.storyId ?? '00000000-0000-0000-0000-000000000000', limit],
    );
    return rows.map((r) => ({ storyId: r.story_id, vector: r.vector, cursor: { at: r.at, storyId: r.story_id } }));
  }
}
