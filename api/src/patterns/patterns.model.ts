import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum PeriodUnitEnum {
  WEEK = 'week',
  MONTH = 'month',
}
registerEnumType(PeriodUnitEnum, { name: 'PeriodUnit' });

export enum HeatmapByEnum {
  WIJK = 'wijk',
  MONTH = 'month',
}
registerEnumType(HeatmapByEnum, { name: 'HeatmapBy' });

/** Counts below the minimum group size come back as null for those who see aggregates only (managers, issue 8). */
const SMALL = { nullable: true, description: 'Null when it rests on fewer stories than suppression.minGroupSize.' } as const;

@ObjectType({ description: 'Why some counts of a chart are null: small groups are hidden for roles that see aggregates only.' })
export class ChartSuppression {
  @Field(() => Int) minGroupSize!: number;
  @Field({ description: 'In plain Dutch.' }) reason!: string;
}

@ObjectType()
export class TimeBucket {
  @Field({ description: 'First day of the week (Monday) or month, YYYY-MM-DD, Dutch time.' }) period!: string;
  @Field(() => Int, SMALL) wijkcoach!: number | null;
  @Field(() => Int, SMALL) inwoner!: number | null;
}

@ObjectType({ description: 'Stories told per week or month; periods without stories are there with 0.' })
export class StoriesOverTime {
  @Field(() => PeriodUnitEnum) unit!: string;
  @Field(() => Int, SMALL) total!: number | null;
  @Field(() => [TimeBucket]) buckets!: TimeBucket[];
  @Field(() => ChartSuppression, { nullable: true, description: 'Set when small counts are hidden for the caller.' }) suppression!: ChartSuppression | null;
}

@ObjectType()
export class ArchetypeBar {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field() setName!: string;
  @Field(() => Int, { ...SMALL, description: 'Stories of wijkcoaches that chose this archetype.' }) wijkcoach!: number | null;
  @Field(() => Int, { ...SMALL, description: 'Stories of inwoners that chose this archetype.' }) inwoner!: number | null;
}

@ObjectType()
export class ArchetypeDistribution {
  @Field(() => Int, SMALL) wijkcoachTotal!: number | null;
  @Field(() => Int, SMALL) inwonerTotal!: number | null;
  @Field(() => [ArchetypeBar]) archetypes!: ArchetypeBar[];
  @Field(() => ChartSuppression, { nullable: true }) suppression!: ChartSuppression | null;
}

@ObjectType()
export class HeatmapTag {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field() taxonomyKey!: string;
  @Field() taxonomyName!: string;
}

@ObjectType()
export class HeatmapColumn {
  @Field({ description: 'A wijk id, or the first day of a month (YYYY-MM-DD).' }) key!: string;
  @Field() label!: string;
  @Field(() => Int, { ...SMALL, description: 'Stories in this column.' }) total!: number | null;
}

@ObjectType()
export class HeatmapCell {
  @Field(() => ID) tagId!: string;
  @Field() column!: string;
  @Field(() => Int, SMALL) count!: number | null;
}

@ObjectType({ description: 'Stories per tag × wijk or tag × month; cells without stories are left out.' })
export class TagHeatmap {
  @Field(() => HeatmapByEnum) by!: string;
  @Field(() => Int, SMALL) total!: number | null;
  @Field(() => [HeatmapTag]) tags!: HeatmapTag[];
  @Field(() => [HeatmapColumn]) columns!: HeatmapColumn[];
  @Field(() => [HeatmapCell]) cells!: HeatmapCell[];
  @Field(() => ChartSuppression, { nullable: true }) suppression!: ChartSuppression | null;
}

@ObjectType()
export class HistogramBin {
  @Field(() => Int, { description: '0–9: values 0–10, 10–20, …, 90–100.' }) bin!: number;
  @Field(() => Int, SMALL) count!: number | null;
}

@ObjectType()
export class DyadHistogram {
  @Field(() => ID) questionnaireId!: string;
  @Field() questionId!: string;
  @Field() prompt!: string;
  @Field() leftLabel!: string;
  @Field() rightLabel!: string;
  @Field(() => Int, SMALL) answered!: number | null;
  @Field(() => [HistogramBin], { description: 'Bins with answers; empty bins are left out.' }) bins!: HistogramBin[];
  @Field(() => ChartSuppression, { nullable: true }) suppression!: ChartSuppression | null;
}

@ObjectType()
export class DensityCell {
  @Field(() => Int, { description: '0–9, left to right.' }) x!: number;
  @Field(() => Int, { description: '0–9, bottom to top.' }) y!: number;
  @Field(() => Int, SMALL) count!: number | null;
}

@ObjectType()
export class CanvasDensity {
  @Field(() => ID) questionnaireId!: string;
  @Field() questionId!: string;
  @Field() prompt!: string;
  @Field() xLeftLabel!: string;
  @Field() xRightLabel!: string;
  @Field() yBottomLabel!: string;
  @Field() yTopLabel!: string;
  @Field(() => Int, SMALL) answered!: number | null;
  @Field(() => [DensityCell], { description: 'Cells of a 10×10 grid with points; empty cells are left out.' }) cells!: DensityCell[];
  @Field(() => ChartSuppression, { nullable: true }) suppression!: ChartSuppression | null;
}

@ObjectType({ description: 'Whether a difference between two selections is more than chance.' })
export class DifferenceTest {
  @Field(() => String, { nullable: true, description: 'chi-square, fisher-exact or mann-whitney; null with too few stories.' }) method!: string | null;
  @Field(() => Float, { nullable: true }) statistic!: number | null;
  @Field(() => Int, { nullable: true }) df!: number | null;
  @Field(() => Float, { nullable: true }) p!: number | null;
  @Field({ description: 'likely-real, could-be-chance or too-few.' }) verdict!: string;
  @Field({ description: 'The verdict in plain Dutch.' }) explanation!: string;
}

@ObjectType()
export class ComparedItem {
  @Field({ description: 'archetype, tag or choice.' }) group!: string;
  @Field({ description: 'The archetype set, taxonomy or question.' }) groupLabel!: string;
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => Int, SMALL) countA!: number | null;
  @Field(() => Int, SMALL) countB!: number | null;
  @Field(() => Float, { nullable: true }) shareA!: number | null;
  @Field(() => Float, { nullable: true }) shareB!: number | null;
  @Field(() => DifferenceTest) test!: DifferenceTest;
}

@ObjectType()
export class ComparedValues {
  @Field({ description: 'dyad or scale.' }) group!: string;
  @Field() key!: string;
  @Field() label!: string;
  @Field() lowLabel!: string;
  @Field() highLabel!: string;
  @Field(() => Int, SMALL) countA!: number | null;
  @Field(() => Int, SMALL) countB!: number | null;
  @Field(() => Float, { nullable: true }) meanA!: number | null;
  @Field(() => Float, { nullable: true }) meanB!: number | null;
  @Field(() => DifferenceTest) test!: DifferenceTest;
}

@ObjectType({ description: 'Two selections side by side: counts, shares and whether each difference is more than chance.' })
export class SelectionComparison {
  @Field(() => Int, SMALL) totalA!: number | null;
  @Field(() => Int, SMALL) totalB!: number | null;
  @Field(() => [ComparedItem]) items!: ComparedItem[];
  @Field(() => [ComparedValues]) values!: ComparedValues[];
  @Field(() => ChartSuppression, { nullable: true, description: 'Set when small counts and their verdicts are hidden.' }) suppression!: ChartSuppression | null;
}
