import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { AddMemberInput, Member, MemberWithPassword, SetMemberRolesInput } from './member.model';
import { MembersService } from './members.service';

/** Beheer → Gebruikers. Admins only; everything within the admin's organisation. */
@Resolver(() => Member)
export class MembersResolver {
  constructor(private readonly service: MembersService) {}

  @Query(() => [Member])
  members(@Context() ctx: RequestContext) {
    return this.service.list(requireActor(ctx, 'admin'));
  }

  @Mutation(() => MemberWithPassword, { description: 'A new account gets a temporary password, shown once.' })
  addMember(@Args('input') input: AddMemberInput, @Context() ctx: RequestContext) {
    return this.service.add(requireActor(ctx, 'admin'), input);
  }

  @Mutation(() => Member)
  setMemberRoles(@Args('input') input: SetMemberRolesInput, @Context() ctx: RequestContext) {
    return this.service.setRoles(requireActor(ctx, 'admin'), input.userId, input.roles);
  }

  @Mutation(() => MemberWithPassword, { description: 'A new temporary password; every session of the person ends.' })
  resetMemberPassword(@Args('userId', { type: () => ID }) userId: string, @Context() ctx: RequestContext) {
    return this.service.resetPassword(requireActor(ctx, 'admin'), userId);
  }

  @Mutation(() => Member)
  unlockMember(@Args('userId', { type: () => ID }) userId: string, @Context() ctx: RequestContext) {
    return this.service.unlock(requireActor(ctx, 'admin'), userId);
  }

  @Mutation(() => Boolean)
  removeMember(@Args('userId', { type: () => ID }) userId: string, @Context() ctx: RequestContext) {
    return this.service.remove(requireActor(ctx, 'admin'), userId);
  }
}
