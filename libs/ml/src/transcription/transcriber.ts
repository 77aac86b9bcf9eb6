import path from 'node:path';
import { decodePcmChunks, type FfmpegPaths, measureSpeechEnergy, probeAudio, type PcmWindow } from '../audio';
import { joinSegments, mergeWindowTranscripts, type TranscriptSegment, type WindowTranscript } from './merge-windows';
import { NO_SPEECH_MESSAGE, TranscriptionError } from './transcription-error';
import { resolveWhisperDtype, type WhisperDtype } from './whisper-weights';

export const DEFAULT_WHISPER_MODEL = 'onnx-community/whisper-base';

export type TranscriberOptions = FfmpegPaths & {
  /** Folder in the transformers.js layout (`<org>/<name>/config.json, onnx/*.onnx`): MODELS_DIR. */
  modelsDir: string;
  /** Default onnx-community/whisper-base; onnx-community/whisper-small is better at Dutch and ~3× slower. */
  modelId?: string;
  /** Default 'auto': the first of q8, fp32, fp16, … whose two files are present. */
  dtype?: WhisperDtype | 'auto';
  /** Whisper language name or code. Default 'dutch'. */
  language?: string;
  /** Window and overlap fed to Whisper. Defaults 30 s and 5 s. */
  chunkSeconds?: number;
  overlapSeconds?: number;
  /** Longer recordings fail with AudioError TOO_LONG. Default 3 h. */
  maxDurationMs?: number;
  /** onnxruntime intra-op threads. Default: onnxruntime's choice (all cores). */
  threads?: number;
};

export type Transcript = {
  text: string;
  segments: TranscriptSegment[];
  durationMs: number;
  /** ISO 639-1 code of the language Whisper was told to transcribe. */
  language: string;
  modelId: string;
  dtype: WhisperDtype;
  /** Windows decoded, and how many of those went through the model (silent ones are skipped). */
  windows: number;
  transcribedWindows: number;
};

export type TranscriptionProgress = {
  window: number;
  startMs: number;
  endMs: number;
  /** The window was silent, so the model did not run on it. */
  silent: boolean;
  /** From ffprobe, so that callers can show a percentage (endMs / durationMs). */
  durationMs: number;
};

export type Transcriber = {
  readonly modelId: string;
  readonly dtype: WhisperDtype;
  /**
   * Throws AudioError (CORRUPT, EMPTY, UNSUPPORTED, TOO_LONG) or TranscriptionError NO_SPEECH; an aborted signal stops
   * between windows with the signal's reason. Calls run one at a time, in order.
   */
  transcribeFile(
    file: string,
    onProgress?: (progress: TranscriptionProgress) => void,
    signal?: AbortSignal,
  ): Promise<Transcript>;
  close(): Promise<void>;
};

// The slice of the transformers.js ASR pipeline we use (its own generic types are heavy to instantiate).
type AsrChunk = { timestamp: [number, number | null]; text: string };
type AsrOutput = { text: string; chunks?: AsrChunk[] };
type AsrPipeline = ((audio: Float32Array, options: Record<string, unknown>) => Promise<AsrOutput>) & {
  dispose(): Promise<void>;
};

const LANGUAGE_CODES: Record<string, string> = {
  dutch: 'nl',
  flemish: 'nl',
  english: 'en',
  german: 'de',
  french: 'fr',
  turkish: 'tr',
  arabic: 'ar',
  polish: 'pl',
  spanish: 'es',
  portuguese: 'pt',
  ukrainian: 'uk',
  russian: 'ru',
  somali: 'so',
  tigrinya: 'ti',
};

const languageCode = (language: string) => LANGUAGE_CODES[language.toLowerCase()] ?? language.toLowerCase();

/** Whisper's chunks (seconds, relative to the window) on the recording's clock, cut to the audio the window holds. */
const windowTranscript = (window: PcmWindow, output: AsrOutput): WindowTranscript => {
  const chunks = output.chunks ?? [{ timestamp: [0, null], text: output.text }];
  const segments = chunks
    .map((chunk) => {
      const [start, end] = chunk.timestamp;
      const startMs = Math.min(window.endMs, window.startMs + Math.round(start * 1000));
      const endMs = end === null ? window.endMs : Math.min(window.endMs, window.startMs + Math.round(end * 1000));
      return { startMs, endMs: Math.max(startMs, endMs), text: chunk.text.trim() };
    })
    // Text "after" the audio was made up from the zero padding up to 30 s.
    .filter((s) => s.text.length > 0 && s.startMs < window.endMs);
  return { startMs: window.startMs, endMs: window.endMs, segments };
};

/**
 * Loads Whisper through the transformers.js `automatic-speech-recognition` pipeline from a local folder only (never
 * downloads) and transcribes recordings window by window from decodePcmChunks: 30 s windows with 5 s overlap, silent
 * windows skipped, texts merged at the borders, segment times on the recording's clock. Throws TranscriptionError
 * NO_WEIGHTS at creation when the model folder lacks ONNX weights.
 *
 * transformers.js keeps its settings in one global `env`; this sets localModelPath/allowRemoteModels/cacheDir before
 * loading, so create transcribers for different folders one after the other, not concurrently.
 */
export const createTranscriber = async (options: TranscriberOptions): Promise<Transcriber> => {
  const modelsDir = path.resolve(options.modelsDir);
  const modelId = options.modelId ?? DEFAULT_WHISPER_MODEL;
  const language = options.language ?? 'dutch';
  const dtype = resolveWhisperDtype(modelsDir, modelId, options.dtype ?? 'auto');

  const transformers = await import('@huggingface/transformers');
  const { env } = transformers;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${modelsDir}${path.sep}`;
  env.cacheDir = path.join(modelsDir, '.cache');

  const asr = (await transformers.pipeline('automatic-speech-recognition', modelId, {
    dtype,
    device: 'cpu',
    local_files_only: true,
    ...(options.threads ? { session_options: { intraOpNumThreads: options.threads, interOpNumThreads: 1 } } : {}),
  })) as unknown as AsrPipeline;

  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const transcribe = async (
    file: string,
    onProgress?: (p: TranscriptionProgress) => void,
    signal?: AbortSignal,
  ): Promise<Transcript> => {
    signal?.throwIfAborted();
    const info = await probeAudio(file, options);
    const windows: WindowTranscript[] = [];
    let count = 0;
    let transcribed = 0;
    let decodedMs = 0;
    for await (const window of decodePcmChunks(file, { ...options, signal })) {
      signal?.throwIfAborted();
      count += 1;
      decodedMs = window.endMs;
      const silent = !measureSpeechEnergy(window.samples).hasSpeech;
      if (!silent) {
        const output = await asr(window.samples, { language, task: 'transcribe', return_timestamps: true });
        windows.push(windowTranscript(window, output));
        transcribed += 1;
      } else {
        windows.push({ startMs: window.startMs, endMs: window.endMs, segments: [] });
      }
      onProgress?.({
        window: window.index,
        startMs: window.startMs,
        endMs: window.endMs,
        silent,
        durationMs: info.durationMs,
      });
    }
    // ffmpeg's decoded length is exact; ffprobe's can be an estimate (VBR MP3, WebM without duration).
    const durationMs = decodedMs > 0 ? decodedMs : info.durationMs;
    const segments = mergeWindowTranscripts(windows, { durationMs });
    const text = joinSegments(segments);
    if (text.length === 0) throw new TranscriptionError('NO_SPEECH', NO_SPEECH_MESSAGE);
    return {
      text,
      segments,
      durationMs,
      language: languageCode(language),
      modelId,
      dtype,
      windows: count,
      transcribedWindows: transcribed,
    };
  };

  return {
    modelId,
    dtype,
    transcribeFile: (file, onProgress, signal) => {
      if (closed) return Promise.reject(new Error('Transcriber is closed'));
      // One generation at a time per loaded model: concurrent calls would only compete for the same cores.
      const run = queue.then(() => transcribe(file, onProgress, signal));
      queue = run.catch(() => undefined);
      return run;
    },
    close: async () => {
      closed = true;
      await queue;
      await asr.dispose();
    },
  };
};
