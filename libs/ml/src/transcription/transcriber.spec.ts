/** @jest-environment ./libs/ml/src/transcription/onnx-test-environment.ts */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ffmpegMake, fixture, tempDir } from '../audio/test-audio';
import { TINY_WHISPER_ID, ensureTinyWhisper } from './tiny-whisper';
import { type Transcriber, type TranscriptionProgress, createTranscriber } from './transcriber';
import { TranscriptionError } from './transcription-error';

// The real pipeline with the random-weight tiny model: assert structure and plumbing, never words.
const sharedModels = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'models');

const expectWellFormed = (segments: { startMs: number; endMs: number; text: string }[], durationMs: number) => {
  expect(segments.length).toBeGreaterThan(0);
  segments.forEach((s, i) => {
    expect(s.endMs).toBeGreaterThanOrEqual(s.startMs);
    expect(s.text.trim().length).toBeGreaterThan(0);
    if (i > 0) expect(s.startMs).toBeGreaterThanOrEqual(segments[i - 1].endMs);
  });
  expect(segments[0].startMs).toBeLessThan(1000);
  expect(segments.at(-1)?.endMs).toBe(durationMs);
};

describe('createTranscriber with the tiny random Whisper', () => {
  let transcriber: Transcriber;
  const work = tempDir('transcribe');

  beforeAll(async () => {
    const { modelsDir, modelId } = ensureTinyWhisper();
    transcriber = await createTranscriber({ modelsDir, modelId, dtype: 'fp32' });
  }, 60_000);
  afterAll(() => transcriber?.close());

  it('transcribes a real Dutch WAV end to end', async () => {
    const progress: TranscriptionProgress[] = [];
    const result = await transcriber.transcribeFile(fixture('cv-nl/common_voice_nl_19530792.wav'), (p) =>
      progress.push(p),
    );
    expect(typeof result.text).toBe('string');
    expect(result.text.length).toBeGreaterThan(0);
    expect(result).toMatchObject({
      durationMs: 6912,
      language: 'nl',
      modelId: TINY_WHISPER_ID,
      dtype: 'fp32',
      windows: 1,
      transcribedWindows: 1,
    });
    expectWellFormed(result.segments, result.durationMs);
    expect(result.text).toBe(result.segments.map((s) => s.text).join(' '));
    expect(progress).toEqual([{ window: 0, startMs: 0, endMs: 6912, silent: false, durationMs: 6912 }]);
  });

  it('transcribes the MP3 original and a MediaRecorder-style WebM', async () => {
    const webm = path.join(work, 'recorder.webm');
    writeFileSync(
      webm,
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-i',
        fixture('cv-nl/common_voice_nl_17694848.wav'),
        '-c:a',
        'libopus',
        '-f',
        'webm',
        'pipe:1',
      ]),
    );
    for (const file of [fixture('cv-nl/common_voice_nl_17694848.mp3'), webm]) {
      const result = await transcriber.transcribeFile(file);
      expect(result.text.length).toBeGreaterThan(0);
      expect(Math.abs(result.durationMs - 3384)).toBeLessThan(60);
      expectWellFormed(result.segments, result.durationMs);
    }
  });

  it('hears different recordings differently (the encoder output reaches the decoder)', async () => {
    const a = await transcriber.transcribeFile(fixture('cv-nl/common_voice_nl_19629340.wav'));
    const b = await transcriber.transcribeFile(fixture('synthetic/syn-nl-05.wav'));
    expect(a.text).not.toBe(b.text);
  });

  it('feeds a recording longer than 30 s window by window and merges the windows', async () => {
    const progress: TranscriptionProgress[] = [];
    const result = await transcriber.transcribeFile(fixture('synthetic/syn-nl-13-long.wav'), (p) => progress.push(p));
    expect(result.windows).toBe(2);
    expect(result.transcribedWindows).toBe(2);
    expect(progress.map((p) => [p.startMs, p.endMs])).toEqual([
      [0, 30_000],
      [25_000, 51_284],
    ]);
    expect(result.durationMs).toBe(51_284);
    expectWellFormed(result.segments, result.durationMs);
    // Both windows contribute: something starts in the second window's own part.
    expect(result.segments.some((s) => s.startMs >= 25_000)).toBe(true);
  });

  it('goes through many windows, skipping the silent ones without running the model', async () => {
    const story = fixture('cv-nl/common_voice_nl_19530792.wav');
    const long = path.join(work, 'story-silence-story.wav');
    ffmpegMake(
      [
        '-i',
        story,
        '-f',
        'lavfi',
        '-t',
        '80',
        '-i',
        'anullsrc=r=16000:cl=mono',
        '-i',
        story,
        '-filter_complex',
        '[0:a][1:a][2:a]concat=n=3:v=0:a=1',
      ],
      long,
    );
    const progress: TranscriptionProgress[] = [];
    const result = await transcriber.transcribeFile(long, (p) => progress.push(p));
    expect(result.windows).toBe(4); // 0–30, 25–55, 50–80, 75–93.8 s; speech at 0–6.9 and 86.9–93.8 s
    expect(progress.map((p) => p.silent)).toEqual([false, true, true, false]);
    expect(result.transcribedWindows).toBe(2);
    expectWellFormed(result.segments, result.durationMs);
    expect(result.segments.at(-1)?.startMs).toBeGreaterThanOrEqual(75_000);
  });

  it('says NO_SPEECH ("geen spraak gevonden") for silence, without running the model', async () => {
    const silence = ffmpegMake(
      ['-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '40'],
      path.join(work, 'silence.wav'),
    );
    const progress: TranscriptionProgress[] = [];
    const error = await transcriber.transcribeFile(silence, (p) => progress.push(p)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionError);
    expect(error).toMatchObject({ code: 'NO_SPEECH', message: 'geen spraak gevonden' });
    expect(progress.every((p) => p.silent)).toBe(true);
    expect(progress).toHaveLength(2);
  });

  it('stops between windows when the job is cancelled', async () => {
    const controller = new AbortController();
    const progress: TranscriptionProgress[] = [];
    const run = transcriber.transcribeFile(
      fixture('synthetic/syn-nl-13-long.wav'),
      (p) => {
        progress.push(p);
        controller.abort(new Error('job cancelled'));
      },
      controller.signal,
    );
    await expect(run).rejects.toThrow(/job cancelled|aborted/);
    expect(progress).toHaveLength(1);
  });

  it('passes audio errors through', async () => {
    const empty = path.join(work, 'empty.m4a');
    writeFileSync(empty, '');
    await expect(transcriber.transcribeFile(empty)).rejects.toMatchObject({ name: 'AudioError', code: 'EMPTY' });
  });
});

describe('createTranscriber without weights', () => {
  it('throws NO_WEIGHTS for a folder with only tokenizer and processor files', async () => {
    const { modelDir } = ensureTinyWhisper();
    const modelsDir = tempDir('no-weights');
    const copy = path.join(modelsDir, 'onnx-community', 'whisper-base');
    mkdirSync(copy, { recursive: true });
    for (const f of readdirSync(modelDir).filter((f) => f.endsWith('.json')))
      copyFileSync(path.join(modelDir, f), path.join(copy, f));
    const error = await createTranscriber({ modelsDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionError);
    expect(error).toMatchObject({ code: 'NO_WEIGHTS' });
    expect((error as Error).message).toContain('onnx/encoder_model_quantized.onnx');
    expect((error as Error).message).toContain('scripts/fill-models.md');
  });

  it('throws NO_WEIGHTS for the shared whisper-base folder, and for a dtype that is not there', async () => {
    if (existsSync(path.join(sharedModels, 'onnx-community', 'whisper-base', 'tokenizer.json'))) {
      await expect(createTranscriber({ modelsDir: sharedModels })).rejects.toMatchObject({ code: 'NO_WEIGHTS' });
    }
    const { modelsDir, modelId } = ensureTinyWhisper();
    const error = await createTranscriber({ modelsDir, modelId, dtype: 'q8' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NO_WEIGHTS' });
    expect((error as Error).message).toContain('wel aanwezig: decoder_model_merged.onnx, encoder_model.onnx');
  });
});
