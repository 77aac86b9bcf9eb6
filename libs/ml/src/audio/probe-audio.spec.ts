import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AudioError } from './audio-error';
import { probeAudio } from './probe-audio';
import { ffmpegMake, fixture, tempDir } from './test-audio';

const dir = tempDir('probe');
const wav = fixture('cv-nl/common_voice_nl_19530792.wav');

const probeError = async (file: string, options = {}): Promise<AudioError> => {
  try {
    await probeAudio(file, options);
  } catch (error) {
    if (error instanceof AudioError) return error;
    throw error;
  }
  throw new Error(`expected an AudioError for ${file}`);
};

describe('probeAudio', () => {
  it('describes a WAV and an MP3 fixture', async () => {
    await expect(probeAudio(wav)).resolves.toEqual({
      durationMs: 6912,
      codec: 'pcm_s16le',
      container: 'wav',
      sampleRate: 16000,
      channels: 1,
    });
    await expect(probeAudio(fixture('cv-nl/common_voice_nl_19530792.mp3'))).resolves.toMatchObject({
      codec: 'mp3',
      container: 'mp3',
      sampleRate: 48000,
      channels: 1,
    });
  });

  it('finds the duration of a streamed WebM that has none in its header (as MediaRecorder writes it)', async () => {
    const webm = path.join(dir, 'recorder.webm');
    // Written to a pipe, ffmpeg's WebM has no duration or cues, like Chrome's and Firefox's MediaRecorder output.
    writeFileSync(webm, execFileSync('ffmpeg', ['-v', 'error', '-i', wav, '-c:a', 'libopus', '-f', 'webm', 'pipe:1']));
    const info = await probeAudio(webm);
    expect(info).toMatchObject({ codec: 'opus', container: 'webm', channels: 1 });
    expect(Math.abs(info.durationMs - 6912)).toBeLessThan(60);
  });

  it('says EMPTY for a file without bytes and for audio without frames', async () => {
    const empty = path.join(dir, 'empty.webm');
    writeFileSync(empty, '');
    const noFrames = ffmpegMake(
      ['-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '0'],
      path.join(dir, 'zero.wav'),
    );
    for (const file of [empty, noFrames]) {
      const error = await probeError(file);
      expect(error.code).toBe('EMPTY');
      expect(error.message).toBe('De opname is leeg.');
    }
  });

  it('says CORRUPT for a known container with broken insides', async () => {
    const broken = path.join(dir, 'broken.wav');
    writeFileSync(broken, Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEjunk'), Buffer.alloc(3000, 0x5a)]));
    const error = await probeError(broken);
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toBe('De opname is beschadigd of onleesbaar.');
    expect(error.detail).toMatch(/Invalid data|tag found/);
  });

  it('says UNSUPPORTED for text renamed to .mp3 and for a video without sound', async () => {
    const text = path.join(dir, 'story.mp3');
    writeFileSync(text, 'Dit is geen opname maar tekst.');
    const video = ffmpegMake(
      ['-f', 'lavfi', '-i', 'color=c=black:s=32x32:d=1', '-c:v', 'libvpx'],
      path.join(dir, 'video.webm'),
    );
    expect((await probeError(text)).code).toBe('UNSUPPORTED');
    expect((await probeError(video)).code).toBe('UNSUPPORTED');
  });

  it('says TOO_LONG above the limit', async () => {
    const copy = path.join(dir, 'long.wav');
    copyFileSync(wav, copy);
    const error = await probeError(copy, { maxDurationMs: 5000 });
    expect(error.code).toBe('TOO_LONG');
    expect(error.message).toBe('De opname is te lang.');
  });
});
