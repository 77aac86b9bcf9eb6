import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuditRepository,
  TagRepository,
  VertelpuntRepository,
  type TagEntity,
  type TaxonomyEntity,
} from '@vertelpunt/db';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { TagRef } from '../processing/story-tag.model';
import { Story } from '../stories/story.model';
import { maySeeRaw } from './raw-access';
import { StoryPermissions, TagDecisionEvent } from './story-page.model';

type StoryRow = Story & { vertelpuntId: string };
const DECISIONS: Record<string, string> = {
  'story.tag.confirm': 'CONFIRM',
  'story.tag.reject': 'REJECT',
  'story.tag.add': 'ADD',
};
const toTagRef = (tag: TagEntity & { taxonomy: TaxonomyEntity }): TagRef => ({
  id: tag.id,
  key: tag.key,
  label: tag.label,
  taxonomyKey: tag.taxonomy.key,
  taxonomyName: tag.taxonomy.name,
});
const mayDecideTags = (roles: string[]) => roles.includes('facilitator') || roles.includes('admin');

/** Story fields the story page (dashboard, issue 6) needs beyond the list. */
@Resolver(() => Story)
export class StoryPageResolver {
  constructor(
    private readonly audit: AuditRepository,
    private readonly tags: TagRepository,
    private readonly vertelpunten: VertelpuntRepository,
  ) {}

  @ResolveField(() => String, { nullable: true, description: 'Name of the vertelpunt the story was told at.' })
  async vertelpuntName(@Parent() story: StoryRow, @Context() ctx: RequestContext) {
    const actor = requireActor(ctx);
    return (await this.vertelpunten.findById(actor.organisationId, story.vertelpuntId))?.name ?? null;
  }

  @ResolveField(() => StoryPermissions)
  permissions(@Parent() story: Story, @Context() ctx: RequestContext): StoryPermissions {
    const actor = requireActor(ctx);
    const seeRaw = maySeeRaw(actor, story);
    return {
      hearAudio: seeRaw && story.audioKey !== null,
      decideTags: mayDecideTags(actor.roles),
      seeUnredacted: seeRaw,
    };
  }

  @ResolveField(() => [TagDecisionEvent], {
    description: 'Tag decisions on this story, newest first; empty for roles that cannot decide.',
  })
  async tagHistory(@Parent() story: Story, @Context() ctx: RequestContext): Promise<TagDecisionEvent[]> {
    const actor = requireActor(ctx);
    if (!mayDecideTags(actor.roles)) return [];
    const rows = await this.audit.tagDecisionsForStory(actor.organisationId, story.id);
    const tags = new Map((await this.tags.allTags(actor.organisationId)).map((t) => [t.id, t]));
    return rows.map((r) => {
      const tag = r.tagId ? tags.get(r.tagId) : undefined;
      return {
        id: r.id,
        decision: DECISIONS[r.action] ?? r.action,
        at: r.createdAt,
        actorName: r.actorName,
        tag: tag ? toTagRef(tag) : null,
      };
    });
  }

  @ResolveField(() => [TagRef], {
    description: 'Tags a facilitator can still add: not on the story, or rejected before.',
  })
  async addableTags(@Parent() story: Story, @Context() ctx: RequestContext): Promise<TagRef[]> {
    const actor = requireActor(ctx);
    if (!mayDecideTags(actor.roles)) return [];
    const present = new Set((await this.tags.forStories(actor.organisationId, [story.id])).map((r) => r.tagId));
    return (await this.tags.allTags(actor.organisationId)).filter((t) => !present.has(t.id)).map(toTagRef);
  }
}
