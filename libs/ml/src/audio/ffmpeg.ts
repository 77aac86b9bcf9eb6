import { spawn } from 'node:child_process';

/** Where ffmpeg and ffprobe live: Debian's on PATH by default, or `ffmpeg-static` / a config value. */
export type FfmpegPaths = { ffmpegPath?: string; ffprobePath?: string };

export const DEFAULT_FFMPEG = 'ffmpeg';
export const DEFAULT_FFPROBE = 'ffprobe';

export type RunResult = { code: number | null; stdout: string; stderr: string };

/** Runs a short-lived command (ffprobe) and collects its output; never rejects on a non-zero exit. */
export const runCommand = (command: string, args: string[], timeoutMs = 60_000): Promise<RunResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
