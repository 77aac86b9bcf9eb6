import 'reflect-metadata';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import type { Config } from '@vertelpunt/config';
import { AppModule } from './app.module';
import { refuseCrossSite } from './common/cross-site';
import { createLogger, PinoNestLogger } from './common/logger';
import { requestLogging } from './common/request-logging';
import { AudioIntakeService } from './uploads/audio-intake.service';
import { createTusServer } from './uploads/tus-server';

/** The API answers machines, never renders pages: nothing may be sniffed, framed, cached or sent on as referrer. */
const securityHeaders = (_req: Request, res: Response, next: () => void) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Builds the API without listening, so tests run the same app as production. */
/**
 * Node closes an idle keep-alive connection after 5 s, while clients (the web server's fetch, a reverse proxy) keep
 * theirs open about as long: a request sent just as the server closes gets ECONNRESET. The server waits longer than
 * any client, so the client always closes first.
 */
const keepConnectionsLongerThanClients = (server: Server) => {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
};

export const createApp = async (config: Config) => {
  const logger = createLogger(config, 'api');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.use(securityHeaders);
  app.use(requestLogging(logger));
  // CSRF (issue 8): nothing a page of another site sends reaches GraphQL, uploads or downloads.
  app.use(refuseCrossSite);
  const tus = createTusServer(config, app.get(AudioIntakeService));
  // Express strips the mount path; tus routes on the full URL.
  app.use('/uploads', (req: Request, res: Response) => {
    req.url = req.originalUrl;
    void tus.handle(req, res);
  });
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  keepConnectionsLongerThanClients(app.getHttpServer() as Server);
  return { app, logger };
};
