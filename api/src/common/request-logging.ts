import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { httpDuration } from '../metrics/metrics';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Gives every request an id (kept from `x-request-id` when sane), logs one JSON line when it ends, and times it. */
export const requestLogging = (logger: Logger) => (req: Request & { id?: string }, res: Response, next: NextFunction) => {
  const incoming = req.header('x-request-id');
  req.id = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', req.id);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = req.path.startsWith('/graphql') ? '/graphql' : req.path;
    httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
    logger.info({ requestId: req.id, method: req.method, path: route, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
  });
  next();
};
