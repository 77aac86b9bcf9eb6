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

@ObjectType()
export class TimeBucket {
  @Field({ description: 'First day of the week (Monday) or month, YYYY-MM-DD, Dutch time.' }) period!: string;
  @Field(() => Int) wijkcoach!: number;
  @Field(() => Int) inwoner!: number;
}

@ObjectType({ description: 'Stories told per week or month; periods without stories are there with 0.' })
export class StoriesOverTime {
  @Field(() => PeriodUnitEnum) unit!: string;
  @Field(() => Int) total!: number;
  @Field(() => [TimeBucket]) buckets!: TimeBucket[];
}

@ObjectType()
export class ArchetypeBar {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field() setName!: string;
  @Field(() => Int, { description: 'Stories of wijkcoaches that chose this archetype.' }) wijkcoach!: number;
  @Field(() => Int, { description: 'Stories of inwoners that chose this archetype.' }) inwoner!: number;
}

@ObjectType()
export class ArchetypeDistribution {
  @Field(() => Int) wijkcoachTotal!: number;
  @Field(() => Int) inwonerTotal!: number;
  @Field(() => [ArchetypeBar]) archetypes!: ArchetypeBar[];
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
  @Field(() => Int, { description: 'Stories in this column.' }) total!: number;
}

@ObjectType()
export class HeatmapCell {
  @Field(() => ID) tagId!: string;
  @Field() column!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Stories per tag × wijk or tag × month; cells without stories are left out.' })
export class TagHeatmap {
  @Field(() => HeatmapByEnum) by!: string;
  @Field(() => Int) total!: number;
  @Field(() => [HeatmapTag]) tags!: HeatmapTag[];
  @Field(() => [HeatmapColumn]) columns!: HeatmapColumn[];
  @Field(() => [HeatmapCell]) cells!: HeatmapCell[];
}

@ObjectType()
export class HistogramBin {
  @Field(() => Int, { description: '0–9: values 0–10, 10–20, …, 90–100.' }) bin!: number;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class DyadHistogram {
  @Field(() => ID) questionnaireId!: string;
  @Field() questionId!: string;
  @Field() prompt!: string;
  @Field() leftLabel!: string;
  @Field() rightLabel!: string;
  @Field(() => Int) answered!: number;
  @Field(() => [HistogramBin], { description: 'Bins with answers; empty bins are left out.' }) bins!: HistogramBin[];
}

@ObjectType()
export class DensityCell {
  @Field(() => Int, { description: '0–9, left to right.' }) x!: number;
  @Field(() => Int, { description: '0–9, bottom to top.' }) y!: number;
  @Field(() => Int) count!: number;
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
  @Field(() => Int) answered!: number;
  @Field(() => [DensityCell], { description: 'Cells of a 10×10 grid with points; empty cells are left out.' }) cells!: DensityCell[];
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
  @Field(() => Int) countA!: number;
  @Field(() => Int) countB!: number;
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
  @Field(() => Int) countA!: number;
  @Field(() => Int) countB!: number;
  @Field(() => Float, { nullable: true }) meanA!: number | null;
  @Field(() => Float, { nullable: true }) meanB!: number | null;
  @Field(() => DifferenceTest) test!: DifferenceTest;
}

@ObjectType({ description: 'Two selections side by side: counts, shares and whether each difference is more than chance.' })
export class SelectionComparison {
  @Field(() => Int) totalA!: number;
  @Field(() => Int) totalB!: number;
  @Field(() => [ComparedItem]) items!: ComparedItem[];
  @Field(() => [ComparedValues]) values!: ComparedValues[];
}
