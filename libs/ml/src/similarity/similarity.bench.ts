/**
 * Speed of "verhalen zoals dit": vectorising, building and searching an index of 100,000 stories.
 * Run: node -r @swc-node/register libs/ml/src/similarity/similarity.bench.ts [stories=100000]
 */
import { loadavg } from 'node:os';
import { buildDemoStories, LEEFGEBIEDEN_KEY, WERKZAME_ELEMENTEN_KEY } from '@vertelpunt/domain';
import { seededRandom } from '../text';
import { TAGGING_EVAL_SET, trainDefaultTaggers } from '../tagging';
import { neighbourQuality } from './neighbour-quality';
import { SimilarityIndex } from './similarity-index';
import { DEFAULT_TAG_WEIGHT, embeddingDims, embedStory, type StoryEmbedder } from './story-embedding';
import { buildVocabulary, normalize, topSimilar, vectorize } from './story-vectors';

const total = Number(process.argv[2] ?? 100_000);
const rows: [string, string][] = [];
const time = <T>(label: string, fn: () => T, per?: (ms: number) => string): T => {
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  rows.push([label, `${ms.toFixed(0)} ms${per ? `  (${per(ms)})` : ''}`]);
  return result;
};

const texts = time('build 2,000 demo stories', () => buildDemoStories(2000, 5).map((s) => s.text));
const vocabulary = time('buildVocabulary (2,000 stories)', () => buildVocabulary(texts));
time(
  'vectorize 2,000 stories (TF-IDF → 256 dims)',
  () => texts.map((t) => vectorize(vocabulary, t)),
  (ms) => `${((2000 / ms) * 1000).toFixed(0)} stories/s`,
);
const models = time('train taggers (both taxonomies)', () => trainDefaultTaggers());
const embedder: StoryEmbedder = {
  vocabulary,
  taggers: [models[LEEFGEBIEDEN_KEY], models[WERKZAME_ELEMENTEN_KEY]],
  tagWeight: DEFAULT_TAG_WEIGHT,
};
const dims = embeddingDims(embedder);
const real = time(
  `embedStory 2,000 stories (${dims} dims, with tag profile)`,
  () => texts.map((t) => embedStory(embedder, t)),
  (ms) => `${((2000 / ms) * 1000).toFixed(0)} stories/s`,
);

// 100,000 vectors: real story vectors mixed pairwise with a little noise, so the index holds realistic,
// non-identical points without vectorising 100,000 texts here.
const random = seededRandom(42);
const vectors = time(`make ${total.toLocaleString('en')} vectors`, () =>
  Array.from({ length: total }, () => {
    const a = real[Math.floor(random() * real.length)];
    const b = real[Math.floor(random() * real.length)];
    const v = new Float32Array(dims);
    for (let i = 0; i < dims; i++) v[i] = a[i] + 0.3 * b[i] + 0.02 * (random() - 0.5);
    return normalize(v);
  }),
);
const index = new SimilarityIndex(dims, total);
time(`SimilarityIndex.add × ${total.toLocaleString('en')}`, () => vectors.forEach((v, i) => index.add(`s${i}`, v)));

const queries = real.slice(0, 50);
index.search(queries[0], 10); // warm-up
const latencies: number[] = [];
const cpuStart = process.cpuUsage();
for (const q of queries) {
  const start = performance.now();
  index.search(q, 10);
  latencies.push(performance.now() - start);
}
const cpu = process.cpuUsage(cpuStart);
const cpuPerQuery = (cpu.user + cpu.system) / 1000 / queries.length;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
rows.push([
  `search top-10 in ${total.toLocaleString('en')} (50 queries)`,
  `p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms wall; ${cpuPerQuery.toFixed(1)} ms CPU/query`,
]);
const candidates = vectors.map((vector, i) => ({ id: `s${i}`, vector }));
time(`topSimilar (plain function) in ${total.toLocaleString('en')}`, () => topSimilar(queries[0], candidates, 10));
time('remove 1,000 stories', () => {
  for (let i = 0; i < 1000; i++) index.remove(`s${i * 7}`);
});

const quality = neighbourQuality((t) => embedStory(embedder, t), TAGGING_EVAL_SET, LEEFGEBIEDEN_KEY, 5);
const wordsOnly = neighbourQuality(vocabulary, TAGGING_EVAL_SET, LEEFGEBIEDEN_KEY, 5);
rows.push([
  'top-5 neighbours sharing a leefgebied (eval set)',
  `${(quality.rate * 100).toFixed(0)}% (words only ${(wordsOnly.rate * 100).toFixed(0)}%, chance ${(quality.chance * 100).toFixed(0)}%)`,
]);
rows.push([
  'memory per story',
  `${dims * 4} bytes as float32 real[] in Postgres; ${dims + 4} bytes in the index (int8 + scale)`,
]);
rows.push(['machine load (1-min average) during the run', loadavg()[0].toFixed(1)]);

const width = Math.max(...rows.map(([l]) => l.length));
console.log(`| ${'step'.padEnd(width)} | result |\n|${'-'.repeat(width + 2)}|--------|`);
for (const [label, value] of rows) console.log(`| ${label.padEnd(width)} | ${value} |`);
