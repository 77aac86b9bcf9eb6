import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditRepository } from '@vertelpunt/db';
import type { Actor, RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { Story } from '../stories/story.model';
import { maySeeRaw } from './raw-access';
import { UnredactedStory } from './story-page.model';

type RawStory = Story & {
  text: string | null;
  transcript: string | null;
  transcriptSegments: { startMs: number; endMs: number; text: string }[] | null;
};

/**
 * Every field that gives out a story before anonymising, in one place with one rule: only the teller and
 * admins, and every read that returns something is audited (issue 6).
 */
@Resolver(() => Story)
export class RawStoryResolver {
  constructor(private readonly audit: AuditRepository) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'The raw typed text: only for its teller and admins; audited.',
  })
  async text(@Parent() story: RawStory, @Context() ctx: RequestContext) {
    return this.read(requireActor(ctx), story, 'story.text.read', story.text);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The raw transcript: only for its teller and admins; audited.',
  })
  async transcript(@Parent() story: RawStory, @Context() ctx: RequestContext) {
    return this.read(requireActor(ctx), story, 'story.transcript.read', story.transcript);
  }

  @ResolveField(() => UnredactedStory, {
    nullable: true,
    description: 'The story before anonymising; null for everyone but the teller and admins. Every read is audited.',
  })
  async unredacted(@Parent() story: RawStory, @Context() ctx: RequestContext): Promise<UnredactedStory | null> {
    const value = {
      title: story.title,
      text: story.text,
      transcript: story.transcript,
      segments: story.transcriptSegments,
    };
    return this.read(requireActor(ctx), story, 'story.unredacted.read', value);
  }

  private async read<T>(actor: Actor, story: RawStory, action: string, value: T | null): Promise<T | null> {
    if (value === null || !maySeeRaw(actor, story)) return null;
    await this.audit.record({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action,
      subjectType: 'story',
      subjectId: story.id,
    });
    return value;
  }
}
