import { Catch, HttpException, Inject, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError } from '@vertelpunt/domain';
import { LOGGER } from './logger.provider';

/** One place where expected failures become GraphQL errors with `extensions.code`; the rest hides its details. */
@Catch()
export class DomainErrorFilter implements GqlExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost) {
    if (error instanceof DomainError) {
      return new GraphQLError(error.message, { extensions: { code: error.code, fields: error.fields } });
    }
    if (error instanceof GraphQLError) return error;
    if (host.getType<string>() === 'http' && error instanceof HttpException) {
      const response = host.switchToHttp().getResponse();
      response.status(error.getStatus()).json({ error: error.message });
      return undefined;
    }
    this.logger.error({ err: error }, 'unexpected error');
    return new GraphQLError('Er ging iets mis aan onze kant. Probeer het later opnieuw.', { extensions: { code: 'INTERNAL' } });
  }
}
