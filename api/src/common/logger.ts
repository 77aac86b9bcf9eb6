import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import type { Config } from '@vertelpunt/config';

export const createLogger = (config: Config, app: string): Logger =>
  pino({
    level: config.log.level,
    base: { app },
    // Story text never goes into logs; these keys are blanked wherever they appear.
    redact: { paths: ['*.password', '*.token', '*.text', 'req.headers.authorization', 'req.headers.cookie'], censor: '[weg]' },
  });

/** Nest's own messages as structured JSON lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
