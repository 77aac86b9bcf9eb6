import type { PeriodUnit, StoryFilter } from '@vertelpunt/domain';
import { graphql, type GraphqlOptions } from './api';
import { toFilterInput } from '$lib/explorer/explorer-url';

export type TimeBucket = { period: string; wijkcoach: number; inwoner: number };
export type ArchetypeBar = { id: string; label: string; setName: string; wijkcoach: number; inwoner: number };
export type HeatmapData = {
  total: number;
  tags: { id: string; label: string; taxonomyKey: string; taxonomyName: string }[];
  columns: { key: string; label: string; total: number }[];
  cells: { tagId: string; column: string; count: number }[];
};
export type DyadHistogramData = {
  questionnaireId: string;
  questionId: string;
  prompt: string;
  leftLabel: string;
  rightLabel: string;
  answered: number;
  bins: { bin: number; count: number }[];
};
export type CanvasDensityData = {
  questionnaireId: string;
  questionId: string;
  prompt: string;
  xLeftLabel: string;
  xRightLabel: string;
  yBottomLabel: string;
  yTopLabel: string;
  answered: number;
  cells: { x: number; y: number; count: number }[];
};
export type DifferenceTest = {
  method: string | null;
  p: number | null;
  verdict: 'likely-real' | 'could-be-chance' | 'too-few';
};
export type SelectionComparison = {
  totalA: number;
  totalB: number;
  items: {
    group: string;
    groupLabel: string;
    key: string;
    label: string;
    countA: number;
    countB: number;
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
    countA: number;
    countB: number;
    meanA: number | null;
    meanB: number | null;
    test: DifferenceTest;
  }[];
};
export type Patterns = {
  overTime: { total: number; buckets: TimeBucket[] };
  archetypes: { wijkcoachTotal: number; inwonerTotal: number; archetypes: ArchetypeBar[] };
  byWijk: HeatmapData;
  byMonth: HeatmapData;
  dyads: DyadHistogramData[];
  canvases: CanvasDensityData[];
  wijken: { id: string; label: string }[];
  comparison: SelectionComparison | null;
};

const HEATMAP_FIELDS =
  'total tags { id label taxonomyKey taxonomyName } columns { key label total } cells { tagId column count }';
const TEST_FIELDS = 'test { method p verdict }';

export const PATTERNS = /* GraphQL */ `
  query Patronen($filter: StoryFilterInput, $unit: PeriodUnit!, $compare: Boolean!, $a: StoryFilterInput!, $b: StoryFilterInput!) {
    overTime: storiesOverTime(filter: $filter, unit: $unit) { total buckets { period wijkcoach inwoner } }
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
