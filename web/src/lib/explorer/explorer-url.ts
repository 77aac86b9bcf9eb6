import { parseStoryFilter, storyFilterToSearchParams, type StoryFilter } from '@vertelpunt/domain';

/** The URL parameter for the keyset cursor of the next page. */
export const CURSOR_PARAM = 'na';
// Cursors are short opaque strings; anything longer is not one of ours.
const MAX_CURSOR_LENGTH = 512;

export const cursorFrom = (params: URLSearchParams): string | null => {
  const value = params.get(CURSOR_PARAM);
  return value && value.length <= MAX_CURSOR_LENGTH ? value : null;
};

/**
 * The clean query string for a URL: the filter in its canonical order without empty fields (a plain GET form
 * sends every field), plus the cursor. Null when the URL is clean already.
 */
export const canonicalSearch = (url: URL): string | null => {
  const params = storyFilterToSearchParams(parseStoryFilter(url.searchParams));
  const cursor = cursorFrom(url.searchParams);
  if (cursor) params.set(CURSOR_PARAM, cursor);
  const clean = params.toString();
  return clean === url.searchParams.toString() ? null : clean;
};

/**
 * Query strings (without `?`) the page needs for a filter: the next page, the exports, the same filter without
 * "zoals dit". The page puts them behind `resolve('/verhalen')`.
 */
export const explorerLinks = (filter: StoryFilter, nextCursor: string | null) => {
  const base = storyFilterToSearchParams(filter);
  const next = new URLSearchParams(base);
  if (nextCursor) next.set(CURSOR_PARAM, nextCursor);
  const exportOf = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams(base);
    params.set('formaat', format);
    return params.toString();
  };
  return {
    first: base.toString(),
    next: nextCursor ? next.toString() : null,
    csv: exportOf('csv'),
    xlsx: exportOf('xlsx'),
    withoutSimilar: storyFilterToSearchParams({ ...filter, similarTo: null }).toString(),
  };
};

/** The query for "verhalen zoals dit" at one story, keeping the rest of the filter. */
export const similarQuery = (filter: StoryFilter, storyId: string) =>
  storyFilterToSearchParams({ ...filter, similarTo: storyId }).toString();

/** The filter as the API's StoryFilterInput (GraphQL enums are upper case). */
export const toFilterInput = (filter: StoryFilter) => ({
  ...filter,
  length: filter.length ? { ...filter.length, unit: filter.length.unit === 'words' ? 'WORDS' : 'SECONDS' } : null,
});
