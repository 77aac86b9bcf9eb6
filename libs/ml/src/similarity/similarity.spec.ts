import { LEEFGEBIEDEN_KEY, WERKZAME_ELEMENTEN_KEY } from '@vertelpunt/domain';
import { TAGGING_EVAL_SET, trainDefaultTaggers } from '../tagging';
import {
  buildVocabulary,
  cosine,
  DEFAULT_TAG_WEIGHT,
  deserializeVocabulary,
  embeddingDims,
  embedStory,
  neighbourQuality,
  serializeVocabulary,
  SimilarityIndex,
  topSimilar,
  vectorFromBytes,
  vectorize,
  vectorToBytes,
  type StoryEmbedder,
} from './index';

const DEBT_A =
  'Hij had schulden bij de zorgverzekeraar en de deurwaarder stond voor de deur. We maakten een betalingsregeling.';
const DEBT_B = 'Ze kon haar rekeningen niet meer betalen en de schulden liepen op; het incassobureau bleef bellen.';
const LONELY = 'Sinds de dood van haar man zit ze alleen thuis en praat ze met niemand. Ze voelt zich eenzaam.';

const vocabulary = buildVocabulary([...TAGGING_EVAL_SET.map((c) => c.text), DEBT_A, DEBT_B, LONELY]);

describe('story vectors', () => {
  it('are fixed-length and L2-normalised', () => {
    const v = vectorize(vocabulary, DEBT_A);
    expect(v).toHaveLength(256);
    expect(cosine(v, v)).toBeCloseTo(1, 5);
    expect(v.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 5);
  });

  it('put stories on the same theme closer than stories on different themes', () => {
    const [a, b, c] = [DEBT_A, DEBT_B, LONELY].map((t) => vectorize(vocabulary, t));
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c));
  });

  it('ignore redaction placeholders', () => {
    expect(cosine(vectorize(vocabulary, `[NAAM] ${DEBT_A}`), vectorize(vocabulary, DEBT_A))).toBeCloseTo(1, 5);
  });

  it('round-trip through bytes (a bytea column) and the vocabulary through JSON', () => {
    const v = vectorize(vocabulary, DEBT_A);
    expect(Array.from(vectorFromBytes(vectorToBytes(v)))).toEqual(Array.from(v));
    const copy = deserializeVocabulary(serializeVocabulary(vocabulary));
    expect(Array.from(vectorize(copy, DEBT_B))).toEqual(Array.from(vectorize(vocabulary, DEBT_B)));
    expect(() => deserializeVocabulary('{}')).toThrow(/similarity vocabulary/);
  });

  it('finds the top k with the plain function', () => {
    const candidates = [DEBT_B, LONELY].map((t, i) => ({ id: `s${i}`, vector: vectorize(vocabulary, t) }));
    expect(topSimilar(vectorize(vocabulary, DEBT_A), candidates, 1)).toEqual([{ id: 's0', score: expect.any(Number) }]);
  });
});

describe('SimilarityIndex', () => {
  it('adds, replaces, removes and searches', () => {
    const index = new SimilarityIndex(vocabulary.dims, 1);
    index.add('debt-b', vectorize(vocabulary, DEBT_B));
    index.add('lonely', vectorize(vocabulary, LONELY));
    index.add('debt-a', vectorize(vocabulary, DEBT_A));
    expect(index.size).toBe(3);
    const hits = index.search(vectorize(vocabulary, DEBT_A), 2);
    expect(hits.map((h) => h.id)).toEqual(['debt-a', 'debt-b']);
    expect(hits[0].score).toBeCloseTo(1, 1);
    expect(index.searchById('debt-a', 1).map((h) => h.id)).toEqual(['debt-b']);
    expect(
      index.search(vectorize(vocabulary, DEBT_A), 3, { accept: (id) => id !== 'debt-b' }).map((h) => h.id),
    ).toEqual(['debt-a', 'lonely']);

    index.add('debt-b', vectorize(vocabulary, LONELY));
    expect(index.size).toBe(3);
    expect(index.remove('debt-a')).toBe(true);
    expect(index.remove('debt-a')).toBe(false);
    expect(index.size).toBe(2);
    expect(
      index
        .search(vectorize(vocabulary, LONELY), 5)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['debt-b', 'lonely']);
  });

  it('rejects a vector of the wrong length', () => {
    expect(() => new SimilarityIndex(4).add('x', [1, 0, 0])).toThrow(/dimensions/);
  });

  it('answers a search over 20,000 stories quickly', () => {
    const index = new SimilarityIndex(285, 20_000);
    const v = new Float32Array(285);
    for (let i = 0; i < 20_000; i++) {
      v.fill(0);
      v[i % 285] = 1;
      v[(i * 7) % 285] += 0.5;
      index.add(`s${i}`, v);
    }
    const start = performance.now();
    const hits = index.search(v, 10);
    const ms = performance.now() - start;
    expect(hits).toHaveLength(10);
    expect(ms).toBeLessThan(2000); // only a pathological slowdown fails; bench:ml reports the real numbers
  });
});

describe('verhalen zoals dit on the evaluation set', () => {
  let embedder: StoryEmbedder;
  beforeAll(() => {
    const models = trainDefaultTaggers();
    embedder = {
      vocabulary,
      taggers: [models[LEEFGEBIEDEN_KEY], models[WERKZAME_ELEMENTEN_KEY]],
      tagWeight: DEFAULT_TAG_WEIGHT,
    };
  }, 60_000);

  it('returns unit vectors of words plus tag profile', () => {
    const v = embedStory(embedder, DEBT_A);
    expect(v).toHaveLength(embeddingDims(embedder));
    expect(v.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 4);
  });

  it('top-5 neighbours share a leefgebied far more often than chance', () => {
    const words = neighbourQuality(vocabulary, TAGGING_EVAL_SET, LEEFGEBIEDEN_KEY, 5);
    const withTags = neighbourQuality((t) => embedStory(embedder, t), TAGGING_EVAL_SET, LEEFGEBIEDEN_KEY, 5);
    const elementen = neighbourQuality((t) => embedStory(embedder, t), TAGGING_EVAL_SET, WERKZAME_ELEMENTEN_KEY, 5);
    console.log(
      `top-5 neighbours sharing a leefgebied: ${(withTags.rate * 100).toFixed(1)}% with tag profile, ` +
        `${(words.rate * 100).toFixed(1)}% words only, chance ${(withTags.chance * 100).toFixed(1)}% (${withTags.stories} stories); ` +
        `sharing a werkzaam element: ${(elementen.rate * 100).toFixed(1)}%, chance ${(elementen.chance * 100).toFixed(1)}%`,
    );
    expect(words.rate).toBeGreaterThan(words.chance + 0.05);
    expect(withTags.rate).toBeGreaterThan(withTags.chance * 1.6);
    expect(elementen.rate).toBeGreaterThan(elementen.chance * 2);
  });
});
