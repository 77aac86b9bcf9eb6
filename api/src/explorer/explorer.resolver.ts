import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import type { ExplorerStoryRow } from '@vertelpunt/db';
import { PATTERN_ROLES, STORY_EXPORT_ROLES, STORY_READER_ROLES } from '@vertelpunt/domain';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { decodeCursor, encodeCursor } from '../stories/story-cursor';
import { ExplorerOptions, ExplorerStory, ExplorerStoryConnection, ExportFile, ExportFormatEnum } from './explorer.model';
import { ExplorerService } from './explorer.service';
import { StoryFilterInput, toStoryFilter } from './story-filter.input';
import type { ExportFormat } from './story-export';

const MAX_PAGE = 100;

const toStory = (row: ExplorerStoryRow): ExplorerStory => row;

@Resolver(() => ExplorerStory)
export class ExplorerResolver {
  constructor(private readonly service: ExplorerService) {}

  @Query(() => ExplorerStoryConnection, { description: 'The Verhalen explorer: processed stories of the organisation, filtered, newest first.' })
  async exploreStories(
    @Context() ctx: RequestContext,
    @Args('filter', { type: () => StoryFilterInput, nullable: true }) filter: StoryFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ExplorerStoryConnection> {
    const actor = requireActor(ctx, ...STORY_READER_ROLES);
    const size = Math.min(Math.max(first, 1), MAX_PAGE);
    const page = await this.service.page(actor, toStoryFilter(filter), size, after ? decodeCursor(after) : null);
    const edges = page.stories.map((s) => ({ cursor: encodeCursor(s), node: toStory(s) }));
    return { edges, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  // Labels only (wijken, tags, questions): also the filter choices of Patronen, so managers get them too.
  @Query(() => ExplorerOptions)
  explorerOptions(@Context() ctx: RequestContext) {
    return this.service.options(requireActor(ctx, ...PATTERN_ROLES));
  }

  @Query(() => ExportFile, { description: 'The selected stories as CSV or XLSX, redacted text only; recorded in the audit log.' })
  exportStories(
    @Context() ctx: RequestContext,
    // A string-literal type, so the validation pipe leaves the (GraphQL-checked) enum value alone.
    @Args('format', { type: () => ExportFormatEnum }) format: ExportFormat,
    @Args('filter', { type: () => StoryFilterInput, nullable: true }) filter: StoryFilterInput | null,
  ) {
    return this.service.export(requireActor(ctx, ...STORY_EXPORT_ROLES), toStoryFilter(filter), format);
  }
}
