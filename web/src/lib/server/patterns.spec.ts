import { describe, expect, it } from 'vitest';
import { EMPTY_STORY_FILTER, parseStoryFilter } from '@vertelpunt/domain';
import { PATTERNS, toFilterInput } from './patterns';

describe('the /patronen request', () => {
  it('sends the URL filter as the API’s StoryFilterInput, with the length unit as its GraphQL enum', () => {
    const filter = parseStoryFilter(new URLSearchParams('lengte=woorden&min=50&teller=inwoner'));
    expect(toFilterInput(filter)).toMatchObject({ tellerKind: 'inwoner', length: { unit: 'WORDS', min: 50, max: null } });
    expect(toFilterInput(EMPTY_STORY_FILTER).length).toBeNull();
  });

  it('asks for the comparison only when both selections are given', () => {
    expect(PATTERNS).toContain('compareSelections(a: $a, b: $b) @include(if: $compare)');
  });
});
