import { EXPLORABLE_STATUSES, type StoryFilter } from '@vertelpunt/domain';

/** A WHERE clause over `story s` with its parameters; user values only ever travel as parameters. */
export type SqlWhere = { sql: string; params: unknown[] };

/** Days are Dutch days: "tot en met 31 maart" ends at midnight in Amsterdam. Also the time zone of chart weeks and months. */
export const TIME_ZONE = 'Europe/Amsterdam';

const groupBy = <T>(items: T[], keyOf: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
};

export type WhereOptions = {
  /** Number of the first parameter, so callers can put their own before. */
  firstParam?: number;
  /**
   * The filter's tag ids grouped per taxonomy, as `tagGroupsOf` finds them. With them each group is one simple
   * `IN` set that Postgres estimates well; without them the grouping happens inside the SQL (same result).
   */
  tagGroups?: string[][];
};

/** Groups tag ids per taxonomy of this organisation; an id that is not one of its tags becomes a group of its own. */
export const TAG_GROUPS_SQL = `SELECT coalesce(t.taxonomy_id::text, wanted.id::text) AS grp, array_agg(wanted.id::text) AS ids
  FROM unnest($2::uuid[]) AS wanted(id) LEFT JOIN tag t ON t.id = wanted.id AND t.organisation_id = $1 GROUP BY 1 ORDER BY 1`;

/**
 * Turns a filter into a WHERE over `story s` (alias `s`), scoped to one organisation, for processed stories with
 * redacted text only. Parameters are numbered from `options.firstParam`, so callers can add their own after them.
 * `similarTo` is not SQL: the caller narrows to the similar ids itself (see ExplorerRepository).
 */
export const storyFilterWhere = (organisationId: string, filter: StoryFilter, options: WhereOptions = {}): SqlWhere => {
  const firstParam = options.firstParam ?? 1;
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const org = p(organisationId);
  const clauses = [`s.organisation_id = ${org}`, `s.status IN (${EXPLORABLE_STATUSES.map((st) => `'${st}'`).join(', ')})`, 's.redacted_text IS NOT NULL'];

  if (filter.statuses.length > 0) clauses.push(`s.status = ANY(${p(filter.statuses)}::text[])`);
  if (filter.from) clauses.push(`s.told_at >= (${p(filter.from)}::date::timestamp AT TIME ZONE '${TIME_ZONE}')`);
  if (filter.to) clauses.push(`s.told_at < ((${p(filter.to)}::date + 1)::timestamp AT TIME ZONE '${TIME_ZONE}')`);
  if (filter.wijkIds.length > 0) clauses.push(`s.wijk_id = ANY(${p(filter.wijkIds)}::uuid[])`);
  if (filter.vertelpuntIds.length > 0) clauses.push(`s.vertelpunt_id = ANY(${p(filter.vertelpuntIds)}::uuid[])`);
  if (filter.tellerKind) clauses.push(`s.teller_kind = ${p(filter.tellerKind)}`);
  // Answer and tag filters are uncorrelated `s.id IN (…)` sets read from narrow indexes (story_answer_option,
  // story_tag): Postgres builds each set once instead of probing per story.
  if (filter.archetypeIds.length > 0) {
    clauses.push(`s.id IN (SELECT o.story_id FROM story_answer_option o WHERE o.organisation_id = ${org} AND o.kind = 'archetype'
      AND o.option_id = ANY(${p(filter.archetypeIds)}::text[]))`);
  }
  if (filter.tagIds.length > 0 && options.tagGroups) {
    for (const group of options.tagGroups) {
      clauses.push(`s.id IN (SELECT st.story_id FROM story_tag st WHERE st.organisation_id = ${org} AND st.tag_id = ANY(${p(group)}::uuid[]) AND st.state <> 'rejected')`);
    }
  } else if (filter.tagIds.length > 0) {
    const tags = p(filter.tagIds);
    // Any selected tag of a taxonomy, for every taxonomy with a selected tag: a story qualifies when its matching
    // tags span as many taxonomies as were asked for. An id that is not one of this organisation's tags counts as a
    // group of its own that no story can fill, so it matches nothing.
    clauses.push(`s.id IN (
      SELECT st.story_id FROM story_tag st JOIN tag t ON t.id = st.tag_id
       WHERE st.tag_id = ANY(${tags}::uuid[]) AND st.organisation_id = ${org} AND st.state <> 'rejected'
       GROUP BY st.story_id
      HAVING count(DISTINCT t.taxonomy_id) = (
        SELECT count(DISTINCT coalesce(wt.taxonomy_id::text, wanted.id::text))
          FROM unnest(${tags}::uuid[]) AS wanted(id) LEFT JOIN tag wt ON wt.id = wanted.id AND wt.organisation_id = ${org}))`);
  }
  if (filter.leefgebieden.length > 0) {
    clauses.push(`s.id IN (SELECT o.story_id FROM story_answer_option o WHERE o.organisation_id = ${org} AND o.kind = 'leefgebied'
      AND o.option_id = ANY(${p(filter.leefgebieden)}::text[]))`);
  }
  // A signifier range: the story's dyad/scale value or canvas point lies in it (100 belongs to the last range).
  for (const r of filter.signals) {
    const inRange = (value: string, from: number, to: number) => `(${value} >= ${p(from)} AND (${value} < ${p(to)} OR ${p(to)} >= 100))`;
    const point = r.yFrom !== null && r.yTo !== null;
    const test = point
      ? `a.value->>'kind' = 'point' AND ${inRange(`(a.value->>'x')::numeric`, r.from, r.to)} AND ${inRange(`(a.value->>'y')::numeric`, r.yFrom!, r.yTo!)}`
      : `a.value->>'kind' = 'number' AND ${inRange(`(a.value->>'value')::numeric`, r.from, r.to)}`;
    clauses.push(`s.id IN (SELECT a.story_id FROM answer a WHERE a.organisation_id = ${org} AND a.question_id = ${p(r.questionId)} AND ${test})`);
  }
  for (const [questionId, answers] of groupBy(filter.choices, (c) => c.questionId)) {
    clauses.push(`s.id IN (SELECT o.story_id FROM story_answer_option o WHERE o.organisation_id = ${org}
      AND o.question_id = ${p(questionId)} AND o.option_id = ANY(${p(answers.map((a) => a.optionId))}::text[]))`);
  }
  if (filter.length) {
    const { unit, min, max } = filter.length;
    if (unit === 'words') {
      if (min !== null) clauses.push(`s.word_count >= ${p(min)}::int`);
      if (max !== null) clauses.push(`s.word_count <= ${p(max)}::int`);
    } else {
      if (min !== null) clauses.push(`s.audio_duration_ms >= ${p(min)}::int * 1000`);
      if (max !== null) clauses.push(`s.audio_duration_ms < (${p(max)}::int + 1) * 1000`);
    }
  }
  if (filter.q) clauses.push(`s.search_document @@ websearch_to_tsquery('dutch', ${p(filter.q)})`);

  return { sql: clauses.join('\n  AND '), params };
};
