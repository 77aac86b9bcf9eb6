/**
 * Speed and quality of the taggers. Run: node -r @swc-node/register libs/ml/src/tagging/tagging.bench.ts
 */
import { loadavg } from 'node:os';
import { LEEFGEBIEDEN_KEY, WERKZAME_ELEMENTEN_KEY } from '@vertelpunt/domain';
import {
  defaultIdfCorpus,
  evaluateTagger,
  predictTags,
  scoreTags,
  serializeTagger,
  TAGGING_EVAL_SET,
  trainDefaultTaggers,
} from './index';

const rows: [string, string][] = [];
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const time = <T>(label: string, fn: () => T): T => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  rows.push([
    label,
    `${(performance.now() - start).toFixed(0)} ms wall, ${cpuMs(process.cpuUsage(cpu)).toFixed(0)} ms CPU`,
  ]);
  return result;
};

time('idf corpus (400 demo stories, once per process)', () => defaultIdfCorpus());
time('train both taxonomies (first, cold JIT)', () => trainDefaultTaggers());
time('train both taxonomies (again)', () => trainDefaultTaggers());
const models = time('train both taxonomies (third)', () => trainDefaultTaggers());
time('train both, no cross-validation (folds: 0)', () => trainDefaultTaggers([], { folds: 0 }));

const texts = TAGGING_EVAL_SET.map((c) => c.text);
for (const [name, fn] of [
  ['predictTags (with explanations)', (m: (typeof models)[string], t: string) => predictTags(m, t)],
  ['scoreTags (scores only)', (m: (typeof models)[string], t: string) => scoreTags(m, t)],
] as const) {
  const start = performance.now();
  let n = 0;
  for (let r = 0; r < 5; r++)
    for (const t of texts)
      for (const key of [WERKZAME_ELEMENTEN_KEY, LEEFGEBIEDEN_KEY]) {
        fn(models[key], t);
        n++;
      }
  const ms = performance.now() - start;
  rows.push([`${name}, one taxonomy`, `${((n / ms) * 1000).toFixed(0)} stories/s`]);
}

for (const key of [WERKZAME_ELEMENTEN_KEY, LEEFGEBIEDEN_KEY]) {
  const e = evaluateTagger(models[key], TAGGING_EVAL_SET, key);
  const m = models[key];
  rows.push([
    `${key}: eval set (${e.cases} stories)`,
    `micro P ${e.micro.precision.toFixed(2)} R ${e.micro.recall.toFixed(2)} F1 ${e.micro.f1.toFixed(2)}, macro F1 ${e.macroF1.toFixed(2)}, threshold ${m.threshold}, held-out CV F1 ${m.heldOutF1?.toFixed(2)}`,
  ]);
  rows.push([
    `${key}: model size`,
    `${(serializeTagger(m).length / 1024).toFixed(0)} KB JSON, ${m.vocabulary.length} features`,
  ]);
}
rows.push(['machine load (1-min average)', loadavg()[0].toFixed(1)]);

const width = Math.max(...rows.map(([l]) => l.length));
console.log(`| ${'step'.padEnd(width)} | result |\n|${'-'.repeat(width + 2)}|--------|`);
for (const [label, value] of rows) console.log(`| ${label.padEnd(width)} | ${value} |`);
