import { Field, Float, ID, InputType, Int, ObjectType, createUnionType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GOAL_STATUSES, THIRD_PERSPECTIVE_ROLES, type GoalStatus, type ThirdPerspectiveRole } from '@vertelpunt/domain';
import { FieldProblem, Wijk } from '../stories/story.model';

@ObjectType()
export class WatTeltLeefgebiedModel {
  @Field() key!: string;
  @Field() label!: string;
}

@ObjectType({ description: "The organisation's Wat telt board; isDefault when it uses the default cards." })
export class WatTeltBoardModel {
  @Field(() => [WatTeltLeefgebiedModel]) leefgebieden!: WatTeltLeefgebiedModel[];
  @Field() isDefault!: boolean;
  @Field(() => [Wijk]) wijken!: Wijk[];
  @Field(() => [String], { description: 'Teams named on clients, for selections.' }) teams!: string[];
}

@ObjectType()
export class WatTeltPositionsModel {
  @Field() leefgebied!: string;
  @Field(() => Float, { nullable: true }) inwoner!: number | null;
  @Field(() => Float, { nullable: true }) professional!: number | null;
  @Field(() => Float, { nullable: true }) derde!: number | null;
}

@ObjectType()
export class WatTeltMeasurementModel {
  @Field(() => ID) id!: string;
  @Field() measuredOn!: string;
  @Field(() => Int) rapportcijfer!: number;
  @Field(() => String, { nullable: true }) thirdRole!: ThirdPerspectiveRole | null;
  @Field() note!: string;
  @Field() source!: string;
  @Field(() => String, { nullable: true }) professionalName!: string | null;
  @Field(() => [WatTeltPositionsModel], { description: 'The chosen leefgebieden, in board order.' }) leefgebieden!: WatTeltPositionsModel[];
}

@ObjectType('WatTeltMeasurementRecorded')
export class WatTeltMeasurementRecorded {
  @Field(() => WatTeltMeasurementModel) measurement!: WatTeltMeasurementModel;
}

@ObjectType('WatTeltMeasurementRejected', { description: 'Nothing was stored; each problem names its field (rapportcijfer, leefgebieden.<key>.<perspective>, goals.<i>.text, …).' })
export class WatTeltMeasurementRejected {
  @Field(() => [FieldProblem]) problems!: FieldProblem[];
}

export const RecordWatTeltMeasurementResult = createUnionType({
  name: 'RecordWatTeltMeasurementResult',
  types: () => [WatTeltMeasurementRecorded, WatTeltMeasurementRejected] as const,
  resolveType: (value: WatTeltMeasurementRecorded | WatTeltMeasurementRejected) => ('measurement' in value ? WatTeltMeasurementRecorded : WatTeltMeasurementRejected),
});

@ObjectType()
export class WatTeltGoalStatusChangeModel {
  @Field() status!: string;
  @Field() changedOn!: string;
}

@ObjectType()
export class WatTeltGoalModel {
  @Field(() => ID) id!: string;
  @Field() leefgebied!: string;
  @Field() text!: string;
  @Field() status!: string;
  @Field(() => [WatTeltGoalStatusChangeModel]) history!: WatTeltGoalStatusChangeModel[];
}

@ObjectType()
export class WatTeltClientModel {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field(() => String, { nullable: true }) team!: string | null;
  @Field(() => Int) measurementCount!: number;
  @Field(() => String, { nullable: true }) lastMeasuredOn!: string | null;
  // Resolved by field resolvers: wijk, measurements, goals.
  organisationId!: string;
  wijkId!: string | null;
}

@InputType()
export class CreateWatTeltClientInput {
  @Field() @IsString() @MaxLength(64) code!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() wijkId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(80) team?: string | null;
}

@InputType()
export class WatTeltPositionsInput {
  @Field() @IsString() @MaxLength(64) leefgebied!: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() inwoner?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() professional?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() derde?: number | null;
}

@InputType()
export class WatTeltGoalInput {
  @Field() @IsString() @MaxLength(64) leefgebied!: string;
  @Field() @IsString() @MaxLength(600) text!: string;
  @Field(() => String, { defaultValue: 'open' }) @IsIn(GOAL_STATUSES, { message: 'Kies open, bezig, bereikt of gestopt.' }) status!: GoalStatus;
}

@InputType()
export class WatTeltGoalUpdateInput {
  @Field(() => ID) @IsUUID() goalId!: string;
  @Field(() => String) @IsIn(GOAL_STATUSES, { message: 'Kies open, bezig, bereikt of gestopt.' }) status!: GoalStatus;
}

@InputType()
export class RecordWatTeltMeasurementInput {
  @Field(() => ID) @IsUUID() clientId!: string;
  @Field() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul een datum in als jjjj-mm-dd.' }) measuredOn!: string;
  @Field(() => Int) @IsInt({ message: 'Het rapportcijfer is een heel getal van 1 tot en met 10.' }) rapportcijfer!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsIn(THIRD_PERSPECTIVE_ROLES) thirdRole?: ThirdPerspectiveRole | null;
  @Field({ defaultValue: '' }) @IsString() @MaxLength(2000) note!: string;
  @Field(() => [WatTeltPositionsInput]) @IsArray() @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => WatTeltPositionsInput) leefgebieden!: WatTeltPositionsInput[];
  @Field(() => [WatTeltGoalInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => WatTeltGoalInput) goals!: WatTeltGoalInput[];
  @Field(() => [WatTeltGoalUpdateInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => WatTeltGoalUpdateInput) goalUpdates!: WatTeltGoalUpdateInput[];
}

@InputType()
export class WatTeltLeefgebiedInput {
  @Field() @IsString() @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Een sleutel bestaat uit kleine letters, cijfers en streepjes.' }) key!: string;
  @Field() @IsString() @MaxLength(60) label!: string;
}

@InputType()
export class ImportWatTeltInput {
  @Field() @IsString() @MaxLength(900_000, { message: 'Het bestand is groter dan 900 kB. Splits het in kleinere bestanden.' }) csv!: string;
  @Field({ defaultValue: false, description: 'Import the valid rows even when other rows have problems.' }) @IsBoolean() validRowsOnly!: boolean;
}

@ObjectType()
export class WatTeltImportRowModel {
  @Field(() => Int) line!: number;
  @Field() clientCode!: string;
  @Field() measuredOn!: string;
  @Field(() => [String]) problems!: string[];
}

@ObjectType()
export class WatTeltImportResultModel {
  @Field({ description: 'False when nothing was changed.' }) imported!: boolean;
  @Field(() => Int) measurementsImported!: number;
  @Field(() => Int) clientsCreated!: number;
  @Field(() => Int) validRows!: number;
  @Field(() => Int) invalidRows!: number;
  @Field(() => [String]) fileProblems!: string[];
  @Field(() => [WatTeltImportRowModel]) rows!: WatTeltImportRowModel[];
}

@InputType()
export class WatTeltImpactSelectionInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) from?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) to?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() wijkId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(80) team?: string | null;
}

@ObjectType()
export class HistogramBucketModel {
  @Field() key!: string;
  @Field(() => Float, { nullable: true }) from!: number | null;
  @Field(() => Float, { nullable: true }) to!: number | null;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class DistributionModel {
  @Field(() => Int) n!: number;
  @Field(() => Float) min!: number;
  @Field(() => Float) q1!: number;
  @Field(() => Float) median!: number;
  @Field(() => Float) q3!: number;
  @Field(() => Float) max!: number;
  @Field(() => Float) mean!: number;
  @Field(() => [HistogramBucketModel]) buckets!: HistogramBucketModel[];
}

const SUPPRESSED = 'True when the figure rests on fewer inwoners than the minimum: every other field is null ("te weinig gegevens").';

@ObjectType()
export class GuardedCountModel {
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
  @Field(() => Int, { nullable: true }) value?: number;
}

@ObjectType()
export class ChangeFigureModel {
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
  @Field(() => Int, { nullable: true }) n?: number;
  @Field(() => Int, { nullable: true }) improved?: number;
  @Field(() => Int, { nullable: true }) stable?: number;
  @Field(() => Int, { nullable: true }) declined?: number;
  @Field(() => DistributionModel, { nullable: true }) distribution?: DistributionModel | null;
}

@ObjectType()
export class LeefgebiedChangeModel {
  @Field() leefgebied!: string;
  @Field() label!: string;
  @Field(() => ChangeFigureModel) change!: ChangeFigureModel;
}

@ObjectType()
export class GoalFiguresModel {
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
  @Field(() => Int, { nullable: true }) inwoners?: number;
  @Field(() => Int, { nullable: true }) total?: number;
  @Field(() => Int, { nullable: true }) open?: number;
  @Field(() => Int, { nullable: true }) bezig?: number;
  @Field(() => Int, { nullable: true }) bereikt?: number;
  @Field(() => Int, { nullable: true }) gestopt?: number;
}

@ObjectType()
export class PerspectiveGapModel {
  @Field() leefgebied!: string;
  @Field() label!: string;
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
  @Field(() => Int, { nullable: true }) n?: number;
  @Field(() => DistributionModel, { nullable: true, description: 'Inwoner minus professional on the latest measurement with both.' }) distribution?: DistributionModel | null;
}

@ObjectType({ description: 'Aggregates only, never client-level data; small groups are suppressed here, before anything leaves the API.' })
export class WatTeltImpactModel {
  @Field(() => Float, { description: 'A change of at least this many points counts as improved or declined.' }) threshold!: number;
  @Field(() => Int) minGroupSize!: number;
  @Field(() => GuardedCountModel) inwonersWithFollowUp!: GuardedCountModel;
  @Field(() => ChangeFigureModel) rapportcijfer!: ChangeFigureModel;
  @Field(() => [LeefgebiedChangeModel]) leefgebieden!: LeefgebiedChangeModel[];
  @Field(() => GoalFiguresModel) goals!: GoalFiguresModel;
  @Field(() => [PerspectiveGapModel]) perspectiveGap!: PerspectiveGapModel[];
}

export enum ImpactReportFormatEnum {
  XLSX = 'XLSX',
  PDF = 'PDF',
}
registerEnumType(ImpactReportFormatEnum, { name: 'ImpactReportFormat' });

@ObjectType({ description: 'The impact report as a file: the same suppressed figures as watTeltImpact, with the rules stated.' })
export class WatTeltImpactReportModel {
  @Field() filename!: string;
  @Field() mimeType!: string;
  @Field() contentBase64!: string;
}

@ObjectType()
export class ImpactStoryMonthModel {
  @Field({ description: 'jjjj-mm' }) month!: string;
  @Field(() => Int) stories!: number;
}

@ObjectType()
export class ImpactArchetypeCountModel {
  @Field() label!: string;
  @Field(() => Int) stories!: number;
}

@ObjectType()
export class ImpactInterventionModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'Date of the Tafel where the action was agreed (jjjj-mm-dd).' }) date!: string;
  @Field() tafel!: string;
  @Field() action!: string;
  @Field() owner!: string;
  @Field() status!: string;
  @Field(() => String, { nullable: true }) dueDate!: string | null;
}

export enum TrendPeriodEnum {
  MONTH = 'month',
  QUARTER = 'quarter',
}
registerEnumType(TrendPeriodEnum, { name: 'TrendPeriod' });

const STORIES_SUPPRESSED = 'True when the figure rests on fewer stories than the minimum group: the numbers are null ("te weinig gegevens").';

@ObjectType()
export class TagTrendPeriodModel {
  @Field({ description: 'jjjj-mm, or jjjj-Kn for a quarter.' }) key!: string;
  @Field({ description: STORIES_SUPPRESSED }) suppressed!: boolean;
  @Field(() => Int, { nullable: true }) stories!: number | null;
}

@ObjectType()
export class TagTrendModel {
  @Field(() => ID) tagId!: string;
  @Field() label!: string;
  @Field() taxonomy!: string;
  @Field(() => [Int], { nullable: 'items', description: 'Stories with the tag per period, in the order of periods; null where the period is suppressed.' })
  counts!: (number | null)[];
  @Field(() => Int, { description: 'Over the periods that are shown.' }) total!: number;
}

@ObjectType({ description: 'Tags (werkzame elementen, leefgebieden) per month or quarter for the stories of the selection.' })
export class TagTrendsModel {
  @Field(() => TrendPeriodEnum) by!: TrendPeriodEnum;
  @Field(() => Int, { description: 'Minimum of stories in a period (MIN_GROUP_SIZE).' }) minGroupSize!: number;
  @Field(() => [TagTrendPeriodModel]) periods!: TagTrendPeriodModel[];
  @Field(() => [TagTrendModel]) tags!: TagTrendModel[];
}

@ObjectType({ description: 'The story side of the impact view for a period and wijk: stories per month, archetypes, tag trends, Tafel interventions.' })
export class WatTeltStorySideModel {
  @Field(() => [ImpactStoryMonthModel]) months!: ImpactStoryMonthModel[];
  @Field(() => [ImpactArchetypeCountModel]) archetypes!: ImpactArchetypeCountModel[];
  @Field(() => TagTrendsModel) tagTrends!: TagTrendsModel;
  @Field(() => [ImpactInterventionModel]) interventions!: ImpactInterventionModel[];
}

@ObjectType({ description: 'One archetype or tag in the stories before and after an intervention date.' })
export class EffectItemModel {
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => Int) countBefore!: number;
  @Field(() => Int) countAfter!: number;
  @Field(() => Float, { nullable: true, description: '0–1 of the stories in the window.' }) shareBefore!: number | null;
  @Field(() => Float, { nullable: true }) shareAfter!: number | null;
  @Field({ description: 'likely-real, could-be-chance or too-few (chi-square, or Fisher for small counts).' }) verdict!: string;
  @Field() explanation!: string;
}

@ObjectType()
export class EffectStoriesModel {
  @Field({ description: STORIES_SUPPRESSED }) suppressed!: boolean;
  @Field(() => Int, { nullable: true }) before?: number;
  @Field(() => Int, { nullable: true }) after?: number;
  @Field(() => [EffectItemModel], { nullable: true }) archetypes?: EffectItemModel[];
  @Field(() => [EffectItemModel], { nullable: true }) tags?: EffectItemModel[];
}

@ObjectType()
export class EffectRapportcijferModel {
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
  @Field(() => Int, { nullable: true }) inwonersBefore?: number;
  @Field(() => Int, { nullable: true }) inwonersAfter?: number;
  @Field(() => Int, { nullable: true }) measurementsBefore?: number;
  @Field(() => Int, { nullable: true }) measurementsAfter?: number;
  @Field(() => Float, { nullable: true }) meanBefore?: number;
  @Field(() => Float, { nullable: true }) meanAfter?: number;
  @Field({ nullable: true, description: 'Mann-Whitney on the rapportcijfers of both windows.' }) verdict?: string;
  @Field({ nullable: true }) explanation?: string;
}

@ObjectType()
export class EffectFollowedModel {
  @Field({ description: SUPPRESSED }) suppressed!: boolean;
  @Field(() => Int, { nullable: true }) n?: number;
  @Field(() => Int, { nullable: true }) improved?: number;
  @Field(() => Int, { nullable: true }) stable?: number;
  @Field(() => Int, { nullable: true }) declined?: number;
}

@ObjectType()
export class DateWindowModel {
  @Field({ description: 'jjjj-mm-dd' }) from!: string;
  @Field({ description: 'jjjj-mm-dd, inclusive' }) to!: string;
}

@ObjectType({ description: 'Stories and Wat telt in a window before and after the date of a Tafel intervention, with a verdict in plain Dutch.' })
export class WatTeltInterventionEffectModel {
  @Field(() => ImpactInterventionModel) intervention!: ImpactInterventionModel;
  @Field(() => Int) months!: number;
  @Field(() => Int, { description: 'Minimum of inwoners on each side (WAT_TELT_MIN_GROUP_SIZE).' }) minGroupSize!: number;
  @Field(() => Int, { description: 'Minimum of stories on each side (MIN_GROUP_SIZE).' }) minStories!: number;
  @Field(() => DateWindowModel) before!: DateWindowModel;
  @Field(() => DateWindowModel) after!: DateWindowModel;
  @Field(() => EffectStoriesModel) stories!: EffectStoriesModel;
  @Field(() => EffectRapportcijferModel) rapportcijfer!: EffectRapportcijferModel;
  @Field(() => EffectFollowedModel, { description: 'Inwoners with a measurement in both windows: latest after against latest before.' }) followed!: EffectFollowedModel;
  @Field(() => [String]) summary!: string[];
}
