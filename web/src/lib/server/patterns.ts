import type { PeriodUnit, StoryFilter } from '@vertelpunt/domain';
import { graphql, type GraphqlOptions } from './api';
import { toFilterInput } from '$lib/explorer/explorer-url';

/**
 * A count is null when it rests on too few stories for the caller (managers see aggregates only, issue 8); the chart's
 * `suppression` then says why. Others get every count.
 */
export type Count = number | null;
export type Suppression = { minGroupSize: number; reason: string } | null;
export type TimeBucket = { period: string; wijkcoach: Count; inwoner: Count };
export type ArchetypeBar = { id: string; label: string; setName: string; wijkcoach: Count; inwoner: Count };
export type HeatmapData = {
  total: Count;
  tags: { id: string; label: string; taxonomyKey: string; taxonomyName: string }[];
  columns: { key: string; label: string; total: Count }[];
  cells: { tagId: string; column: string; count: Count }[];
  suppression: Suppression;
};
export type DyadHistogramData = {
  questionnaireId: string;
  questionId: string;
  prompt: string;
  leftLabel: string;
  rightLabel: string;
  answered: Count;
  bins: { bin: number; count: Count }[];
};
export type CanvasDensityData = {
  questionnaireId: string;
  questionId: string;
  prompt: string;
  xLeftLabel: string;
  xRightLabel: string;
  yBottomLabel: string;
  yTopLabel: string;
  answered: Count;
  cells: { x: number; y: number; count: Count }[];
};
export type DifferenceTest = {
  method: string | null;
  p: number | null;
  verdict: 'likely-real' | 'could-be-chance' | 'too-few';
};
export type SelectionComparison = {
  totalA: Count;
  totalB: Count;
  items: {
    group: string;
    groupLabel: string;
    key: string;
    label: string;
    countA: Count;
    countB: Count;
    shareA: number | null;
    shareB: number | null;
    test: DifferenceTest;
  }[];
  values: {
    group: string;
    key: string;
    label: string;
    lowLabel: string;
    highLabel: string;
    countA: Count;
    countB: Count;
    meanA: number | null;
    meanB: number | null;
    test: DifferenceTest;
  }[];
};
export type Patterns = {
  overTime: { total: Count; buckets: TimeBucket[]; suppression: Suppression };
  archetypes: { wijkcoachTotal: Count; inwonerTotal: Count; archetypes: ArchetypeBar[] };
  byWijk: HeatmapData;
  byMonth: HeatmapData;
  dyads: DyadHistogramData[];
  canvases: CanvasDensityData[];
  wijken: { id: string; label: string }[];
  comparison: SelectionComparison | null;
};

const HEATMAP_FIELDS =
  'total tags { id label taxonomyKey taxonomyName } columns { key label total } cells { tagId column count } suppression { minGroupSize reason }';
const TEST_FIELDS = 'test { method p verdict }';

export const PATTERNS = /* GraphQL */ `
  query Patronen($filter: StoryFilterInput, $unit: PeriodUnit!, $compare: Boolean!, $a: StoryFilterInput!, $b: StoryFilterInput!) {
    overTime: storiesOverTime(filter: $filter, unit: $unit) { total buckets { period wijkcoach inwoner } suppression { minGroupSize reason } }
    archetypes: archetypeDistribution(filter: $filter) { wijkcoachTotal inwonerTotal archetypes { id label setName wijkcoach inwoner } }
    byWijk: tagHeatmap(filter: $filter, by: WIJK) { ${HEATMAP_FIELDS} }
    byMonth: tagHeatmap(filter: $filter, by: MONTH) { ${HEATMAP_FIELDS} }
    dyads: dyadHistograms(filter: $filter) { questionnaireId questionId prompt leftLabel rightLabel answered bins { bin count } }
    canvases: canvasDensity(filter: $filter) { questionnaireId questionId prompt xLeftLabel xRightLabel yBottomLabel yTopLabel answered cells { x y count } }
    explorerOptions { wijken { id label } }
    comparison: compareSelections(a: $a, b: $b) @include(if: $compare) {
      totalA totalB
      items { group groupLabel key label countA countB shareA shareB ${TEST_FIELDS} }
      values { group key label lowLabel highLabel countA countB meanA meanB ${TEST_FIELDS} }
    }
  }
`;

/** The domain's filter as the API's StoryFilterInput (the length unit is a GraphQL enum there). */
// The same GraphQL input as the explorer's, so a chart and its list always mean the same selection.
export { toFilterInput };

/** Every chart of /patronen in one request; the comparison only when both selections are given. */
export const fetchPatterns = async (
  options: GraphqlOptions,
  filter: StoryFilter,
  unit: PeriodUnit,
  comparison: { a: StoryFilter; b: StoryFilter } | null,
): Promise<Patterns> => {
  const data = await graphql<
    Omit<Patterns, 'wijken' | 'comparison'> & {
      explorerOptions: { wijken: { id: string; label: string }[] };
      comparison?: SelectionComparison;
    }
  >(
    PATTERNS,
    {
      filter: toFilterInput(filter),
      unit: unit === 'week' ? 'WEEK' : 'MONTH',
      compare: comparison !== null,
      a: toFilterInput(comparison?.a ?? filter),
      b: toFilterInput(comparison?.b ?? filter),
    },
    options,
  );
  const { explorerOptions, comparison: compared, ...charts } = data;
  return { ...charts, wijken: explorerOptions.wijken, comparison: compared ?? null };
};
