import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { HeatmapBy } from '@vertelpunt/db';
import { PATTERN_ROLES, type PeriodUnit } from '@vertelpunt/domain';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { StoryFilterInput, toStoryFilter } from '../explorer/story-filter.input';
import {
  ArchetypeDistribution,
  CanvasDensity,
  DyadHistogram,
  HeatmapByEnum,
  PeriodUnitEnum,
  SelectionComparison,
  StoriesOverTime,
  TagHeatmap,
} from './patterns.model';
import { PatternsService } from './patterns.service';

// Wijkcoaches, facilitators and admins get exact counts; managers get small groups suppressed (PatternsService).
const filterArg = { type: () => StoryFilterInput, nullable: true, description: 'The same selection as the Verhalen explorer.' };

@Resolver()
export class PatternsResolver {
  constructor(private readonly service: PatternsService) {}

  @Query(() => StoriesOverTime, { description: 'Processed stories per week or month, wijkcoach and inwoner apart.' })
  storiesOverTime(
    @Context() ctx: RequestContext,
    @Args('filter', filterArg) filter: StoryFilterInput | null,
    // String-literal types, so the validation pipe leaves the (GraphQL-checked) enum values alone.
    @Args('unit', { type: () => PeriodUnitEnum, defaultValue: PeriodUnitEnum.MONTH }) unit: PeriodUnit,
  ) {
    return this.service.storiesOverTime(requireActor(ctx, ...PATTERN_ROLES), toStoryFilter(filter), unit);
  }

  @Query(() => ArchetypeDistribution, { description: 'How often each archetype was chosen, wijkcoach and inwoner side by side.' })
  archetypeDistribution(@Context() ctx: RequestContext, @Args('filter', filterArg) filter: StoryFilterInput | null) {
    return this.service.archetypeDistribution(requireActor(ctx, ...PATTERN_ROLES), toStoryFilter(filter));
  }

  @Query(() => TagHeatmap, { description: 'How many stories carry each tag, per wijk or per month.' })
  tagHeatmap(
    @Context() ctx: RequestContext,
    @Args('filter', filterArg) filter: StoryFilterInput | null,
    @Args('by', { type: () => HeatmapByEnum }) by: HeatmapBy,
  ) {
    return this.service.tagHeatmap(requireActor(ctx, ...PATTERN_ROLES), toStoryFilter(filter), by);
  }

  @Query(() => [DyadHistogram], { description: 'Per dyad question: answers in ten bins of the slider.' })
  dyadHistograms(@Context() ctx: RequestContext, @Args('filter', filterArg) filter: StoryFilterInput | null) {
    return this.service.dyadHistograms(requireActor(ctx, ...PATTERN_ROLES), toStoryFilter(filter));
  }

  @Query(() => [CanvasDensity], { description: 'Per canvas question: points in a 10×10 grid.' })
  canvasDensity(@Context() ctx: RequestContext, @Args('filter', filterArg) filter: StoryFilterInput | null) {
    return this.service.canvasDensity(requireActor(ctx, ...PATTERN_ROLES), toStoryFilter(filter));
  }

  @Query(() => SelectionComparison, { description: 'Two selections side by side, with whether each difference is more than chance.' })
  compareSelections(
    @Context() ctx: RequestContext,
    @Args('a', { type: () => StoryFilterInput }) a: StoryFilterInput,
    @Args('b', { type: () => StoryFilterInput }) b: StoryFilterInput,
  ) {
    return this.service.compare(requireActor(ctx, ...PATTERN_ROLES), toStoryFilter(a), toStoryFilter(b));
  }
}
