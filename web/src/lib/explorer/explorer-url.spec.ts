import { describe, expect, it } from 'vitest';
import { EMPTY_STORY_FILTER, parseStoryFilter } from '@vertelpunt/domain';
import { canonicalSearch, cursorFrom, explorerLinks, similarQuery, toFilterInput } from './explorer-url';

const TAG = '22222222-2222-4222-8222-222222222222';

describe('explorer URLs', () => {
  it('cleans what a plain GET form sends', () => {
    const url = new URL(`http://x/verhalen?zoek=schulden&van=&tot=&teller=&lengte=woorden&min=&max=&tag=${TAG}`);
    expect(canonicalSearch(url)).toBe(`zoek=schulden&tag=${TAG}`);
  });

  it('leaves a clean URL alone and keeps the cursor', () => {
    expect(canonicalSearch(new URL(`http://x/verhalen?zoek=schulden&tag=${TAG}`))).toBeNull();
    expect(canonicalSearch(new URL('http://x/verhalen'))).toBeNull();
    expect(canonicalSearch(new URL('http://x/verhalen?na=abc&zoek=x'))).toBe('zoek=x&na=abc');
  });

  it('ignores cursors that cannot be ours', () => {
    expect(cursorFrom(new URLSearchParams(`na=${'a'.repeat(600)}`))).toBeNull();
  });

  it('builds next-page, export and "zoals dit" links that keep the filter', () => {
    const filter = parseStoryFilter(new URLSearchParams(`zoek=post&tag=${TAG}`));
    const links = explorerLinks(filter, 'cur');
    expect(links.next).toBe(`zoek=post&tag=${TAG}&na=cur`);
    expect(links.csv).toBe(`zoek=post&tag=${TAG}&formaat=csv`);
    expect(similarQuery(filter, 's1')).toBe(`zoek=post&tag=${TAG}&zoalsdit=s1`);
    expect(explorerLinks(EMPTY_STORY_FILTER, null)).toMatchObject({
      first: '',
      next: null,
      xlsx: 'formaat=xlsx',
    });
  });

  it('sends the length unit as the GraphQL enum', () => {
    expect(toFilterInput({ ...EMPTY_STORY_FILTER, length: { unit: 'seconds', min: 1, max: null } }).length).toEqual({
      unit: 'SECONDS',
      min: 1,
      max: null,
    });
  });
});
