// Speed and quality of Dutch transcription, per fixture:
//   node -r @swc-node/register libs/ml/src/transcription/transcription.bench.ts [--models <MODELS_DIR>] [--model <id>]
//        [--threads N] [--skip-2h] [--only-2h]
// Real weights (onnx-community/whisper-base, whisper-small) are looked up in --models, else $MODELS_DIR, else
// ../shared/models; without them it says "geen gewichten" and still measures the tiny random model's speed and the
// memory of a synthetic two-hour recording (decode only, then the whole transcription path).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodePcmChunks, measureSpeechEnergy } from '../audio';
import { FIXTURES_DIR, twoHourRecording } from '../audio/test-audio';
import { ensureTinyWhisper } from './tiny-whisper';
import { type Transcriber, createTranscriber } from './transcriber';
import { isTranscriptionError } from './transcription-error';
import { type WhisperDtype } from './whisper-weights';
import { wordErrors } from './word-error-rate';

type ManifestEntry = { file: string; text: string; duration_s: number; synthetic: boolean };

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const modelsDir = path.resolve(
  option('--models') ?? process.env.MODELS_DIR ?? path.join(repoRoot, '..', 'shared', 'models'),
);
const threads = option('--threads') ? Number(option('--threads')) : undefined;
const realModels = option('--model')
  ? [option('--model') as string]
  : ['onnx-community/whisper-base', 'onnx-community/whisper-small'];

const manifest: ManifestEntry[] = readFileSync(path.join(FIXTURES_DIR, 'manifest.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as ManifestEntry);

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

/** Peak RSS of this process, sampled every 20 ms while `work` runs. */
const withPeakRss = async <T>(work: () => Promise<T>): Promise<{ result: T; peak: number; before: number }> => {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peak, before };
  } finally {
    clearInterval(timer);
  }
};

const benchFixtures = async (transcriber: Transcriber, label: string, scoreWords: boolean) => {
  console.log(`\n## ${label} (${transcriber.modelId}, ${transcriber.dtype}${threads ? `, ${threads} threads` : ''})`);
  console.log(
    `${pad('fixture', 34)} ${'audio s'.padStart(8)} ${'time s'.padStart(7)} ${'RTF'.padStart(6)} ${'WER'.padStart(6)}  transcript`,
  );
  const totals = { audio: 0, time: 0, errors: 0, words: 0, realErrors: 0, realWords: 0 };
  for (const entry of manifest) {
    const started = performance.now();
    let text: string;
    let durationMs = entry.duration_s * 1000;
    try {
      const result = await transcriber.transcribeFile(path.join(FIXTURES_DIR, entry.file));
      text = result.text;
      durationMs = result.durationMs;
    } catch (error) {
      if (!isTranscriptionError(error) || error.code !== 'NO_SPEECH') throw error;
      text = '';
    }
    const seconds = (performance.now() - started) / 1000;
    const errors = wordErrors(entry.text, text);
    totals.audio += durationMs / 1000;
    totals.time += seconds;
    const wrong = errors.substitutions + errors.deletions + errors.insertions;
    totals.errors += wrong;
    totals.words += errors.referenceWords;
    if (!entry.synthetic) {
      totals.realErrors += wrong;
      totals.realWords += errors.referenceWords;
    }
    const wer = scoreWords ? `${(errors.wer * 100).toFixed(0)}%` : 'n.v.t.';
    console.log(
      `${pad(entry.file, 34)} ${(durationMs / 1000).toFixed(1).padStart(8)} ${seconds.toFixed(2).padStart(7)} ` +
        `${(seconds / (durationMs / 1000)).toFixed(3).padStart(6)} ${wer.padStart(6)}  ${pad(JSON.stringify(text), 60)}`,
    );
  }
  const werAll = scoreWords
    ? `${((totals.errors / totals.words) * 100).toFixed(1)}%`
    : 'n.v.t. (willekeurige gewichten)';
  const werReal = scoreWords ? `${((totals.realErrors / totals.realWords) * 100).toFixed(1)}%` : 'n.v.t.';
  console.log(
    `total: ${totals.audio.toFixed(1)} s audio in ${totals.time.toFixed(1)} s → RTF ${(totals.time / totals.audio).toFixed(3)}; ` +
      `WER ${werAll} (Common Voice only: ${werReal}; synthetic espeak speech says little about real quality)`,
  );
};

const benchTwoHours = async (transcriber: Transcriber | null) => {
  const t0 = performance.now();
  const file = twoHourRecording();
  console.log(
    `\n## Synthetic 2-hour recording (${path.basename(file)}, made in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const decode = await withPeakRss(async () => {
    const started = performance.now();
    let windows = 0;
    let speech = 0;
    for await (const w of decodePcmChunks(file)) {
      windows += 1;
      if (measureSpeechEnergy(w.samples).hasSpeech) speech += 1;
    }
    return { windows, speech, seconds: (performance.now() - started) / 1000 };
  });
  console.log(
    `decode + energy: ${decode.result.windows} windows (${decode.result.speech} with "speech") in ${decode.result.seconds.toFixed(1)} s; ` +
      `RSS ${mb(decode.before)} → peak ${mb(decode.peak)} (+${mb(decode.peak - decode.before)}); the whole file as float32 would be 461 MB`,
  );
  if (!transcriber) return;
  let lastLog = 0;
  const full = await withPeakRss(async () => {
    const started = performance.now();
    const result = await transcriber.transcribeFile(file, (p) => {
      if (performance.now() - lastLog > 15_000) {
        lastLog = performance.now();
        console.log(`  … ${(p.endMs / 60000).toFixed(0)} of ${(p.durationMs / 60000).toFixed(0)} min`);
      }
    });
    return { result, seconds: (performance.now() - started) / 1000 };
  });
  console.log(
    `full transcription (${transcriber.modelId}): ${full.result.result.transcribedWindows}/${full.result.result.windows} windows through the model, ` +
      `${full.result.result.segments.length} segments, in ${full.result.seconds.toFixed(0)} s (RTF ${(full.result.seconds / 7200).toFixed(3)}); ` +
      `RSS ${mb(full.before)} → peak ${mb(full.peak)} (+${mb(full.peak - full.before)})`,
  );
};

const main = async () => {
  console.log(`# Transcription bench — fixtures ${FIXTURES_DIR}, models ${modelsDir}`);
  const onlyTwoHours = args.includes('--only-2h');
  let real: Transcriber | null = null;
  for (const modelId of realModels) {
    if (!existsSync(path.join(modelsDir, modelId))) {
      console.log(`\n## ${modelId}: geen gewichten (map ontbreekt in ${modelsDir})`);
      continue;
    }
    try {
      const transcriber = await createTranscriber({ modelsDir, modelId, threads, dtype: 'auto' });
      if (!onlyTwoHours) await benchFixtures(transcriber, 'Real weights', true);
      if (real) await transcriber.close();
      else real = transcriber;
    } catch (error) {
      if (!isTranscriptionError(error) || error.code !== 'NO_WEIGHTS') throw error;
      console.log(`\n## ${modelId}: geen gewichten — ${error.message}`);
      console.log(
        '   No word error rate can be measured here; the numbers below are the tiny random model (speed only).',
      );
    }
  }

  const started = performance.now();
  const tiny = ensureTinyWhisper(path.join(repoRoot, '.data', 'models'));
  const dtype: WhisperDtype = 'fp32';
  const tinyTranscriber = await createTranscriber({ modelsDir: tiny.modelsDir, modelId: tiny.modelId, dtype, threads });
  console.log(
    `\ntiny model ready (generate if needed + load) in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  if (!onlyTwoHours) await benchFixtures(tinyTranscriber, 'Tiny random model: plumbing speed, words are noise', false);

  if (!args.includes('--skip-2h')) await benchTwoHours(real ?? tinyTranscriber);
  await tinyTranscriber.close();
  await real?.close();
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
