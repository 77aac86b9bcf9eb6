import {
  Args,
  Context,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { TafelInput, TafelInsightInput, TafelInterventionInput } from './tafel.input';
import {
  Tafel,
  TafelBasketItem,
  TafelInsight,
  TafelIntervention,
  TafelPerson,
  TafelSearchHit,
  TafelWijk,
} from './tafel.model';
import { TafelsService } from './tafels.service';

@ObjectType()
export class DiverseStoriesAdded {
  @Field(() => Tafel) tafel!: Tafel;
  @Field(() => [ID], { description: 'The stories added, in pick order.' }) addedStoryIds!: string[];
}

/** ErvaringenTafels: facilitators (and admins) prepare and record them; managers read. */
@Resolver(() => Tafel)
export class TafelsResolver {
  constructor(private readonly service: TafelsService) {}

  @Query(() => [Tafel], { description: 'All Tafels of the organisation, latest date first.' })
  tafels(@Context() ctx: RequestContext) {
    return this.service.list(requireActor(ctx));
  }

  @Query(() => Tafel)
  tafel(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    return this.service.get(requireActor(ctx), id);
  }

  @Query(() => [TafelPerson], { description: 'Members who can lead a Tafel (facilitators and admins).' })
  tafelFacilitators(@Context() ctx: RequestContext) {
    return this.service.facilitators(requireActor(ctx));
  }

  @Query(() => [TafelWijk], { description: 'The wijken a Tafel can be about.' })
  tafelWijken(@Context() ctx: RequestContext) {
    return this.service.wijken(requireActor(ctx));
  }

  @Query(() => [TafelSearchHit], { description: 'READY stories whose anonymised title or text holds every word.' })
  tafelStorySearch(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('text', { defaultValue: '' }) text: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Context() ctx: RequestContext,
  ) {
    return this.service.search(requireActor(ctx), tafelId, text.slice(0, 200), first);
  }

  @ResolveField(() => [TafelBasketItem], { description: 'The basket, in order.' })
  async stories(@Parent() tafel: Tafel, @Context() ctx: RequestContext): Promise<TafelBasketItem[]> {
    const items = await this.service.basket(requireActor(ctx), tafel.id);
    return items.map(({ position, note, ...story }) => ({ position, note, story }));
  }

  @ResolveField(() => [TafelInsight])
  insights(@Parent() tafel: Tafel, @Context() ctx: RequestContext) {
    return this.service.insights(requireActor(ctx), tafel.id);
  }

  @ResolveField(() => [TafelIntervention])
  interventions(@Parent() tafel: Tafel, @Context() ctx: RequestContext) {
    return this.service.interventions(requireActor(ctx), tafel.id);
  }

  @Mutation(() => Tafel)
  createTafel(@Args('input') input: TafelInput, @Context() ctx: RequestContext) {
    return this.service.create(requireActor(ctx), input);
  }

  @Mutation(() => Tafel)
  updateTafel(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: TafelInput,
    @Context() ctx: RequestContext,
  ) {
    return this.service.update(requireActor(ctx), id, input);
  }

  @Mutation(() => Tafel, {
    description: 'Adds a READY story of the organisation at the end of the basket; a story already there stays put.',
  })
  addStoryToTafel(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('storyId', { type: () => ID }) storyId: string,
    @Context() ctx: RequestContext,
  ) {
    return this.service.addStory(requireActor(ctx), tafelId, storyId);
  }

  @Mutation(() => DiverseStoriesAdded, {
    description: '"N verschillende verhalen": adds stories that spread over archetypes, tags and wijken.',
  })
  addDiverseStoriesToTafel(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('count', { type: () => Int }) count: number,
    @Args('seed', { type: () => String, nullable: true, description: 'Same seed and basket, same pick.' })
    seed: string | null,
    @Context() ctx: RequestContext,
  ) {
    return this.service.addDiverse(requireActor(ctx), tafelId, count, seed ?? null);
  }

  @Mutation(() => Tafel)
  removeStoryFromTafel(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('storyId', { type: () => ID }) storyId: string,
    @Context() ctx: RequestContext,
  ) {
    return this.service.removeStory(requireActor(ctx), tafelId, storyId);
  }

  @Mutation(() => Tafel, {
    description: 'Moves one story to a 0-based position (clamped): what the up/down buttons use.',
  })
  moveTafelStory(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('storyId', { type: () => ID }) storyId: string,
    @Args('position', { type: () => Int }) position: number,
    @Context() ctx: RequestContext,
  ) {
    return this.service.moveStory(requireActor(ctx), tafelId, storyId, position);
  }

  @Mutation(() => Tafel, { description: 'Sets the whole order at once; must name every story of the basket once.' })
  reorderTafelStories(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('storyIds', { type: () => [ID] }) storyIds: string[],
    @Context() ctx: RequestContext,
  ) {
    return this.service.reorder(requireActor(ctx), tafelId, storyIds);
  }

  @Mutation(() => Tafel)
  setTafelStoryNote(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('storyId', { type: () => ID }) storyId: string,
    @Args('note') note: string,
    @Context() ctx: RequestContext,
  ) {
    return this.service.setNote(requireActor(ctx), tafelId, storyId, note);
  }

  @Mutation(() => Tafel, {
    description: 'Asks a worker for a new print pack (PDF); `printPack.status` goes pending → ready.',
  })
  requestTafelPrintPack(@Args('tafelId', { type: () => ID }) tafelId: string, @Context() ctx: RequestContext) {
    return this.service.requestPrintPack(requireActor(ctx), tafelId);
  }

  @Mutation(() => Tafel)
  addTafelInsight(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('input') input: TafelInsightInput,
    @Context() ctx: RequestContext,
  ) {
    return this.service.addInsight(requireActor(ctx), tafelId, input);
  }

  @Mutation(() => Tafel)
  updateTafelInsight(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: TafelInsightInput,
    @Context() ctx: RequestContext,
  ) {
    return this.service.updateInsight(requireActor(ctx), tafelId, id, input);
  }

  @Mutation(() => Tafel)
  deleteTafelInsight(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: RequestContext,
  ) {
    return this.service.deleteInsight(requireActor(ctx), tafelId, id);
  }

  @Mutation(() => Tafel)
  addTafelIntervention(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('input') input: TafelInterventionInput,
    @Context() ctx: RequestContext,
  ) {
    return this.service.addIntervention(requireActor(ctx), tafelId, input);
  }

  @Mutation(() => Tafel)
  updateTafelIntervention(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: TafelInterventionInput,
    @Context() ctx: RequestContext,
  ) {
    return this.service.updateIntervention(requireActor(ctx), tafelId, id, input);
  }

  @Mutation(() => Tafel)
  deleteTafelIntervention(
    @Args('tafelId', { type: () => ID }) tafelId: string,
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: RequestContext,
  ) {
    return this.service.deleteIntervention(requireActor(ctx), tafelId, id);
  }
}
