import type { RequestHandler } from './$types';

/** Liveness for the web container: answers without asking the API, so a slow API does not restart us. */
export const GET: RequestHandler = () =>
  new Response('ok', {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
