import { TopK, type SimilarStory } from './story-vectors';

/**
 * In-memory "verhalen zoals dit" over many stories: one pass of dot products over a contiguous array. A scan is
 * memory-bound, so vectors are stored as int8 with one float scale per vector (a quarter of float32: 100,000
 * stories × 285 dims ≈ 28 MB); the rounding changes a cosine by well under 0.01. Vectors must be L2-normalised
 * (as `vectorize` and `embedStory` return them), so the dot product is the cosine.
 */
export class SimilarityIndex {
  private data: Int8Array;
  private scales: Float32Array;
  private ids: string[] = [];
  private readonly slots = new Map<string, number>();

  constructor(
    readonly dims: number,
    initialCapacity = 1024,
  ) {
    const capacity = Math.max(1, initialCapacity);
    this.data = new Int8Array(dims * capacity);
    this.scales = new Float32Array(capacity);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** Adds or replaces the vector of `id`. */
  add(id: string, vector: ArrayLike<number>): void {
    if (vector.length !== this.dims) throw new Error(`Vector has ${vector.length} dimensions, index has ${this.dims}`);
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      if (slot >= this.scales.length) {
        const grown = new Int8Array(this.data.length * 2);
        grown.set(this.data);
        this.data = grown;
        const scales = new Float32Array(this.scales.length * 2);
        scales.set(this.scales);
        this.scales = scales;
      }
      this.ids.push(id);
      this.slots.set(id, slot);
    }
    let max = 0;
    for (let i = 0; i < this.dims; i++) max = Math.max(max, Math.abs(vector[i]));
    const q = max > 0 ? 127 / max : 0;
    const base = slot * this.dims;
    for (let i = 0; i < this.dims; i++) this.data[base + i] = Math.round(vector[i] * q);
    this.scales[slot] = max > 0 ? max / 127 : 0;
  }

  /** Removes `id`; the last vector moves into its slot, so removal is O(dims). */
  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    const last = this.ids.length - 1;
    if (slot !== last) {
      this.data.copyWithin(slot * this.dims, last * this.dims, (last + 1) * this.dims);
      this.scales[slot] = this.scales[last];
      const movedId = this.ids[last];
      this.ids[slot] = movedId;
      this.slots.set(movedId, slot);
    }
    this.ids.pop();
    this.slots.delete(id);
    return true;
  }

  /** The stored vector (after int8 rounding). */
  vectorOf(id: string): Float32Array | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined) return undefined;
    const scale = this.scales[slot];
    return Float32Array.from(this.data.subarray(slot * this.dims, (slot + 1) * this.dims), (x) => x * scale);
  }

  /**
   * The k most similar stories, best first. `exclude` leaves ids out (the query story itself); `accept` filters
   * (e.g. one organisation, a wijk), checked only for candidates that would enter the top k.
   */
  search(
    query: ArrayLike<number>,
    k = 10,
    options: { exclude?: ReadonlySet<string>; accept?: (id: string) => boolean } = {},
  ): SimilarStory[] {
    const top = new TopK(k);
    const d = this.dims;
    const data = this.data;
    const scales = this.scales;
    const q = Float32Array.from(query);
    const d4 = d - (d % 4);
    for (let slot = 0, n = this.ids.length; slot < n; slot++) {
      const base = slot * d;
      let a = 0,
        b = 0,
        c = 0,
        e = 0;
      for (let i = 0; i < d4; i += 4) {
        a += q[i] * data[base + i];
        b += q[i + 1] * data[base + i + 1];
        c += q[i + 2] * data[base + i + 2];
        e += q[i + 3] * data[base + i + 3];
      }
      for (let i = d4; i < d; i++) a += q[i] * data[base + i];
      const dot = (a + b + c + e) * scales[slot];
      if (dot <= top.floor) continue;
      const id = this.ids[slot];
      if (options.exclude?.has(id) || (options.accept && !options.accept(id))) continue;
      top.offer(id, dot);
    }
    return top.result();
  }

  /** Stories like the stored story `id` (itself left out). */
  searchById(id: string, k = 10): SimilarStory[] {
    const v = this.vectorOf(id);
    return v ? this.search(v, k, { exclude: new Set([id]) }) : [];
  }
}
