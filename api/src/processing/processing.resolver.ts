import { Args, Context, Field, Float, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { TagRepository, type StoryEntity } from '@vertelpunt/db';
import { STORY_READER_ROLES } from '@vertelpunt/domain';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { Story } from '../stories/story.model';
import { ProcessingService } from './processing.service';
import { SimilarStoriesService } from './similar-stories.service';
import { ProcessingOverview, StoryTag, TagDecision, TranscriptSegmentModel } from './story-tag.model';

const asStory = (s: StoryEntity) => s as unknown as Story;

@ObjectType()
export class SimilarStory {
  @Field(() => Story) story!: Story;
  @Field(() => Float, { description: 'Cosine similarity of the story vectors, 0..1.' }) score!: number;
}
type StoryRow = Story & { transcript: string | null; redactedTitle: string | null; redactedSegments: TranscriptSegmentModel[] | null; audioDurationMs: number | null };

/** What the workers made of a story, and the people's corrections to it. */
@Resolver(() => Story)
export class ProcessingResolver {
  constructor(
    private readonly service: ProcessingService,
    private readonly tagRepository: TagRepository,
    private readonly similar: SimilarStoriesService,
  ) {}

  @ResolveField(() => [SimilarStory], { description: '"Verhalen zoals dit": READY stories of the same organisation with similar content.' })
  async similarStories(@Parent() story: Story, @Context() ctx: RequestContext, @Args('first', { type: () => Int, defaultValue: 5 }) first: number) {
    // Other people's stories: not for managers, even on a story they told themselves (myStories).
    const actor = requireActor(ctx, ...STORY_READER_ROLES);
    const hits = await this.similar.similarTo(actor.organisationId, story.id, Math.min(Math.max(first, 1), 20));
    return hits.map((h) => ({ story: asStory(h.story), score: h.score }));
  }

  @Query(() => ProcessingOverview, { description: 'Admins: the processing queues and failed stories.' })
  processingOverview(@Context() ctx: RequestContext) {
    return this.service.overview(requireActor(ctx, 'admin'));
  }

  @Mutation(() => Story, { description: 'Admins: process a FAILED story again from the step that failed.' })
  async retryStory(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    return asStory(await this.service.retry(requireActor(ctx, 'admin'), id));
  }

  @Mutation(() => Story)
  async decideStoryTag(
    @Args('storyId', { type: () => ID }) storyId: string,
    @Args('tagId', { type: () => ID }) tagId: string,
    // Typed as the literal union, not the enum: with the enum as design type the global ValidationPipe
    // validated the plain string as a class instance and refused every decision.
    @Args('decision', { type: () => TagDecision }) decision: `${TagDecision}`,
    @Context() ctx: RequestContext,
  ) {
    return asStory(await this.service.decide(requireActor(ctx, 'facilitator', 'admin'), storyId, tagId, decision));
  }

  @Mutation(() => Story)
  async addStoryTag(@Args('storyId', { type: () => ID }) storyId: string, @Args('tagId', { type: () => ID }) tagId: string, @Context() ctx: RequestContext) {
    return asStory(await this.service.decide(requireActor(ctx, 'facilitator', 'admin'), storyId, tagId, 'ADD'));
  }

  @ResolveField(() => [StoryTag], { description: 'Suggested and confirmed tags (rejected ones are left out).' })
  async tags(@Parent() story: Story, @Context() ctx: RequestContext): Promise<StoryTag[]> {
    const actor = requireActor(ctx);
    const rows = await this.tagRepository.forStories(actor.organisationId, [story.id]);
    return rows.map((r) => ({
      source: r.source,
      state: r.state,
      score: r.score,
      why: r.why,
      tag: { id: r.tag.id, key: r.tag.key, label: r.tag.label, taxonomyKey: r.tag.taxonomy.key, taxonomyName: r.tag.taxonomy.name },
    }));
  }

  @ResolveField(() => String, { nullable: true, description: 'Anonymised title; what the dashboard shows.' })
  redactedTitle(@Parent() story: StoryRow) {
    return story.redactedTitle;
  }

  @ResolveField(() => [TranscriptSegmentModel], { nullable: true, description: 'Anonymised transcript segments with times, for the player.' })
  redactedSegments(@Parent() story: StoryRow) {
    return story.redactedSegments;
  }

  @ResolveField(() => Number, { nullable: true })
  audioDurationMs(@Parent() story: StoryRow) {
    return story.audioDurationMs;
  }

  // `transcript` (raw, audited) is resolved with the other raw fields in story-page/raw-story.resolver.ts.
}
