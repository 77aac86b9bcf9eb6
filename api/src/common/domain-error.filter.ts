import { Catch, HttpException, Inject, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '@vertelpunt/domain';
import { LOGGER } from './logger.provider';

/** invalid_text_representation (22P02) and character_not_in_repertoire (22021, a NUL byte). */
const UNREADABLE_INPUT = new Set(['22P02', '22021']);

/** One place where expected failures become GraphQL errors with `extensions.code`; the rest hides its details. */
@Catch()
export class DomainErrorFilter implements GqlExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost) {
    if (error instanceof DomainError) {
      return new GraphQLError(error.message, { extensions: { code: error.code, fields: error.fields } });
    }
    if (error instanceof GraphQLError) return error;
    // Input Postgres cannot even read (an id that is no uuid, a NUL byte in a search): the caller's mistake, not ours.
    // Found by the security suite (issue 8): these used to come back as INTERNAL.
    if (error instanceof QueryFailedError && UNREADABLE_INPUT.has((error.driverError as { code?: string }).code ?? '')) {
      return new GraphQLError('Deze invoer is niet geldig.', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    if (host.getType<string>() === 'http' && error instanceof HttpException) {
      const response = host.switchToHttp().getResponse();
      response.status(error.getStatus()).json({ error: error.message });
      return undefined;
    }
    this.logger.error({ err: error }, 'unexpected error');
    return new GraphQLError('Er ging iets mis aan onze kant. Probeer het later opnieuw.', { extensions: { code: 'INTERNAL' } });
  }
}
