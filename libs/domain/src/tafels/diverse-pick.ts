/** What makes stories different from each other for an ErvaringenTafel: who felt how, about what, where. */
export type DiversityCandidate = { id: string; archetypeIds: string[]; tagIds: string[]; wijkId: string | null };

/** A small, seedable PRNG (mulberry32), so the same seed gives the same pick on every machine. */
export const seededRandom = (seed: string): (() => number) => {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const featuresOf = (c: DiversityCandidate): string[] => [
  ...new Set([
    ...c.archetypeIds.map((a) => `a:${a}`),
    ...c.tagIds.map((t) => `t:${t}`),
    ...(c.wijkId ? [`w:${c.wijkId}`] : []),
  ]),
];

/**
 * Greedy diversity pick: each round takes the story that adds the most new archetypes, tags and wijken, with
 * diminishing returns (a feature seen k times is worth 1/(k+1)), so once everything is covered it still spreads
 * instead of repeating. Ties are broken by a seeded shuffle: deterministic for a seed, different for another.
 * `alreadyChosen` (the basket) counts as covered. Returns the ids in pick order; at most `n`.
 */
export const pickDiverse = (
  candidates: readonly DiversityCandidate[],
  n: number,
  seed: string,
  alreadyChosen: readonly DiversityCandidate[] = [],
): string[] => {
  const random = seededRandom(seed);
  const taken = new Set(alreadyChosen.map((c) => c.id));
  const pool = candidates
    .filter((c) => !taken.has(c.id))
    .map((c) => ({ id: c.id, features: featuresOf(c), order: random() }))
    .sort((a, b) => a.order - b.order);
  const seen = new Map<string, number>();
  const note = (features: string[]) => features.forEach((f) => seen.set(f, (seen.get(f) ?? 0) + 1));
  alreadyChosen.forEach((c) => note(featuresOf(c)));

  const picked: string[] = [];
  const left = new Set(pool.map((_, i) => i));
  while (picked.length < n && left.size > 0) {
    let best = -1;
    let bestGain = -1;
    for (const i of left) {
      const gain = pool[i].features.reduce((sum, f) => sum + 1 / ((seen.get(f) ?? 0) + 1), 0);
      if (gain > bestGain + 1e-9) {
        best = i;
        bestGain = gain;
      }
    }
    left.delete(best);
    picked.push(pool[best].id);
    note(pool[best].features);
  }
  return picked;
};

/** How many distinct archetypes, tags and wijken a set of stories covers; used to show and test the spread. */
export const coverageOf = (stories: readonly DiversityCandidate[]) => ({
  archetypes: new Set(stories.flatMap((s) => s.archetypeIds)).size,
  tags: new Set(stories.flatMap((s) => s.tagIds)).size,
  wijken: new Set(stories.flatMap((s) => (s.wijkId ? [s.wijkId] : []))).size,
});
