import { spawn } from 'node:child_process';
import { AudioError } from './audio-error';
import { DEFAULT_FFMPEG, type FfmpegPaths } from './ffmpeg';

/** Whisper's input: 16 kHz mono float. */
export const SAMPLE_RATE = 16_000;

export type PcmWindow = {
  /** 0, 1, 2 … */
  index: number;
  /** Where the window starts in the recording. */
  startMs: number;
  /** startMs + samples.length / 16. */
  endMs: number;
  /** Mono 16 kHz samples in [-1, 1]; the first `overlapSeconds` repeat the previous window's tail. Owned by the caller. */
  samples: Float32Array;
  isLast: boolean;
};

export type DecodeOptions = FfmpegPaths & {
  /** Window length. Default 30 s (Whisper's context). */
  chunkSeconds?: number;
  /** How much of the previous window each window repeats. Default 5 s. */
  overlapSeconds?: number;
  signal?: AbortSignal;
};

const toMs = (samples: number) => Math.round((samples * 1000) / SAMPLE_RATE);

/**
 * Streams a recording of any length through `ffmpeg -ac 1 -ar 16000 -f f32le` and yields overlapping windows. Memory
 * stays at about two windows (the one the caller holds and the one being filled, ~2 MB each at 30 s): ffmpeg blocks on
 * the pipe while the caller works on a window, so a two-hour recording is never in memory at once.
 */
export async function* decodePcmChunks(file: string, options: DecodeOptions = {}): AsyncGenerator<PcmWindow> {
  const chunkSeconds = options.chunkSeconds ?? 30;
  const overlapSeconds = options.overlapSeconds ?? 5;
  if (!(chunkSeconds > 0) || !(overlapSeconds >= 0) || overlapSeconds >= chunkSeconds) {
    throw new RangeError('decodePcmChunks: need chunkSeconds > overlapSeconds >= 0');
  }
  const windowLength = Math.round(chunkSeconds * SAMPLE_RATE);
  const overlap = Math.round(overlapSeconds * SAMPLE_RATE);

  const ffmpeg = spawn(
    options.ffmpegPath ?? DEFAULT_FFMPEG,
    [
      '-nostdin',
      '-hide_banner',
      '-v',
      'error',
      '-i',
      file,
      '-vn',
      '-ac',
      '1',
      '-ar',
      String(SAMPLE_RATE),
      '-f',
      'f32le',
      '-',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal },
  );
  let stderr = '';
  ffmpeg.stderr.setEncoding('utf8');
  ffmpeg.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-2000);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    ffmpeg.once('error', reject);
    ffmpeg.once('close', (code) => resolve(code));
  });
  exited.catch(() => undefined); // observed below; avoids an unhandled rejection when the caller stops early

  let window = new Float32Array(windowLength);
  let filled = 0;
  let startSample = 0;
  let index = 0;
  let pending = false; // a full window waits until we know whether more audio follows (isLast)
  const carry = new Uint8Array(4); // a float split across two pipe reads
  let carried = 0;

  const emit = (isLast: boolean): PcmWindow => {
    const samples = filled === windowLength ? window : window.slice(0, filled);
    return { index, startMs: toMs(startSample), endMs: toMs(startSample + filled), samples, isLast };
  };
  const advance = () => {
    const next = new Float32Array(windowLength);
    next.set(window.subarray(windowLength - overlap));
    window = next;
    filled = overlap;
    startSample += windowLength - overlap;
    index += 1;
    pending = false;
  };

  try {
    for await (const chunk of ffmpeg.stdout as AsyncIterable<Buffer>) {
      let bytes: Uint8Array = chunk;
      if (carried > 0) {
        const joined = new Uint8Array(carried + chunk.length);
        joined.set(carry.subarray(0, carried));
        joined.set(chunk, carried);
        bytes = joined;
        carried = 0;
      }
      const whole = bytes.length - (bytes.length % 4);
      if (whole < bytes.length) {
        carry.set(bytes.subarray(whole));
        carried = bytes.length - whole;
      }
      // Float32Array needs a 4-byte aligned offset; pooled Buffers are not always aligned, so copy those.
      const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes.subarray(0, whole));
      const floats = new Float32Array(aligned.buffer, aligned.byteOffset, whole / 4);
      let offset = 0;
      while (offset < floats.length) {
        if (pending) {
          yield emit(false);
          advance();
        }
        const n = Math.min(windowLength - filled, floats.length - offset);
        window.set(floats.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === windowLength) pending = true;
      }
    }
    const code = await exited;
    if (code !== 0) throw new AudioError('CORRUPT', `ffmpeg exited with ${code}: ${stderr.trim()}`);
    // The tail is worth a window when it holds audio the previous window did not (or when it is the only one).
    if (pending || filled > overlap || (index === 0 && filled > 0)) yield emit(true);
  } finally {
    if (ffmpeg.exitCode === null && ffmpeg.signalCode === null) ffmpeg.kill('SIGKILL');
  }
}
