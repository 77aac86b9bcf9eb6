/**
 * The web app's part of CSRF protection (issue 8), next to SvelteKit's origin check on form actions and the
 * SameSite=Lax session cookie: a Fetch Metadata resource-isolation policy. Another site may link to us (a person
 * follows a link from an e-mail: a top-level GET navigation), but it may not post to us, load our downloads or audio
 * as a subresource (`<img>`, `<audio>`, `fetch`), or frame us. Browsers without Fetch Metadata are held to their
 * `Origin` on anything but GET/HEAD, and must send one with a form post (what SvelteKit's own check asks; that check is
 * off in svelte.config.js so that this refusal, in the user's language, is the one people see).
 */
export type RequestFacts = {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  secFetchMode: string | null;
  secFetchDest: string | null;
  contentType: string | null;
};

const READS = new Set(['GET', 'HEAD']);
/** What an HTML form can send without asking, so what another site can make a browser post. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const isFormType = (contentType: string | null) =>
  FORM_TYPES.includes(contentType?.split(';')[0].trim().toLowerCase() ?? '');

export const refusesCrossSite = (facts: RequestFacts, ownOrigin: string): boolean => {
  const method = facts.method.toUpperCase();
  const site = facts.secFetchSite?.toLowerCase() ?? null;
  if (site === null) {
    if (READS.has(method) || method === 'OPTIONS') return false;
    return facts.origin === null ? isFormType(facts.contentType) : facts.origin !== ownOrigin;
  }
  if (site === 'same-origin' || site === 'none') return false;
  const navigation = facts.secFetchMode === 'navigate' && facts.secFetchDest === 'document';
  return !(READS.has(method) && navigation);
};

export const requestFacts = (request: Request): RequestFacts => ({
  method: request.method,
  origin: request.headers.get('origin'),
  secFetchSite: request.headers.get('sec-fetch-site'),
  secFetchMode: request.headers.get('sec-fetch-mode'),
  secFetchDest: request.headers.get('sec-fetch-dest'),
  contentType: request.headers.get('content-type'),
});
