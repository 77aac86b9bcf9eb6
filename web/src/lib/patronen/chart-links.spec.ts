import { describe, expect, it } from 'vitest';
import { EMPTY_STORY_FILTER, parseStoryFilter, type StoryFilter } from '@vertelpunt/domain';
import { archetypeHref, periodHref, signifierHref, tagMonthHref, tagWijkHref } from './chart-links';

const TAG = '11111111-1111-4111-8111-111111111111';
const OTHER_TAG_SAME_TAXONOMY = '22222222-2222-4222-8222-222222222222';
const TAG_OTHER_TAXONOMY = '33333333-3333-4333-8333-333333333333';
const WIJK = '44444444-4444-4444-8444-444444444444';
const ARCHETYPE = '55555555-5555-4555-8555-555555555555';

const filter = (partial: Partial<StoryFilter>): StoryFilter => ({ ...EMPTY_STORY_FILTER, ...partial });
/** What the Verhalen explorer will read from the link. */
const opened = (href: string) => {
  const url = new URL(href, 'http://vertelpunt.test');
  return { path: url.pathname, filter: parseStoryFilter(url.searchParams), params: url.searchParams };
};

describe('links from a chart to the stories', () => {
  it('narrows a heatmap cell to its tag and wijk, keeping the rest of the selection', () => {
    const link = opened(
      tagWijkHref(filter({ tellerKind: 'inwoner', from: '2026-01-01' }), TAG, [TAG, OTHER_TAG_SAME_TAXONOMY], WIJK),
    );
    expect(link.path).toBe('/verhalen');
    expect(link.params.getAll('tag')).toEqual([TAG]);
    expect(link.params.getAll('wijk')).toEqual([WIJK]);
    expect(link.filter).toMatchObject({ tellerKind: 'inwoner', from: '2026-01-01' });
  });

  it('replaces a tag of the same taxonomy (any-of would widen) and keeps one of another taxonomy', () => {
    const current = filter({ tagIds: [OTHER_TAG_SAME_TAXONOMY, TAG_OTHER_TAXONOMY] });
    expect(opened(tagWijkHref(current, TAG, [TAG, OTHER_TAG_SAME_TAXONOMY], WIJK)).filter.tagIds).toEqual([
      TAG_OTHER_TAXONOMY,
      TAG,
    ]);
  });

  it('limits a month cell to the overlap of the month and the chosen period', () => {
    expect(opened(tagMonthHref(EMPTY_STORY_FILTER, TAG, [], '2026-02-01')).filter).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(opened(tagMonthHref(filter({ from: '2026-02-10' }), TAG, [], '2026-02-01')).filter).toMatchObject({
      from: '2026-02-10',
      to: '2026-02-28',
    });
  });

  it('links a week bar of one kind of teller, and an archetype bar', () => {
    expect(opened(periodHref(EMPTY_STORY_FILTER, '2026-03-30', 'week', 'wijkcoach')).filter).toMatchObject({
      from: '2026-03-30',
      to: '2026-04-05',
      tellerKind: 'wijkcoach',
    });
    expect(opened(archetypeHref(filter({ archetypeIds: ['x'] }), ARCHETYPE, 'inwoner')).filter).toMatchObject({
      archetypeIds: [ARCHETYPE],
      tellerKind: 'inwoner',
    });
  });

  it('adds a signifier range the explorer can learn to read, without breaking its own parameters', () => {
    const link = opened(
      signifierHref(filter({ wijkIds: [WIJK] }), 'impact', { from: 20, to: 30 }, { from: 90, to: 100 }),
    );
    expect(link.params.get('signaal')).toBe('impact:20-30:90-100');
    expect(link.filter.wijkIds).toEqual([WIJK]);
    expect(signifierHref(EMPTY_STORY_FILTER, 'regie', { from: 0, to: 10 })).toBe('/verhalen?signaal=regie%3A0-10');
  });
});
