import { coverageOf, pickDiverse, seededRandom, type DiversityCandidate } from './diverse-pick';

const story = (id: string, archetypeIds: string[], tagIds: string[], wijkId: string | null): DiversityCandidate => ({
  id,
  archetypeIds,
  tagIds,
  wijkId,
});

/** 30 stories: most are about money in Noord with the same archetype; a few differ. */
const candidates: DiversityCandidate[] = [
  ...Array.from({ length: 24 }, (_, i) => story(`same-${i}`, ['held'], ['financien'], 'noord')),
  story('zuid-zorg', ['twijfelaar'], ['zorg'], 'zuid'),
  story('oost-wonen', ['verbinder'], ['wonen'], 'oost'),
  story('west-werk', ['doorzetter', 'held'], ['werk', 'financien'], 'west'),
  story('noord-eenzaam', ['twijfelaar'], ['sociale-contacten'], 'noord'),
  story('zonder-wijk', ['verbinder'], ['zorg', 'wonen'], null),
  story('centrum-jeugd', ['held'], ['opvoeding'], 'centrum'),
];

describe('pickDiverse', () => {
  it('spreads over archetypes, tags and wijken instead of taking the common kind', () => {
    const ids = pickDiverse(candidates, 6, 'tafel-1');
    const chosen = candidates.filter((c) => ids.includes(c.id));
    expect(ids.filter((id) => id.startsWith('same-')).length).toBeLessThanOrEqual(1);
    expect(coverageOf(chosen).wijken).toBeGreaterThanOrEqual(5);
    expect(coverageOf(chosen).archetypes).toBe(4);
    expect(coverageOf(chosen).tags).toBeGreaterThanOrEqual(6);
  });

  it('covers more than a seeded random pick of the same size', () => {
    const random = seededRandom('vergelijk');
    const shuffled = [...candidates].sort(() => random() - 0.5).slice(0, 5);
    const greedy = candidates.filter((c) => pickDiverse(candidates, 5, 'vergelijk').includes(c.id));
    const total = (s: DiversityCandidate[]) => Object.values(coverageOf(s)).reduce((a, b) => a + b, 0);
    expect(total(greedy)).toBeGreaterThan(total(shuffled));
  });

  it('gives the same pick for the same seed and may differ for another seed among equals', () => {
    expect(pickDiverse(candidates, 8, 'a')).toEqual(pickDiverse(candidates, 8, 'a'));
    const equals = Array.from({ length: 20 }, (_, i) => story(`gelijk-${i}`, ['held'], ['zorg'], 'noord'));
    const picks = new Set(['a', 'b', 'c', 'd', 'e'].map((seed) => pickDiverse(equals, 1, seed)[0]));
    expect(picks.size).toBeGreaterThan(1);
  });

  it('treats stories already in the basket as covered and never picks them again', () => {
    const basket = [candidates.find((c) => c.id === 'zuid-zorg')!];
    const ids = pickDiverse(candidates, 5, 'x', basket);
    expect(ids).not.toContain('zuid-zorg');
    // twijfelaar/zorg/zuid are covered, so the other twijfelaar story is not the first pick.
    expect(ids[0]).not.toBe('noord-eenzaam');
  });

  it('returns at most n, and everything when fewer stories are left', () => {
    expect(pickDiverse(candidates, 3, 's')).toHaveLength(3);
    expect(pickDiverse(candidates.slice(0, 2), 5, 's')).toHaveLength(2);
    expect(pickDiverse([], 5, 's')).toEqual([]);
    expect(pickDiverse(candidates, 0, 's')).toEqual([]);
  });

  it('keeps spreading once everything is covered (no story twice)', () => {
    const ids = pickDiverse(candidates, candidates.length, 'alles');
    expect(new Set(ids).size).toBe(candidates.length);
  });
});
