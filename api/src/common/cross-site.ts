import type { NextFunction, Request, Response } from 'express';

export const CROSS_SITE_MESSAGE = 'Verzoeken vanaf een andere website worden geweigerd.';

/**
 * Whether a browser says this request comes from a page of another site (issue 8, CSRF; Fetch Metadata). The API
 * authenticates only by `Authorization: Bearer`, which browsers never attach by themselves, and its callers are
 * servers (the web app, which holds the session cookie and checks Origin itself) and, in development, GraphiQL on its
 * own origin; so any page of another site is refused outright. `Origin` alone is no sign: SvelteKit's server-side
 * fetch sends the web app's origin, and Apollo's CSRF prevention already stops what old browsers could send.
 */
export const isCrossSite = (secFetchSite: string | undefined): boolean => {
  const site = secFetchSite?.toLowerCase();
  return site !== undefined && site !== 'same-origin' && site !== 'none';
};

/** Express middleware in front of everything (GraphQL, tus uploads, audio, print packs). */
export const refuseCrossSite = (req: Request, res: Response, next: NextFunction): void => {
  if (!isCrossSite(req.header('sec-fetch-site'))) return next();
  res
    .status(403)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message: CROSS_SITE_MESSAGE, extensions: { code: 'FORBIDDEN' } }] }));
};
