import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { UserRepository } from '@vertelpunt/db';
import { DEFAULT_THEME } from '@vertelpunt/domain';
import type { RequestContext } from '../common/request-context';
import { requireActor } from '../common/require-actor';
import { LoginInput, LoginResult, Me } from './auth.model';
import { AuthService } from './auth.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserRepository,
  ) {}

  @Mutation(() => LoginResult)
  login(@Args('input') input: LoginInput): Promise<LoginResult> {
    return this.auth.login(input.email, input.password);
  }

  @Mutation(() => Boolean)
  async logout(@Context() ctx: RequestContext): Promise<boolean> {
    if (ctx.tokenHash) await this.auth.logout(ctx.tokenHash);
    return true;
  }

  @Query(() => Me)
  async me(@Context() ctx: RequestContext): Promise<Me> {
    const actor = requireActor(ctx);
    const user = await this.users.findById(actor.userId);
    const memberships = await this.users.memberships(actor.userId);
    return {
      id: actor.userId,
      name: user?.name ?? '',
      email: user?.email ?? '',
      memberships: memberships.map((m) => ({
        roles: m.roles,
        organisation: {
          id: m.organisation.id,
          name: m.organisation.name,
          slug: m.organisation.slug,
          theme: { ...DEFAULT_THEME, ...m.organisation.theme },
        },
      })),
    };
  }
}
