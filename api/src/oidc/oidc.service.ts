import { Inject, Injectable } from '@nestjs/common';
import type { Config, OidcConfig } from '@vertelpunt/config';
import { OidcIdentityRepository, OrganisationRepository } from '@vertelpunt/db';
import { DomainError } from '@vertelpunt/domain';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import * as oidc from 'openid-client';
import { AuthService } from '../auth/auth.service';
import { LOGGER } from '../common/logger.provider';
import { CONFIG, DATA_SOURCE } from '../common/tokens';
import type { LoginOptions, OidcLoginFinishInput, OidcLoginResult, OidcLoginStart } from './oidc.model';
import { rolesFromClaim } from './roles-claim';

const OFF = 'Inloggen via een andere dienst staat niet aan.';
const failed = (label: string) => `Inloggen met ${label} is niet gelukt. Probeer het opnieuw vanaf de inlogpagina.`;

/**
 * OpenID Connect sign-in (issue 8): authorization code flow with PKCE, state and nonce, through `openid-client`.
 * The web app keeps state, nonce and code verifier in an httpOnly cookie between start and finish; this service
 * checks them against the provider's answer and ID token, links the subject to an account and starts a session.
 */
@Injectable()
export class OidcService {
  private discovered: Promise<oidc.Configuration> | null = null;
  private readonly identities: OidcIdentityRepository;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DATA_SOURCE) dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly auth: AuthService,
  ) {
    this.identities = new OidcIdentityRepository(dataSource);
  }

  options(): LoginOptions {
    return { oidc: this.config.oidc ? { label: this.config.oidc.label } : null };
  }

  async start(): Promise<OidcLoginStart> {
    const settings = this.settings();
    const configuration = await this.configuration(settings);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUrl,
      scope: settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { authorizationUrl: url.href, state, nonce, codeVerifier };
  }

  async finish(input: OidcLoginFinishInput): Promise<OidcLoginResult> {
    const settings = this.settings();
    const configuration = await this.configuration(settings);
    let claims: oidc.IDToken;
    try {
      const callback = new URL(input.callbackUrl);
      // Only the provider's answer (code, state, iss) counts; the address itself must be ours.
      if (`${callback.origin}${callback.pathname}` !== settings.redirectUrl) throw new Error('callback is not the redirect URL');
      const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: input.codeVerifier,
        expectedState: input.state,
        expectedNonce: input.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      claims = idClaims;
      // The e-mail and name may come only from the userinfo endpoint.
      if (typeof claims.email !== 'string' && tokens.access_token) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        claims = { ...info, ...claims, email: info.email, email_verified: info.email_verified, name: info.name };
      }
    } catch (err) {
      // Wrong state or nonce, a replayed or forged code, a bad signature: all the same to the person signing in.
      this.logger.warn({ err: { name: (err as Error).name, message: (err as Error).message, code: (err as { code?: string }).code } }, 'oidc sign-in refused');
      throw new DomainError('UNAUTHENTICATED', failed(settings.label));
    }
    if (typeof claims.email !== 'string' || claims.email.length === 0) {
      throw new DomainError('UNAUTHENTICATED', `${failed(settings.label)} Deze dienst gaf geen e-mailadres door.`);
    }
    const signedIn = await this.identities.signIn({
      issuer: claims.iss,
      subject: claims.sub,
      email: claims.email,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === 'string' ? claims.name : '',
    });
    if (signedIn.kind === 'emailTaken') {
      throw new DomainError(
        'CONFLICT',
        'Er bestaat al een account met dit e-mailadres, en de inlogdienst heeft het adres niet bevestigd. Vraag een beheerder om hulp.',
      );
    }
    const user = signedIn.user;
    if (user.disabled) throw new DomainError('UNAUTHENTICATED', 'Dit account is uitgeschakeld. Vraag een beheerder om hulp.');
    const organisation = await this.organisations.findBySlug(settings.organisationSlug);
    const claimedRoles = settings.rolesClaim ? rolesFromClaim(claims[settings.rolesClaim]) : null;
    if (organisation && claimedRoles !== null) {
      await this.identities.setRoles(organisation.id, user.id, claimedRoles);
      this.auth.forgetUser(user.id);
    }
    // Without a role in any organisation a session would open nothing; the web app says an admin must give one.
    const memberships = await this.auth.memberships(user.id);
    if (!memberships.some((m) => m.roles.length > 0)) return { token: null, expiresAt: null, user, hasRoles: false };
    return { ...(await this.auth.startSession(user.id)), user, hasRoles: true };
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new DomainError('NOT_FOUND', OFF);
    return this.config.oidc;
  }

  /** The provider's metadata, read once; a failed read is tried again on the next sign-in. */
  private configuration(settings: OidcConfig): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        settings.allowHttp && settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        this.discovered = null;
        throw err;
      });
    return this.discovered;
  }
}
