import { mayReadStories, seesAggregatesOnly } from './access';

describe('story access by role (issue 8)', () => {
  it('lets wijkcoaches, facilitators and admins read stories, not managers', () => {
    expect(mayReadStories(['wijkcoach'])).toBe(true);
    expect(mayReadStories(['facilitator'])).toBe(true);
    expect(mayReadStories(['admin'])).toBe(true);
    expect(mayReadStories(['manager'])).toBe(false);
    expect(mayReadStories([])).toBe(false);
  });

  it('keeps the wider rights of a manager who is also a facilitator', () => {
    expect(mayReadStories(['manager', 'facilitator'])).toBe(true);
    expect(seesAggregatesOnly(['manager', 'facilitator'])).toBe(false);
    expect(seesAggregatesOnly(['manager'])).toBe(true);
  });
});
