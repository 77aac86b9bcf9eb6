/**
 * The pages "Meer laden" appended to the explorer's list (with JavaScript), remembered for the list they continue:
 * `search` is the page's query string and `after` the id of the page's own last story when they were loaded. Another
 * filter, or a first page that changed meanwhile (back from a story after new stories came in), starts afresh rather
 * than showing a list with a gap or a story twice.
 */
export type AppendedPages<T> = { search: string | null; after: string | null; stories: T[]; next: string | null };

/** The appended pages if they continue this list, else null. */
export const continuing = <T>(appended: AppendedPages<T>, search: string, firstPage: { id: string }[]) =>
  appended.search === search && appended.after === (firstPage.at(-1)?.id ?? null) ? appended : null;

/**
 * Adds a loaded page after the stories already shown. The keyset cursor should never repeat a story; should one come
 * twice anyway, it is left out, as a keyed Svelte list refuses duplicate keys.
 */
export const appendStories = <T extends { id: string }>(appended: T[], loaded: T[], firstPage: T[] = []) => {
  const shown = new Set([...firstPage, ...appended].map((s) => s.id));
  const added = loaded.filter((s) => !shown.has(s.id));
  return { stories: [...appended, ...added], added: added.length, firstId: added[0]?.id ?? null };
};
