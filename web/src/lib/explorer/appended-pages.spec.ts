import { describe, expect, it } from 'vitest';
import { appendStories, continuing } from './appended-pages';

const cards = (...ids: string[]) => ids.map((id) => ({ id }));

describe('appendStories', () => {
  it('puts a loaded page after the stories already appended and names the first new one', () => {
    expect(appendStories(cards('c', 'd'), cards('e', 'f'), cards('a', 'b'))).toEqual({ stories: cards('c', 'd', 'e', 'f'), added: 2, firstId: 'e' });
  });

  it('leaves out stories already on the page, from the first page too', () => {
    expect(appendStories(cards('c'), cards('b', 'c', 'd'), cards('a', 'b'))).toEqual({ stories: cards('c', 'd'), added: 1, firstId: 'd' });
  });

  it('has no first new story when the page brought nothing new', () => {
    expect(appendStories([], cards('a'), cards('a'))).toEqual({ stories: [], added: 0, firstId: null });
  });

});

describe('continuing', () => {
  const appended = { search: '?wijk=1', after: 'b', stories: cards('c'), next: 'cursor' };

  it('keeps the appended pages for the same filter and the same first page', () => {
    expect(continuing(appended, '?wijk=1', cards('a', 'b'))).toBe(appended);
  });

  it('starts afresh for another filter or when the first page changed', () => {
    expect(continuing(appended, '?wijk=2', cards('a', 'b'))).toBeNull();
    expect(continuing(appended, '?wijk=1', cards('new', 'a'))).toBeNull();
  });
});
