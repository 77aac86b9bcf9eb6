import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganisationRepository } from '@vertelpunt/db';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { Wijk } from '../stories/story.model';
import type { ImpactReportFormat } from './impact-report';
import { ImpactService } from './impact.service';
import {
  CreateWatTeltClientInput,
  ImportWatTeltInput,
  RecordWatTeltMeasurementInput,
  RecordWatTeltMeasurementResult,
  WatTeltBoardModel,
  WatTeltClientModel,
  WatTeltGoalModel,
  ImpactReportFormatEnum,
  WatTeltImpactModel,
  WatTeltImpactReportModel,
  WatTeltImpactSelectionInput,
  WatTeltStorySideModel,
  WatTeltInterventionEffectModel,
  TrendPeriodEnum,
  WatTeltImportResultModel,
  WatTeltLeefgebiedInput,
  WatTeltMeasurementModel,
} from './wat-telt.model';
import { WatTeltService } from './wat-telt.service';

/** Who registers conversations; managers see aggregates only (watTeltImpact). */
const REGISTERS = ['wijkcoach', 'admin'] as const;

@Resolver(() => WatTeltClientModel)
export class WatTeltResolver {
  constructor(
    private readonly service: WatTeltService,
    private readonly impactService: ImpactService,
    private readonly organisations: OrganisationRepository,
  ) {}

  @Query(() => WatTeltBoardModel, { description: "The organisation's leefgebieden, wijken and teams." })
  async watTeltBoard(@Context() ctx: RequestContext) {
    const actor = requireActor(ctx, ...REGISTERS, 'manager');
    // Team names only, never clients: a manager needs them to choose a selection.
    const [board, wijken, teams] = await Promise.all([
      this.service.board(actor.organisationId),
      this.organisations.wijken(actor.organisationId),
      this.service.teams(actor.organisationId),
    ]);
    return { ...board, wijken, teams };
  }

  @Mutation(() => WatTeltBoardModel, { description: 'Admins: replace the cards; an empty list returns to the default.' })
  async setWatTeltLeefgebieden(@Args('leefgebieden', { type: () => [WatTeltLeefgebiedInput] }) leefgebieden: WatTeltLeefgebiedInput[], @Context() ctx: RequestContext) {
    const actor = requireActor(ctx, 'admin');
    const board = await this.service.setLeefgebieden(actor, leefgebieden);
    return { ...board, wijken: await this.organisations.wijken(actor.organisationId), teams: [] };
  }

  @Query(() => [WatTeltClientModel])
  watTeltClients(@Context() ctx: RequestContext) {
    return this.service.listClients(requireActor(ctx, ...REGISTERS));
  }

  @Query(() => WatTeltClientModel)
  watTeltClient(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    return this.service.clientSummary(requireActor(ctx, ...REGISTERS), id);
  }

  @Mutation(() => WatTeltClientModel)
  createWatTeltClient(@Args('input') input: CreateWatTeltClientInput, @Context() ctx: RequestContext) {
    return this.service.createClient(requireActor(ctx, ...REGISTERS), input);
  }

  @Mutation(() => RecordWatTeltMeasurementResult)
  recordWatTeltMeasurement(@Args('input') input: RecordWatTeltMeasurementInput, @Context() ctx: RequestContext) {
    return this.service.recordMeasurement(requireActor(ctx, ...REGISTERS), input);
  }

  @Mutation(() => WatTeltImportResultModel, { description: 'CSV import; with problems nothing changes unless validRowsOnly.' })
  importWatTelt(@Args('input') input: ImportWatTeltInput, @Context() ctx: RequestContext) {
    return this.service.import(requireActor(ctx, ...REGISTERS), input);
  }

  @Query(() => WatTeltImpactModel, { description: 'Managers and admins: aggregates with small-group suppression.' })
  watTeltImpact(@Args('selection', { type: () => WatTeltImpactSelectionInput, nullable: true }) selection: WatTeltImpactSelectionInput | null, @Context() ctx: RequestContext) {
    return this.impactService.impact(requireActor(ctx, 'manager', 'admin'), selection ?? {});
  }

  @ResolveField(() => Wijk, { nullable: true })
  async wijk(@Parent() c: WatTeltClientModel) {
    return c.wijkId ? ((await this.organisations.wijkenByIds(c.organisationId, [c.wijkId]))[0] ?? null) : null;
  }

  @ResolveField(() => [WatTeltMeasurementModel], { description: 'Oldest first.' })
  measurements(@Parent() c: WatTeltClientModel) {
    return this.service.measurementsOf(c.organisationId, c.id);
  }

  @ResolveField(() => [WatTeltGoalModel])
  goals(@Parent() c: WatTeltClientModel) {
    return this.service.goalsOf(c.organisationId, c.id);
  }

  @Query(() => WatTeltImpactReportModel, { description: 'Managers and admins: the impact report (XLSX or PDF) for a selection, suppressed as watTeltImpact.' })
  watTeltImpactReport(
    @Args('selection', { type: () => WatTeltImpactSelectionInput, nullable: true }) selection: WatTeltImpactSelectionInput | null,
    @Args('format', { type: () => ImpactReportFormatEnum }) format: ImpactReportFormat,
    @Context() ctx: RequestContext,
    @Args('tagTrendsBy', { type: () => TrendPeriodEnum, nullable: true }) by: TrendPeriodEnum | null,
    @Args('interventionId', { type: () => ID, nullable: true, description: 'Adds before/after around this Tafel intervention.' }) interventionId: string | null,
    @Args('months', { type: () => Int, nullable: true }) months: number | null,
  ) {
    return this.impactService.report(requireActor(ctx, 'manager', 'admin'), selection ?? {}, format, { by, interventionId, months });
  }

  @Query(() => WatTeltStorySideModel, { description: 'Managers and admins: stories per month, archetypes, tag trends and Tafel interventions for a period and wijk.' })
  watTeltStorySide(
    @Args('selection', { type: () => WatTeltImpactSelectionInput, nullable: true }) selection: WatTeltImpactSelectionInput | null,
    @Args('tagTrendsBy', { type: () => TrendPeriodEnum, nullable: true, description: 'Month or quarter; by default month, quarter beyond a year.' }) by: TrendPeriodEnum | null,
    @Context() ctx: RequestContext,
  ) {
    return this.impactService.storySide(requireActor(ctx, 'manager', 'admin'), selection ?? {}, by);
  }

  @Query(() => WatTeltInterventionEffectModel, {
    description: 'Managers and admins: stories and Wat telt in the months before and after a Tafel intervention, for the wijk and team of the selection.',
  })
  watTeltInterventionEffect(
    @Args('interventionId', { type: () => ID }) interventionId: string,
    @Args('selection', { type: () => WatTeltImpactSelectionInput, nullable: true }) selection: WatTeltImpactSelectionInput | null,
    @Args('months', { type: () => Int, nullable: true, description: 'Window on each side, 1–12 months (default 3).' }) months: number | null,
    @Context() ctx: RequestContext,
  ) {
    return this.impactService.interventionEffect(requireActor(ctx, 'manager', 'admin'), selection ?? {}, interventionId, months);
  }
}
