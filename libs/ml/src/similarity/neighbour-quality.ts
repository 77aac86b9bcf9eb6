import type { TaggingEvalCase } from '../tagging/evaluate-tagger';
import { SimilarityIndex } from './similarity-index';
import { vectorize, type SimilarityVocabulary } from './story-vectors';

export type NeighbourQuality = {
  /** Share of (story, neighbour) pairs among each story's top k that share at least one label. */
  rate: number;
  /** The same share for random pairs of labelled stories: what "no better than chance" would score. */
  chance: number;
  k: number;
  stories: number;
};

/**
 * How often a story's k nearest neighbours share a label (e.g. a leefgebied) with it, next to chance. Stories
 * without labels for `labelKey` are left out as queries and as neighbours.
 */
export const neighbourQuality = (
  embed: SimilarityVocabulary | ((text: string) => Float32Array),
  cases: readonly TaggingEvalCase[],
  labelKey: string,
  k = 5,
): NeighbourQuality => {
  const toVector = typeof embed === 'function' ? embed : (text: string) => vectorize(embed, text);
  const labelled = cases.filter((c) => (c.labels[labelKey] ?? []).length > 0);
  const labels = new Map(labelled.map((c) => [c.id, new Set(c.labels[labelKey])]));
  const shares = (a: string, b: string) => [...(labels.get(a) ?? [])].some((l) => labels.get(b)?.has(l));
  const vectors = labelled.map((c) => toVector(c.text));
  const index = new SimilarityIndex(vectors[0]?.length ?? 1, labelled.length);
  labelled.forEach((c, i) => index.add(c.id, vectors[i]));
  let hits = 0;
  let pairs = 0;
  for (const c of labelled) {
    for (const n of index.searchById(c.id, k)) {
      pairs++;
      if (shares(c.id, n.id)) hits++;
    }
  }
  let chanceHits = 0;
  let chancePairs = 0;
  for (const a of labelled) {
    for (const b of labelled) {
      if (a.id === b.id) continue;
      chancePairs++;
      if (shares(a.id, b.id)) chanceHits++;
    }
  }
  return {
    rate: pairs === 0 ? 0 : hits / pairs,
    chance: chancePairs === 0 ? 0 : chanceHits / chancePairs,
    k,
    stories: labelled.length,
  };
};
