import { open, stat } from 'node:fs/promises';
import { AudioError } from './audio-error';
import type { RunCommand } from './command-runner';
import { DEFAULT_FFPROBE, type FfmpegPaths, runCommand } from './ffmpeg';
import { SNIFF_BYTES, sniffAudioType } from './sniff-audio-type';

export type AudioInfo = {
  durationMs: number;
  /** ffprobe's codec name: opus, aac, mp3, pcm_s16le, flac, vorbis … */
  codec: string;
  /** 'webm' | 'ogg' | 'mp4' | 'wav' | 'mp3' | 'flac', else ffprobe's first format name (e.g. 'aac', 'amr'). */
  container: string;
  sampleRate: number;
  channels: number;
};

export type ProbeOptions = FfmpegPaths & {
  /** Longer recordings throw TOO_LONG. Default 3 hours. */
  maxDurationMs?: number;
  /** How ffprobe is started; a busy server passes `new CommandRunner().run` (see command-runner.ts). */
  run?: RunCommand;
};

export const DEFAULT_MAX_DURATION_MS = 3 * 60 * 60 * 1000;

type FfprobeStream = {
  codec_type?: string;
  codec_name?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
};
type FfprobeOutput = {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string };
};

const CONTAINERS: Record<string, string> = {
  matroska: 'webm',
  webm: 'webm',
  ogg: 'ogg',
  mov: 'mp4',
  mp4: 'mp4',
  m4a: 'mp4',
  wav: 'wav',
  mp3: 'mp3',
  flac: 'flac',
};

const seconds = (value: string | undefined): number | null => {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

const readHead = async (file: string): Promise<Uint8Array> => {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

// MediaRecorder's WebM (Chrome, Firefox) has no duration in its header; the end of the last packet gives it. This
// reads the whole file's packet index (no decoding): about a second for two hours of Opus.
const durationFromPackets = async (file: string, ffprobe: string, run: RunCommand): Promise<number | null> => {
  const { code, stdout } = await run(
    ffprobe,
    ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0', file],
    120_000,
  );
  if (code !== 0) return null;
  let end: number | null = null;
  for (const line of stdout.split('\n')) {
    const [pts, duration] = line.split(',');
    const start = seconds(pts);
    if (start !== null) end = Math.max(end ?? 0, start + (seconds(duration) ?? 0));
  }
  return end;
};

/**
 * What a recording is, via ffprobe, or an AudioError: EMPTY (no bytes, no audio frames), CORRUPT (unreadable),
 * UNSUPPORTED (no audio stream, or bytes that are no audio format we know and ffprobe cannot read), TOO_LONG.
 */
export const probeAudio = async (file: string, options: ProbeOptions = {}): Promise<AudioInfo> => {
  const ffprobe = options.ffprobePath ?? DEFAULT_FFPROBE;
  const maxDurationMs = options.maxDurationMs ?? DEFAULT_MAX_DURATION_MS;
  const { size } = await stat(file);
  if (size === 0) throw new AudioError('EMPTY', 'file has 0 bytes');

  const run = options.run ?? runCommand;
  const { code, stdout, stderr } = await run(ffprobe, [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    file,
  ]);
  if (code !== 0) {
    const detail = stderr.trim().split('\n').slice(-3).join(' | ');
    throw new AudioError(sniffAudioType(await readHead(file)) === null ? 'UNSUPPORTED' : 'CORRUPT', detail);
  }
  let parsed: FfprobeOutput;
  try {
    parsed = JSON.parse(stdout) as FfprobeOutput;
  } catch {
    throw new AudioError('CORRUPT', 'ffprobe printed no JSON');
  }
  const audio = parsed.streams?.find((s) => s.codec_type === 'audio');
  if (!audio) throw new AudioError('UNSUPPORTED', 'no audio stream');

  const formatName = parsed.format?.format_name ?? 'unknown';
  const container = CONTAINERS[formatName.split(',')[0]] ?? formatName.split(',')[0];
  const durationS =
    seconds(parsed.format?.duration) ?? seconds(audio.duration) ?? (await durationFromPackets(file, ffprobe, run));
  if (durationS === null || durationS === 0) throw new AudioError('EMPTY', 'no audio frames');
  const durationMs = Math.round(durationS * 1000);
  if (durationMs > maxDurationMs) {
    throw new AudioError('TOO_LONG', `${durationMs} ms > ${maxDurationMs} ms`);
  }
  return {
    durationMs,
    codec: audio.codec_name ?? 'unknown',
    container,
    sampleRate: Number(audio.sample_rate ?? 0),
    channels: audio.channels ?? 0,
  };
};
