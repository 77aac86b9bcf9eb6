import type { DataSource, EntityManager } from 'typeorm';
import { EMPTY_STORY_FILTER, SIGNIFIER_BINS, type StoryFilter } from '@vertelpunt/domain';
import { storyFilterWhere, TIME_ZONE, type SqlWhere } from '../explorer/story-filter-where';
import type { ChartScope } from './patterns.repository';

/**
 * The chart cube (migration 1764700000000): explorable stories and their facts counted per organisation, wijk, month,
 * vertelpunt, teller and questionnaire version. A selection that only narrows by those (whole months) can be read
 * from it; any other filter needs the facts of each story.
 */

/** The bin (0 … SIGNIFIER_BINS − 1) of a dyad, scale or canvas value from 0 to 100; 100 is in the last bin. */
export const signifierBin = (value: string) => `least(floor(${value} / ${100 / SIGNIFIER_BINS}), ${SIGNIFIER_BINS - 1})::smallint`;

const isFirstOfMonth = (day: string) => /^\d{4}-\d{2}-01$/.test(day);
const isLastOfMonth = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return false;
  date.setUTCDate(date.getUTCDate() + 1);
  return date.getUTCDate() === 1;
};

/**
 * The filter as a condition over the cube's rows (`c`), parameters numbered from `firstParam`; `null` when the cube
 * cannot answer it: a filter on anything but wijk, vertelpunt, teller and whole months, or a narrowed scope.
 */
export const cubeCondition = (filter: StoryFilter, scope: ChartScope, firstParam: number): SqlWhere | null => {
  const narrowsFacts =
    filter.archetypeIds.length > 0 ||
    filter.tagIds.length > 0 ||
    filter.leefgebieden.length > 0 ||
    filter.choices.length > 0 ||
    filter.signals.length > 0 ||
    filter.statuses.length > 0 ||
    filter.length !== null ||
    filter.q !== null ||
    filter.similarTo !== null ||
    Boolean(scope.onlyIds);
  if (narrowsFacts) return null;
  if (filter.from && !isFirstOfMonth(filter.from)) return null;
  if (filter.to && !isLastOfMonth(filter.to)) return null;

  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const clauses = ['true'];
  if (filter.from) clauses.push(`c.month >= ${p(filter.from)}::date`);
  if (filter.to) clauses.push(`c.month <= ${p(filter.to)}::date`);
  if (filter.wijkIds.length > 0) clauses.push(`c.wijk_id = ANY(${p(filter.wijkIds)}::uuid[])`);
  if (filter.vertelpuntIds.length > 0) clauses.push(`c.vertelpunt_id = ANY(${p(filter.vertelpuntIds)}::uuid[])`);
  if (filter.tellerKind) clauses.push(`c.teller_kind = ${p(filter.tellerKind)}`);
  return { sql: clauses.join(' AND '), params };
};

/**
 * Recounts the cells of this organisation that changed since they were last counted, so the cube matches the facts
 * this transaction can see. One refresher per organisation at a time (an advisory lock); a reader with nothing to
 * recount takes no lock.
 */
export const refreshChartCube = async (m: EntityManager, organisationId: string): Promise<void> => {
  const [{ dirty }]: { dirty: boolean }[] = await m.query(
    `SELECT EXISTS (SELECT 1 FROM chart_cube_dirty WHERE organisation_id = $1) AS dirty`,
    [organisationId],
  );
  if (!dirty) return;
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('chart_cube:' || $1::text, 0))`, [organisationId]);
  const cells: { wijk_ids: (string | null)[] | null; months: string[] | null }[] = await m.query(
    `WITH gone AS (DELETE FROM chart_cube_dirty WHERE organisation_id = $1 RETURNING wijk_id, month),
          cells AS (SELECT DISTINCT wijk_id, month FROM gone)
     SELECT array_agg(wijk_id) AS wijk_ids, array_agg(month::text) AS months FROM cells`,
    [organisationId],
  );
  const { wijk_ids: wijkIds, months } = cells[0];
  if (!months || months.length === 0) return;
  await m.query(
    `DELETE FROM chart_cube c USING unnest($2::uuid[], $3::date[]) AS x(wijk_id, month)
      WHERE c.organisation_id = $1 AND c.wijk_id IS NOT DISTINCT FROM x.wijk_id AND c.month = x.month`,
    [organisationId, wijkIds, months],
  );
  // The same stories every chart counts: explorable ones of this organisation. A few cells are a few hundred stories:
  // index lookups, not whole fact tables (see selectedFacts in patterns.repository.ts).
  const explorable = storyFilterWhere(organisationId, EMPTY_STORY_FILTER);
  await m.query(`SELECT set_config('random_page_cost', '1.1', true)`);
  await m.query(
    `WITH cells AS (SELECT x.wijk_id, x.month, (x.month::timestamp AT TIME ZONE '${TIME_ZONE}') AS starts,
                           ((x.month + interval '1 month')::timestamp AT TIME ZONE '${TIME_ZONE}') AS ends
                      FROM unnest($2::uuid[], $3::date[]) AS x(wijk_id, month)),
          -- A range of IDX_story_chart_scan per cell (a wijk or no wijk, a month), then the facts of those stories by id.
          s AS MATERIALIZED (
                SELECT s.id, s.wijk_id, cells.month, s.vertelpunt_id, s.teller_kind, s.questionnaire_version_id AS version_id
                  FROM cells JOIN story s ON (s.wijk_id = cells.wijk_id OR (cells.wijk_id IS NULL AND s.wijk_id IS NULL))
                                         AND s.told_at >= cells.starts AND s.told_at < cells.ends
                 WHERE ${explorable.sql})
     INSERT INTO chart_cube (organisation_id, wijk_id, month, vertelpunt_id, teller_kind, version_id, fact, key, option_id, value, x_bin, y_bin, count)
     SELECT $1, wijk_id, month, vertelpunt_id, teller_kind, version_id, 'story', '', '', NULL::double precision, NULL::smallint, NULL::smallint, count(*)
       FROM s GROUP BY 2, 3, 4, 5, 6
     UNION ALL
     SELECT $1, s.wijk_id, s.month, s.vertelpunt_id, s.teller_kind, s.version_id, o.kind, o.question_id, o.option_id, NULL, NULL, NULL, count(*)
       FROM s JOIN story_answer_option o ON o.story_id = s.id AND o.organisation_id = $1
      GROUP BY 2, 3, 4, 5, 6, 7, 8, 9
     UNION ALL
     SELECT $1, s.wijk_id, s.month, s.vertelpunt_id, s.teller_kind, s.version_id, 'tag', st.tag_id::text, '', NULL, NULL, NULL, count(*)
       FROM s JOIN story_tag st ON st.story_id = s.id AND st.organisation_id = $1 AND st.state <> 'rejected'
      GROUP BY 2, 3, 4, 5, 6, 8
     UNION ALL
     SELECT $1, s.wijk_id, s.month, s.vertelpunt_id, s.teller_kind, s.version_id, 'number', n.question_id, '', n.value, NULL, NULL, count(*)
       FROM s JOIN story_answer_number n ON n.story_id = s.id AND n.organisation_id = $1
      GROUP BY 2, 3, 4, 5, 6, 8, 10
     UNION ALL
     SELECT $1, s.wijk_id, s.month, s.vertelpunt_id, s.teller_kind, s.version_id, 'point', a.question_id, '', NULL,
            ${signifierBin(`(a.value ->> 'x')::numeric`)}, ${signifierBin(`(a.value ->> 'y')::numeric`)}, count(*)
       FROM s JOIN answer a ON a.story_id = s.id AND a.organisation_id = $1 AND a.value ->> 'kind' = 'point'
      GROUP BY 2, 3, 4, 5, 6, 8, 11, 12`,
    [...explorable.params, wijkIds, months],
  );
};

/** For the workers: recounts changed cells in the background, so a chart rarely has to and the marks stay few. */
export class ChartCubeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async organisationsWithChanges(): Promise<string[]> {
    const rows: { organisation_id: string }[] = await this.dataSource.query(`SELECT DISTINCT organisation_id FROM chart_cube_dirty`);
    return rows.map((r) => r.organisation_id);
  }

  refresh(organisationId: string): Promise<void> {
    return this.dataSource.transaction((m) => refreshChartCube(m, organisationId));
  }
}
