import { scoreTags, type TaggerModel } from '../tagging';
import { vectorize, type SimilarityVocabulary } from './story-vectors';

/**
 * The vector stored per story: the projected TF-IDF vector (shared words) followed by the story's tag profile
 * (the calibrated score of every tag of each tagger, in model order), the whole L2-normalised. The tag profile
 * brings stories on the same theme together even when they use different words ("huurachterstand" and
 * "deurwaarder" both score high on financiën). `tagWeight` sets the share of the tag profile in the cosine.
 */
export type StoryEmbedder = {
  vocabulary: SimilarityVocabulary;
  taggers: readonly TaggerModel[];
  tagWeight: number;
};

export const DEFAULT_TAG_WEIGHT = 0.6;

export const embeddingDims = (e: Pick<StoryEmbedder, 'vocabulary' | 'taggers'>): number =>
  e.vocabulary.dims + e.taggers.reduce((sum, m) => sum + m.tags.length, 0);

export const embedStory = (e: StoryEmbedder, text: string): Float32Array => {
  const words = vectorize(e.vocabulary, text);
  const out = new Float32Array(embeddingDims(e));
  const wordWeight = Math.sqrt(Math.max(0, 1 - e.tagWeight));
  for (let i = 0; i < words.length; i++) out[i] = words[i] * wordWeight;
  if (e.taggers.length === 0) return out;
  const profile: number[] = [];
  for (const model of e.taggers) profile.push(...scoreTags(model, text));
  const norm = Math.sqrt(profile.reduce((s, x) => s + x * x, 0));
  const tagScale = norm > 0 ? Math.sqrt(e.tagWeight) / norm : 0;
  profile.forEach((x, i) => (out[words.length + i] = x * tagScale));
  // Both parts are unit length scaled by √w and √(1−w), so the result is unit length unless one part is empty.
  let n = 0;
  for (let i = 0; i < out.length; i++) n += out[i] * out[i];
  if (n > 0 && Math.abs(n - 1) > 1e-6) for (let i = 0; i < out.length; i++) out[i] /= Math.sqrt(n);
  return out;
};
