import { Injectable } from '@nestjs/common';
import { extractFeatures } from '@vertelpunt/ml';

const DIMENSIONS = 256;
export const VECTOR_MODEL = `hashed-stems-${DIMENSIONS}-v1`;

/** FNV-1a: a stable 32-bit hash, so every worker process puts a word in the same dimension. */
const fnv1a = (text: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/**
 * The story's words (Dutch stems) hashed into a fixed-length, L2-normalised vector with log term weights.
 * Needs no vocabulary, so vectors made by different workers at different times stay comparable.
 */
export const hashedVector = (text: string): number[] => {
  const vector = new Float64Array(DIMENSIONS);
  const counts = new Map<string, number>();
  for (const key of extractFeatures(text, { stems: true, bigrams: false, charNgrams: null }).keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const [key, count] of counts) {
    const h = fnv1a(key);
    vector[h % DIMENSIONS] += (h & 0x80000000 ? -1 : 1) * (1 + Math.log(count));
  }
  const norm = Math.hypot(...vector) || 1;
  return Array.from(vector, (v) => Math.round((v / norm) * 1e5) / 1e5);
};

@Injectable()
export class StoryVectors {
  vectorize(text: string) {
    return { model: VECTOR_MODEL, values: hashedVector(text) };
  }
}
