import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Shared Dutch fixtures: MODELS_DIR's sibling in this environment, overridable for other machines. */
export const FIXTURES_DIR =
  process.env.AUDIO_FIXTURES_DIR ??
  path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'audio-nl');

export const fixture = (relative: string) => path.join(FIXTURES_DIR, relative);

export const tempDir = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), `vertelpunt-${prefix}-`));

/** Runs ffmpeg quietly to make a test file (lavfi sources: anullsrc, sine, anoisesrc, aevalsrc). */
export const ffmpegMake = (args: string[], out: string) => {
  execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...args, out]);
  return out;
};

/**
 * A synthetic two-hour recording (16 kHz mono WAV, ~230 MB) in the system temp folder, made once and reused: a 440 Hz
 * tone whose loudness swings every few seconds, so it is not one flat level. Never committed.
 */
export const twoHourRecording = (seconds = 7200): string => {
  const file = path.join(os.tmpdir(), `vertelpunt-synthetic-${seconds}s.wav`);
  const expectedBytes = 44 + seconds * 16_000 * 2;
  if (existsSync(file) && Math.abs(statSync(file).size - expectedBytes) < 1024) return file;
  const partial = `${file}.${process.pid}.partial.wav`;
  ffmpegMake(
    [
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=440:sample_rate=16000:duration=${seconds}`,
      '-af',
      "volume='0.3+0.25*sin(2*PI*0.3*t)':eval=frame",
      '-ac',
      '1',
      '-c:a',
      'pcm_s16le',
    ],
    partial,
  );
  renameSync(partial, file);
  return file;
};
