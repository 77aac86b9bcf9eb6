// `npm run bench:ml` (second half): text quality and speed. The first half is libs/ml's transcription bench.
import { buildDemoStories, LEEFGEBIEDEN, WERKZAME_ELEMENTEN } from '@vertelpunt/domain';
import {
  evaluateRedaction,
  evaluateTagger,
  REDACTION_HOLDOUT_SET,
  REDACTION_TESTSET,
  redact,
  SimilarityIndex,
  suggestTags,
  TAGGING_EVAL_SET,
  trainDefaultTaggers,
} from '@vertelpunt/ml';
import { hashedVector } from '../../workers/src/stories/story-vectors';
import { percentile, printTable, round, type Row } from './bench-util';

const pct = (n: number) => `${round(n * 100, 1)} %`;

const redactionRows = (): Row[] =>
  [
    ['written with the rules (257 cases)', evaluateRedaction(REDACTION_TESTSET)],
    ['held out, written after (75 cases)', evaluateRedaction(REDACTION_HOLDOUT_SET)],
  ].flatMap(([name, e]) => {
    const ev = e as ReturnType<typeof evaluateRedaction>;
    return [
      { set: name as string, type: 'overall', precision: pct(ev.overall.precision), recall: pct(ev.overall.recall), f1: pct(ev.overall.f1) },
      ...Object.entries(ev.perType)
        .filter(([, s]) => s.truePositives + s.falseNegatives > 0)
        .map(([type, s]) => ({ set: '', type, precision: pct(s.precision), recall: pct(s.recall), f1: pct(s.f1) })),
    ];
  });

const main = async () => {
  printTable('Anonymiseren (span-level, exact type + text)', redactionRows());

  const trainStart = performance.now();
  const models = trainDefaultTaggers();
  const trainMs = performance.now() - trainStart;
  printTable(
    `Labels: held-apart evaluation set (${TAGGING_EVAL_SET.length} stories, not the training examples); training ${round(trainMs, 0)} ms`,
    [WERKZAME_ELEMENTEN, LEEFGEBIEDEN].map((t) => {
      const e = evaluateTagger(models[t.key], TAGGING_EVAL_SET, t.key);
      return { taxonomy: t.key, threshold: round(e.threshold, 2), 'micro precision': pct(e.micro.precision), 'micro recall': pct(e.micro.recall), 'micro F1': pct(e.micro.f1), 'macro F1': pct(e.macroF1) };
    }),
  );

  // Throughput of what the redact + analyse steps compute per story (without database round trips).
  const stories = buildDemoStories(1000, 7).map((s) => `${s.title}. ${s.text}`);
  const started = performance.now();
  for (const text of stories) {
    const redacted = redact(text).redacted;
    suggestTags(models[WERKZAME_ELEMENTEN.key], redacted);
    suggestTags(models[LEEFGEBIEDEN.key], redacted);
    hashedVector(redacted);
  }
  const seconds = (performance.now() - started) / 1000;
  const meanChars = stories.reduce((n, s) => n + s.length, 0) / stories.length;

  // "Verhalen zoals dit" on 100,000 stories: top-10 by a full scan of int8 vectors.
  const index = new SimilarityIndex(256, 100_000);
  const texts = buildDemoStories(2000, 11).map((s) => s.text);
  for (let i = 0; i < 100_000; i++) index.add(`s${i}`, hashedVector(`${texts[i % texts.length]} ${i % 97}`));
  const latencies: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    index.searchById(`s${(i * 7919) % 100_000}`, 10);
    latencies.push(performance.now() - t);
  }
  printTable('Snelheid (one process, this 2-core machine)', [
    { measure: `redact + tag (2 taxonomies) + vector, ${stories.length} demo stories of ~${round(meanChars, 0)} chars`, result: `${round(stories.length / seconds, 0)} stories/s` },
    { measure: 'verhalen zoals dit: top-10 of 100,000 stories', result: `p50 ${round(percentile(latencies, 50))} ms, p95 ${round(percentile(latencies, 95))} ms` },
  ]);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
