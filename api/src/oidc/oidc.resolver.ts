import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { LoginOptions, OidcLoginFinishInput, OidcLoginResult, OidcLoginStart } from './oidc.model';
import { OidcService } from './oidc.service';

/** Public by nature: these are how a person without a session gets one. */
@Resolver()
export class OidcResolver {
  constructor(private readonly oidc: OidcService) {}

  @Query(() => LoginOptions, { description: 'How one can sign in here besides e-mail and password.' })
  loginOptions(): LoginOptions {
    return this.oidc.options();
  }

  @Mutation(() => OidcLoginStart, { description: 'Starts an OpenID Connect sign-in (PKCE, state, nonce).' })
  startOidcLogin(): Promise<OidcLoginStart> {
    return this.oidc.start();
  }

  @Mutation(() => OidcLoginResult, { description: "Finishes it with the provider's answer; a wrong state or nonce is refused." })
  finishOidcLogin(@Args('input') input: OidcLoginFinishInput): Promise<OidcLoginResult> {
    return this.oidc.finish(input);
  }
}
