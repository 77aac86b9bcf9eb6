import type { DataSource, EntityManager } from 'typeorm';
import type { PeriodUnit, StoryFilter } from '@vertelpunt/domain';
import { storyFilterWhere, TIME_ZONE, type SqlWhere } from '../explorer/story-filter-where';
import { cubeCondition, refreshChartCube, signifierBin } from './chart-cube';

/** Narrows a chart to these story ids, e.g. the stories most like a given one ("verhalen zoals dit"). */
export type ChartScope = { onlyIds?: string[] | null };

export type TimeBucket = { period: string; wijkcoach: number; inwoner: number };
export type StoriesOverTime = { unit: PeriodUnit; total: number; buckets: TimeBucket[] };

export type ArchetypeBar = { id: string; label: string; setName: string; wijkcoach: number; inwoner: number };
export type ArchetypeDistribution = { wijkcoachTotal: number; inwonerTotal: number; archetypes: ArchetypeBar[] };

export type HeatmapBy = 'wijk' | 'month';
export type HeatmapTag = { id: string; label: string; taxonomyKey: string; taxonomyName: string };
/** A column: a wijk (key = wijk id) or a month (key = its first day, `YYYY-MM-DD`), with its number of stories. */
export type HeatmapColumn = { key: string; label: string; total: number };
export type HeatmapCell = { tagId: string; column: string; count: number };
export type TagHeatmap = { by: HeatmapBy; total: number; tags: HeatmapTag[]; columns: HeatmapColumn[]; cells: HeatmapCell[] };

export type SignifierQuestion = { questionnaireId: string; questionId: string; prompt: string; labels: Record<string, string> };
export type DyadHistogram = SignifierQuestion & { answered: number; bins: { bin: number; count: number }[] };
export type CanvasDensity = SignifierQuestion & { answered: number; cells: { x: number; y: number; count: number }[] };

export type ComparedCount = { group: 'archetype' | 'tag' | 'choice'; groupLabel: string; key: string; label: string; countA: number; countB: number };
export type ComparedValueCounts = {
  group: 'dyad' | 'scale';
  key: string;
  label: string;
  lowLabel: string;
  highLabel: string;
  a: [number, number][];
  b: [number, number][];
};
export type SelectionCounts = { totalA: number; totalB: number; counts: ComparedCount[]; values: ComparedValueCounts[] };

/** The filtered stories as a CTE body over `story s`; parameters numbered from `firstParam`. */
const selection = (organisationId: string, filter: StoryFilter, scope: ChartScope, columns: string, firstParam = 1): SqlWhere => {
  const where = storyFilterWhere(organisationId, filter, { firstParam });
  const params = [...where.params];
  let sql = `SELECT ${columns} FROM story s WHERE ${where.sql}`;
  if (scope.onlyIds) {
    params.push(scope.onlyIds);
    sql += ` AND s.id = ANY($${firstParam + params.length - 1}::uuid[])`;
  }
  return { sql, params };
};

/**
 * For one chart query: JIT off (over 100 000 stories the cost estimates pass `jit_above_cost`, and compiling takes
 * longer than the aggregation) and room to hash all of an organisation's story tags in memory (at the default 4 MB
 * the join spills to disk in two batches).
 */
const chartSettings = async (m: EntityManager) => {
  // One round trip; `true`: for this transaction only, as SET LOCAL.
  await m.query(`SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`);
};

/**
 * What "Vergelijk" counts, for both sides at once: CTEs `options` (version, kind, question, option), `tags` (tag) and
 * `raw_numbers` (version, question, value), each with `n_a` and `n_b`, and the two totals; `$1` is the organisation.
 */
type ComparedFacts = { ctes: string; totals: string; params: unknown[] };

/** From the facts of each selected story, through a temporary table of the selection. */
const selectedFacts = async (m: EntityManager, organisationId: string, a: StoryFilter, b: StoryFilter, scopeA: ChartScope, scopeB: ChartScope): Promise<ComparedFacts> => {
  const selA = selection(organisationId, a, scopeA, `s.id, s.questionnaire_version_id, true AS in_a, false AS in_b`);
  const selB = selection(organisationId, b, scopeB, `s.id, s.questionnaire_version_id, false AS in_a, true AS in_b`, selA.params.length + 1);
  // For a selection of a few thousand stories, index lookups into the fact tables beat reading them whole; at the
  // default random_page_cost (4, for spinning disks) Postgres reads them whole, twice as slow with the indexes in memory.
  await m.query('SET LOCAL random_page_cost = 1.1');
  // CREATE TABLE AS may scan the stories in parallel (INSERT … SELECT may not); dropped at the end of this
  // transaction, and the name is private to this connection.
  await m.query(
    `CREATE TEMPORARY TABLE compare_selection ON COMMIT DROP AS
     SELECT id, questionnaire_version_id AS version_id, bool_or(in_a) AS in_a, bool_or(in_b) AS in_b
       FROM (${selA.sql} UNION ALL ${selB.sql}) AS both_sides GROUP BY id, questionnaire_version_id`,
    [...selA.params, ...selB.params],
  );
  await m.query('ALTER TABLE compare_selection ADD PRIMARY KEY (id)');
  return {
    // Chosen options from story_answer_option and numbers from story_answer_number (read models kept by triggers on answer).
    ctes: `options AS (SELECT sel.version_id, o.kind, o.question_id, o.option_id,
                              count(*) FILTER (WHERE sel.in_a)::int AS n_a, count(*) FILTER (WHERE sel.in_b)::int AS n_b
                         FROM compare_selection sel JOIN story_answer_option o ON o.story_id = sel.id AND o.organisation_id = $1
                        GROUP BY 1, 2, 3, 4),
           tags AS (SELECT st.tag_id, count(*) FILTER (WHERE sel.in_a)::int AS n_a, count(*) FILTER (WHERE sel.in_b)::int AS n_b
                      FROM compare_selection sel JOIN story_tag st ON st.story_id = sel.id AND st.organisation_id = $1 AND st.state <> 'rejected'
                     GROUP BY 1),
           raw_numbers AS (SELECT sel.version_id, n.question_id, n.value, count(*) FILTER (WHERE sel.in_a)::int AS n_a, count(*) FILTER (WHERE sel.in_b)::int AS n_b
                             FROM compare_selection sel JOIN story_answer_number n ON n.story_id = sel.id AND n.organisation_id = $1
                            GROUP BY 1, 2, 3)`,
    totals: `(SELECT count(*) FILTER (WHERE in_a)::int FROM compare_selection) AS total_a,
             (SELECT count(*) FILTER (WHERE in_b)::int FROM compare_selection) AS total_b`,
    params: [organisationId],
  };
};

/** From the chart cube: sums over the cells of each side. */
const cubeFacts = async (m: EntityManager, organisationId: string, inA: SqlWhere, inB: SqlWhere): Promise<ComparedFacts> => {
  await refreshChartCube(m, organisationId);
  const sum = (side: 'in_a' | 'in_b') => `coalesce(sum(count) FILTER (WHERE ${side}), 0)::int`;
  return {
    ctes: `cube AS (SELECT c.version_id, c.fact, c.key, c.option_id, c.value, c.count, (${inA.sql}) AS in_a, (${inB.sql}) AS in_b
                      FROM chart_cube c WHERE c.organisation_id = $1 AND ((${inA.sql}) OR (${inB.sql}))),
           options AS (SELECT version_id, fact AS kind, key AS question_id, option_id, ${sum('in_a')} AS n_a, ${sum('in_b')} AS n_b
                         FROM cube WHERE fact IN ('archetype', 'choice', 'leefgebied') GROUP BY 1, 2, 3, 4),
           tags AS (SELECT key::uuid AS tag_id, ${sum('in_a')} AS n_a, ${sum('in_b')} AS n_b FROM cube WHERE fact = 'tag' GROUP BY 1),
           raw_numbers AS (SELECT version_id, key AS question_id, value, ${sum('in_a')} AS n_a, ${sum('in_b')} AS n_b
                             FROM cube WHERE fact = 'number' GROUP BY 1, 2, 3)`,
    totals: `(SELECT ${sum('in_a')} FROM cube WHERE fact = 'story') AS total_a,
             (SELECT ${sum('in_b')} FROM cube WHERE fact = 'story') AS total_b`,
    params: [organisationId, ...inA.params, ...inB.params],
  };
};

/** Where a chart counts: rows `c` of `chart_cube` matching `cube`, or the stories of `sel` (a CTE body). */
type ChartSource = { cube: string; sel: null } | { cube: null; sel: string };

/** The newest wording of each question of a type, per questionnaire, and which versions hold it (for the join). */
const questionsOfType = (type: string) => `
  SELECT DISTINCT ON (qv.questionnaire_id, q ->> 'id') qv.questionnaire_id, q ->> 'id' AS question_id, q ->> 'prompt' AS prompt, q AS definition
    FROM questionnaire_version qv CROSS JOIN LATERAL jsonb_array_elements(qv.questions) q
   WHERE qv.organisation_id = $1 AND q ->> 'type' = '${type}'
   ORDER BY qv.questionnaire_id, q ->> 'id', qv.version DESC`;
const versionsOfType = (types: string[]) => `
  SELECT qv.id AS version_id, qv.questionnaire_id, q ->> 'id' AS question_id, q ->> 'type' AS type
    FROM questionnaire_version qv CROSS JOIN LATERAL jsonb_array_elements(qv.questions) q
   WHERE qv.organisation_id = $1 AND q ->> 'type' IN (${types.map((t) => `'${t}'`).join(', ')})`;

type SignifierRaw = { questionnaire_id: string; question_id: string; prompt: string; definition: Record<string, unknown>; answered: number };
const labelsOf = (definition: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(definition).filter(([key, value]) => key.endsWith('Label') && typeof value === 'string')) as Record<string, string>;

/**
 * The Patronen charts. Each chart is one SQL statement that aggregates in Postgres; every one starts from
 * `storyFilterWhere`, so it is scoped to one organisation and to processed stories, exactly like the Verhalen list.
 */
export class PatternsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One chart query in its own transaction, with `chartSettings`. */
  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.transaction(async (m) => {
      await chartSettings(m);
      return (await m.query(sql, params)) as T[];
    });
  }

  /**
   * A chart whose counts come from the chart cube when the filter only narrows by wijk, vertelpunt, teller and whole
   * months (refreshed first where stories changed), else from the selected stories (`selColumns` of `story s`).
   * `sql` writes the chart for either source; `$1` is the organisation in both.
   */
  private chartQuery<T>(organisationId: string, filter: StoryFilter, scope: ChartScope, selColumns: string, sql: (source: ChartSource) => string): Promise<T[]> {
    const inCube = cubeCondition(filter, scope, 2);
    return this.dataSource.transaction(async (m) => {
      await chartSettings(m);
      if (!inCube) {
        const sel = selection(organisationId, filter, scope, selColumns);
        return (await m.query(sql({ cube: null, sel: sel.sql }), sel.params)) as T[];
      }
      await refreshChartCube(m, organisationId);
      return (await m.query(sql({ cube: `c.organisation_id = $1 AND ${inCube.sql}`, sel: null }), [organisationId, ...inCube.params])) as T[];
    });
  }

  async storiesOverTime(organisationId: string, filter: StoryFilter, unit: PeriodUnit, scope: ChartScope = {}): Promise<StoriesOverTime> {
    const sel = selection(organisationId, filter, scope, `date_trunc('${unit}', s.told_at AT TIME ZONE '${TIME_ZONE}')::date AS period, s.teller_kind`);
    const [row]: { total: number; buckets: TimeBucket[] }[] = await this.query(
      `WITH sel AS (${sel.sql}),
            counts AS (SELECT period, count(*) FILTER (WHERE teller_kind = 'wijkcoach')::int AS wijkcoach,
                              count(*) FILTER (WHERE teller_kind = 'inwoner')::int AS inwoner
                         FROM sel GROUP BY period),
            periods AS (SELECT generate_series(min(period), max(period), interval '1 ${unit}')::date AS period FROM counts)
       SELECT (SELECT count(*)::int FROM sel) AS total,
              coalesce((SELECT json_agg(json_build_object('period', to_char(p.period, 'YYYY-MM-DD'), 'wijkcoach', coalesce(c.wijkcoach, 0),
                                                          'inwoner', coalesce(c.inwoner, 0)) ORDER BY p.period)
                          FROM periods p LEFT JOIN counts c ON c.period = p.period), '[]') AS buckets`,
      sel.params,
    );
    return { unit, total: row.total, buckets: row.buckets };
  }

  /** Every archetype of the organisation (also those nobody chose), with how many stories of each teller kind chose it. */
  async archetypeDistribution(organisationId: string, filter: StoryFilter, scope: ChartScope = {}): Promise<ArchetypeDistribution> {
    const [row] = await this.chartQuery<{ wijkcoach_total: number; inwoner_total: number; archetypes: ArchetypeBar[] }>(
      organisationId,
      filter,
      scope,
      's.id, s.teller_kind',
      ({ cube, sel }) => `
       WITH ${
         cube
           ? `hits AS (SELECT c.option_id AS id, coalesce(sum(c.count) FILTER (WHERE c.teller_kind = 'wijkcoach'), 0)::int AS wijkcoach,
                              coalesce(sum(c.count) FILTER (WHERE c.teller_kind = 'inwoner'), 0)::int AS inwoner
                         FROM chart_cube c WHERE ${cube} AND c.fact = 'archetype' GROUP BY 1),
              totals AS (SELECT coalesce(sum(c.count) FILTER (WHERE c.teller_kind = 'wijkcoach'), 0)::int AS wijkcoach_total,
                                coalesce(sum(c.count) FILTER (WHERE c.teller_kind = 'inwoner'), 0)::int AS inwoner_total
                           FROM chart_cube c WHERE ${cube} AND c.fact = 'story')`
           : `sel AS (${sel}),
              -- story_answer_option (the explorer's read model of chosen options) instead of the answers' JSON.
              hits AS (SELECT o.option_id AS id, count(*) FILTER (WHERE sel.teller_kind = 'wijkcoach')::int AS wijkcoach,
                              count(*) FILTER (WHERE sel.teller_kind = 'inwoner')::int AS inwoner
                         FROM sel JOIN story_answer_option o ON o.story_id = sel.id AND o.organisation_id = $1 AND o.kind = 'archetype'
                        GROUP BY o.option_id),
              totals AS (SELECT count(*) FILTER (WHERE teller_kind = 'wijkcoach')::int AS wijkcoach_total,
                                count(*) FILTER (WHERE teller_kind = 'inwoner')::int AS inwoner_total FROM sel)`
       }
       SELECT totals.wijkcoach_total, totals.inwoner_total,
              coalesce((SELECT json_agg(json_build_object('id', ar.id, 'label', ar.name, 'setName', st.name,
                                                          'wijkcoach', coalesce(h.wijkcoach, 0), 'inwoner', coalesce(h.inwoner, 0))
                                        ORDER BY st.name, ar.position)
                          FROM archetype ar JOIN archetype_set st ON st.id = ar.set_id
                               LEFT JOIN hits h ON h.id = ar.id::text
                         WHERE ar.organisation_id = $1), '[]') AS archetypes
         FROM totals`,
    );
    return { wijkcoachTotal: row.wijkcoach_total, inwonerTotal: row.inwoner_total, archetypes: row.archetypes };
  }

  /**
   * How many stories carry each tag (not rejected), per wijk or per month, with the number of stories per column.
   * Stories without a wijk are not in the tag × wijk map: a cell must lead to a selection the explorer can show.
   */
  async tagHeatmap(organisationId: string, filter: StoryFilter, by: HeatmapBy, scope: ChartScope = {}): Promise<TagHeatmap> {
    const key = (col: string) => (by === 'wijk' ? `${col}::text` : `to_char(${col}, 'YYYY-MM-DD')`);
    const columnLabel = by === 'wijk' ? `(SELECT w.name FROM wijk w WHERE w.id = c.col)` : key('c.col');
    // Grouped by the uuid or the date itself; turned into text only for the few columns of the answer.
    const storyColumn = by === 'wijk' ? 's.wijk_id' : `date_trunc('month', s.told_at AT TIME ZONE '${TIME_ZONE}')::date`;
    const [row] = await this.chartQuery<Omit<TagHeatmap, 'by'>>(organisationId, filter, scope, `s.id, ${storyColumn} AS col`, ({ cube, sel }) => {
      const cubeWhere = `${cube}${by === 'wijk' ? ' AND c.wijk_id IS NOT NULL' : ''}`;
      const cubeColumn = by === 'wijk' ? 'c.wijk_id' : 'c.month';
      return `
       WITH ${
         cube
           ? `cols AS (SELECT ${cubeColumn} AS col, sum(c.count)::int AS total FROM chart_cube c WHERE ${cubeWhere} AND c.fact = 'story' GROUP BY 1),
              cells AS (SELECT c.key::uuid AS tag_id, ${cubeColumn} AS col, sum(c.count)::int AS count
                          FROM chart_cube c WHERE ${cubeWhere} AND c.fact = 'tag' GROUP BY 1, 2)`
           : `sel AS (${by === 'wijk' ? `${sel} AND s.wijk_id IS NOT NULL` : sel}),
              cols AS (SELECT col, count(*)::int AS total FROM sel GROUP BY col),
              cells AS (SELECT st.tag_id, sel.col, count(*)::int AS count
                          FROM sel JOIN story_tag st ON st.story_id = sel.id AND st.organisation_id = $1 AND st.state <> 'rejected'
                         GROUP BY st.tag_id, sel.col)`
       }
       SELECT coalesce((SELECT sum(total)::int FROM cols), 0) AS total,
              coalesce((SELECT json_agg(json_build_object('id', t.id, 'label', t.label, 'taxonomyKey', tx.key, 'taxonomyName', tx.name)
                                        ORDER BY tx.name, t.position)
                          FROM tag t JOIN taxonomy tx ON tx.id = t.taxonomy_id WHERE t.organisation_id = $1), '[]') AS tags,
              coalesce((SELECT json_agg(json_build_object('key', ${key('c.col')}, 'label', ${columnLabel}, 'total', c.total) ORDER BY ${columnLabel}, ${key('c.col')})
                          FROM cols c), '[]') AS columns,
              coalesce((SELECT json_agg(json_build_object('tagId', cells.tag_id, 'column', ${key('cells.col')}, 'count', cells.count)
                                        ORDER BY cells.tag_id, ${key('cells.col')}) FROM cells), '[]') AS cells`;
    });
    return { by, ...row };
  }

  /** Per dyad question: how many answers fall in each of the ten bins of the slider. */
  async dyadHistograms(organisationId: string, filter: StoryFilter, scope: ChartScope = {}): Promise<DyadHistogram[]> {
    const rows = await this.chartQuery<SignifierRaw & { bins: { bin: number; count: number }[] }>(
      organisationId,
      filter,
      scope,
      's.id, s.questionnaire_version_id',
      ({ cube, sel }) => `
      WITH ${
        cube
          ? `raw AS (SELECT c.version_id, c.key AS question_id, ${signifierBin('c.value::numeric')} AS bin, sum(c.count)::int AS count
                       FROM chart_cube c WHERE ${cube} AND c.fact = 'number' GROUP BY 1, 2, 3)`
          : `sel AS (${sel}),
             -- story_answer_number (the numbers of the answers, kept by triggers) instead of the answers' JSON.
             raw AS (SELECT sel.questionnaire_version_id AS version_id, n.question_id, ${signifierBin('n.value::numeric')} AS bin, count(*)::int AS count
                       FROM sel JOIN story_answer_number n ON n.story_id = sel.id AND n.organisation_id = $1
                      GROUP BY 1, 2, 3)`
      },
            questions AS (${questionsOfType('dyad')}),
            versions AS (${versionsOfType(['dyad'])}),
            bins AS (SELECT v.questionnaire_id, v.question_id, raw.bin, sum(raw.count)::int AS count
                       FROM raw JOIN versions v ON v.version_id = raw.version_id AND v.question_id = raw.question_id
                      GROUP BY 1, 2, 3)
       SELECT q.questionnaire_id, q.question_id, q.prompt, q.definition,
              coalesce((SELECT sum(b.count)::int FROM bins b WHERE b.questionnaire_id = q.questionnaire_id AND b.question_id = q.question_id), 0) AS answered,
              coalesce((SELECT json_agg(json_build_object('bin', b.bin, 'count', b.count) ORDER BY b.bin) FROM bins b
                         WHERE b.questionnaire_id = q.questionnaire_id AND b.question_id = q.question_id), '[]') AS bins
         FROM questions q ORDER BY q.questionnaire_id, q.question_id`,
    );
    return rows.map((r) => ({ questionnaireId: r.questionnaire_id, questionId: r.question_id, prompt: r.prompt, labels: labelsOf(r.definition), answered: r.answered, bins: r.bins }));
  }

  /** Per canvas question: how many points fall in each cell of a ten by ten grid (x left→right, y bottom→top). */
  async canvasDensity(organisationId: string, filter: StoryFilter, scope: ChartScope = {}): Promise<CanvasDensity[]> {
    const bin = (axis: 'x' | 'y') => signifierBin(`(a.value ->> '${axis}')::numeric`);
    const rows = await this.chartQuery<SignifierRaw & { cells: { x: number; y: number; count: number }[] }>(
      organisationId,
      filter,
      scope,
      's.id, s.questionnaire_version_id',
      ({ cube, sel }) => `
      WITH ${
        cube
          ? `raw AS (SELECT c.version_id, c.key AS question_id, c.x_bin AS x, c.y_bin AS y, sum(c.count)::int AS count
                       FROM chart_cube c WHERE ${cube} AND c.fact = 'point' GROUP BY 1, 2, 3, 4)`
          : `sel AS (${sel}),
             raw AS (SELECT sel.questionnaire_version_id AS version_id, a.question_id, ${bin('x')} AS x, ${bin('y')} AS y, count(*)::int AS count
                       FROM sel JOIN answer a ON a.story_id = sel.id AND a.organisation_id = $1 AND a.value ->> 'kind' = 'point'
                      GROUP BY 1, 2, 3, 4)`
      },
            questions AS (${questionsOfType('canvas')}),
            versions AS (${versionsOfType(['canvas'])}),
            cells AS (SELECT v.questionnaire_id, v.question_id, raw.x, raw.y, sum(raw.count)::int AS count
                        FROM raw JOIN versions v ON v.version_id = raw.version_id AND v.question_id = raw.question_id
                       GROUP BY 1, 2, 3, 4)
       SELECT q.questionnaire_id, q.question_id, q.prompt, q.definition,
              coalesce((SELECT sum(c.count)::int FROM cells c WHERE c.questionnaire_id = q.questionnaire_id AND c.question_id = q.question_id), 0) AS answered,
              coalesce((SELECT json_agg(json_build_object('x', c.x, 'y', c.y, 'count', c.count) ORDER BY c.y DESC, c.x) FROM cells c
                         WHERE c.questionnaire_id = q.questionnaire_id AND c.question_id = q.question_id), '[]') AS cells
         FROM questions q ORDER BY q.questionnaire_id, q.question_id`,
    );
    return rows.map((r) => ({ questionnaireId: r.questionnaire_id, questionId: r.question_id, prompt: r.prompt, labels: labelsOf(r.definition), answered: r.answered, cells: r.cells }));
  }

  /**
   * The counts "Vergelijk twee selecties" tests: per archetype, tag and choice option how many stories of A and of B
   * have it, and per dyad and scale question how often each value was given in A and in B.
   *
   * When both sides only narrow by wijk, vertelpunt, teller and whole months (two wijken; this year against last
   * year), the counts are sums over the chart cube (chart-cube.ts), refreshed first where stories changed. Otherwise
   * both selections are built by `storyFilterWhere` (A's parameters first) into one temporary set of story ids, each
   * story once with whether it is in A, in B or in both, and the counts read each fact table once for both sides. A
   * temporary table and not a CTE: Postgres knows nothing about a CTE's rows, so it hashed every fact instead of the
   * selected stories.
   */
  async compareCounts(organisationId: string, a: StoryFilter, b: StoryFilter, scopeA: ChartScope = {}, scopeB: ChartScope = {}): Promise<SelectionCounts> {
    type Row = { total_a: number; total_b: number; counts: ComparedCount[]; values: { group: 'dyad' | 'scale'; key: string; label: string; definition: Record<string, unknown>; a: [number, number][] | null; b: [number, number][] | null }[] };
    const cubeA = cubeCondition(a, scopeA, 2);
    const cubeB = cubeA ? cubeCondition(b, scopeB, 2 + cubeA.params.length) : null;
    const row = await this.dataSource.transaction(async (m): Promise<Row> => {
      await chartSettings(m);
      const facts = cubeA && cubeB ? await cubeFacts(m, organisationId, cubeA, cubeB) : await selectedFacts(m, organisationId, a, b, scopeA, scopeB);
      const [result]: Row[] = await m.query(
        `WITH ${facts.ctes},
              versions AS (${versionsOfType(['single', 'multi', 'leefgebied', 'dyad', 'scale'])}),
              choices AS (SELECT v.questionnaire_id, v.question_id, o.option_id, sum(o.n_a)::int AS n_a, sum(o.n_b)::int AS n_b
                            FROM options o JOIN versions v ON v.version_id = o.version_id AND v.question_id = o.question_id AND v.type IN ('single', 'multi', 'leefgebied')
                           WHERE o.kind IN ('leefgebied', 'choice')
                           GROUP BY 1, 2, 3),
              numbers AS (SELECT v.questionnaire_id, v.question_id, v.type, r.value, sum(r.n_a)::int AS n_a, sum(r.n_b)::int AS n_b
                            FROM raw_numbers r JOIN versions v ON v.version_id = r.version_id AND v.question_id = r.question_id AND v.type IN ('dyad', 'scale')
                           GROUP BY 1, 2, 3, 4),
              questions AS (SELECT DISTINCT ON (qv.questionnaire_id, q ->> 'id') qv.questionnaire_id, q ->> 'id' AS question_id, q
                              FROM questionnaire_version qv CROSS JOIN LATERAL jsonb_array_elements(qv.questions) q
                             WHERE qv.organisation_id = $1 ORDER BY qv.questionnaire_id, q ->> 'id', qv.version DESC),
              counted AS (
                SELECT 'archetype' AS "group", st.name AS group_label, ar.id::text AS key, ar.name AS label, sum(o.n_a)::int AS count_a, sum(o.n_b)::int AS count_b
                  FROM options o JOIN archetype ar ON ar.id::text = o.option_id AND ar.organisation_id = $1 JOIN archetype_set st ON st.id = ar.set_id
                 WHERE o.kind = 'archetype'
                 GROUP BY st.name, ar.id, ar.name
                UNION ALL
                SELECT 'tag', tx.name, t.id::text, t.label, h.n_a, h.n_b
                  FROM tags h JOIN tag t ON t.id = h.tag_id JOIN taxonomy tx ON tx.id = t.taxonomy_id
                UNION ALL
                SELECT 'choice', q.q ->> 'prompt', c.questionnaire_id || ':' || c.question_id || ':' || c.option_id,
                       coalesce((SELECT o ->> 'label' FROM jsonb_array_elements(q.q -> 'options') o WHERE o ->> 'id' = c.option_id), c.option_id),
                       c.n_a, c.n_b
                  FROM choices c JOIN questions q ON q.questionnaire_id = c.questionnaire_id AND q.question_id = c.question_id)
         SELECT ${facts.totals},
                coalesce((SELECT json_agg(json_build_object('group', "group", 'groupLabel', group_label, 'key', key, 'label', label, 'countA', count_a, 'countB', count_b)
                                          ORDER BY "group", group_label, label) FROM counted), '[]') AS counts,
                coalesce((SELECT json_agg(json_build_object('group', g.type, 'key', g.questionnaire_id || ':' || g.question_id, 'label', q.q ->> 'prompt', 'definition', q.q,
                                                            'a', g.a, 'b', g.b) ORDER BY q.q ->> 'prompt')
                            FROM (SELECT questionnaire_id, question_id, type,
                                         json_agg(json_build_array(value, n_a) ORDER BY value) FILTER (WHERE n_a > 0) AS a,
                                         json_agg(json_build_array(value, n_b) ORDER BY value) FILTER (WHERE n_b > 0) AS b
                                    FROM numbers GROUP BY 1, 2, 3) g
                                 JOIN questions q ON q.questionnaire_id = g.questionnaire_id AND q.question_id = g.question_id), '[]') AS values`,
        facts.params,
      );
      return result;
    });
    return {
      totalA: row.total_a,
      totalB: row.total_b,
      counts: row.counts,
      values: row.values.map((v) => ({
        group: v.group,
        key: v.key,
        label: v.label,
        lowLabel: String(v.definition.leftLabel ?? v.definition.minLabel ?? ''),
        highLabel: String(v.definition.rightLabel ?? v.definition.maxLabel ?? ''),
        a: v.a ?? [],
        b: v.b ?? [],
      })),
    };
  }
}
