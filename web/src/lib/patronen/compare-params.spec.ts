import { describe, expect, it } from 'vitest';
import { EMPTY_STORY_FILTER, parseStoryFilter } from '@vertelpunt/domain';
import { comparisonFrom, hiddenFilterFields, sideFormValues } from './compare-params';

const NOORD = '44444444-4444-4444-8444-444444444444';
const ZUID = '66666666-6666-4666-8666-666666666666';
const TAG = '11111111-1111-4111-8111-111111111111';

describe('selections A and B in the URL', () => {
  it('compares nothing until the compare form was sent', () => {
    expect(comparisonFrom(EMPTY_STORY_FILTER, new URLSearchParams('a-wijk=x'))).toBeNull();
  });

  it('gives each side its own wijk and period on top of the base selection', () => {
    const params = new URLSearchParams(
      `tag=${TAG}&van=2026-01-01&vergelijk=1&a-wijk=${NOORD}&b-wijk=${ZUID}&b-van=2026-03-01`,
    );
    const comparison = comparisonFrom(parseStoryFilter(params), params)!;
    expect(comparison.a).toMatchObject({ wijkIds: [NOORD], tagIds: [TAG], from: '2026-01-01' });
    expect(comparison.b).toMatchObject({ wijkIds: [ZUID], tagIds: [TAG], from: '2026-03-01' });
  });

  it('ignores empty side fields and drops a date that means nothing', () => {
    const params = new URLSearchParams(`vergelijk=1&a-wijk=&a-van=gisteren&b-teller=inwoner`);
    const comparison = comparisonFrom(EMPTY_STORY_FILTER, params)!;
    expect(comparison.a).toMatchObject({ wijkIds: [], from: null });
    expect(comparison.b.tellerKind).toBe('inwoner');
    expect(sideFormValues(params, 'b')).toEqual({ van: '', tot: '', wijk: '', teller: 'inwoner' });
  });

  it('carries the base selection’s other parameters as hidden fields', () => {
    const filter = parseStoryFilter(new URLSearchParams(`tag=${TAG}&wijk=${NOORD}&van=2026-01-01`));
    expect(hiddenFilterFields(filter, ['van', 'tot', 'wijk', 'teller'])).toEqual([['tag', TAG]]);
  });
});
