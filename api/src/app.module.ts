import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { Request } from 'express';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '@vertelpunt/config';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import { bearerToken, hashToken } from './auth/session-token';
import { OidcModule } from './oidc/oidc.module';
import { ExplorerModule } from './explorer/explorer.module';
import { PatternsModule } from './patterns/patterns.module';
import { PrivacyModule } from './privacy/privacy.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { requestSizeRule } from './common/graphql-limits';
import { RateLimiter, rateLimitSubject } from './common/rate-limiter';
import type { RequestContext } from './common/request-context';
import { REDIS } from './common/tokens';
import { createValidationPipe } from './common/validation.pipe';
import { CoreModule } from './core.module';
import { HealthController } from './health/health.controller';
import { MembersModule } from './members/members.module';
import { MetricsController } from './metrics/metrics.controller';
import { graphqlOperations } from './metrics/metrics';
import { ProcessingModule } from './processing/processing.module';
import { QuestionnairesModule } from './questionnaires/questionnaires.module';
import { StoriesModule } from './stories/stories.module';
import { TafelsModule } from './tafels/tafels.module';
import { StoryPageModule } from './story-page/story-page.module';
import { UploadsModule } from './uploads/uploads.module';
import { VertelpuntenModule } from './vertelpunten/vertelpunten.module';
import { WatTeltModule } from './wat-telt/wat-telt.module';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Module({})
export class AppModule {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, logger),
        AuthModule,
        OidcModule,
        StoriesModule,
        VertelpuntenModule,
        QuestionnairesModule,
        UploadsModule,
        ProcessingModule,
        MembersModule,
        TafelsModule,
        StoryPageModule,
        ExplorerModule,
        WatTeltModule,
        PatternsModule,
        PrivacyModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [AuthService, REDIS],
          useFactory: (auth: AuthService, redis: IORedis) => {
            const limiter = new RateLimiter(redis, config.redis.keyPrefix, config.api.rateLimitPerMinute);
            return {
              autoSchemaFile: true,
              sortSchema: true,
              path: '/graphql',
              graphiql: config.api.graphqlPlayground,
              introspection: config.api.graphqlPlayground,
              includeStacktraceInErrorResponses: config.env === 'development',
              // Hardening: no batched requests; depth, aliases and fields limited before anything runs.
              allowBatchedHttpRequests: false,
              // CSRF (issue 8): a request without a JSON content type (or a preflight-forcing header) is refused, so a
              // form post, a text/plain body or a GET from another site never runs an operation. Apollo's default, stated.
              csrfPrevention: true,
              validationRules: [requestSizeRule()],
              // A DomainError from a field resolver (Story.similarStories for a manager, issue 8) gets its code like any
              // other; without this it came back as INTERNAL_SERVER_ERROR with the raw message of whatever was thrown.
              fieldResolverEnhancers: ['filters'],
              context: async ({ req }: { req: Request }): Promise<RequestContext> => {
                const token = bearerToken(req.header('authorization'));
                const organisationHeader = req.header('x-organisation-id');
                const organisationId =
                  organisationHeader && UUID.test(organisationHeader) ? organisationHeader : undefined;
                // A header that names no organisation is refused, not read as "my first organisation" (issue 8):
                // a person in several organisations must never act in one they did not choose.
                const malformedHeader = Boolean(organisationHeader) && !organisationId;
                const actor = token && !malformedHeader ? await auth.actorFor(token, organisationId).catch(() => null) : null;
                return { req, actor, tokenHash: token ? hashToken(token) : null };
              },
              plugins: [
                {
                  async requestDidStart() {
                    return {
                      async didResolveOperation(rc) {
                        const subject = rateLimitSubject(
                          (rc.contextValue as RequestContext).actor?.userId,
                          rc.request.variables,
                        );
                        if (subject && !(await limiter.allow(subject))) {
                          throw new GraphQLError(
                            'Te veel verzoeken achter elkaar. Wacht een minuut en probeer het dan opnieuw.',
                            {
                              extensions: { code: 'RATE_LIMITED', http: { status: 429 } },
                            },
                          );
                        }
                      },
                      async willSendResponse(rc) {
                        const outcome = rc.errors?.length ? 'error' : 'ok';
                        graphqlOperations.inc({ operation: rc.operationName ?? 'anonymous', outcome });
                      },
                    };
                  },
                },
              ],
            };
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
