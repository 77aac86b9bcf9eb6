import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sniffAudioType } from './sniff-audio-type';
import { ffmpegMake, fixture, tempDir } from './test-audio';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const head = (file: string) => readFileSync(file).subarray(0, 64);

describe('sniffAudioType', () => {
  it('recognises the containers browsers and phones record in by their magic bytes', () => {
    expect(sniffAudioType(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86]))).toBe('webm');
    expect(sniffAudioType(bytes('OggS', [0, 2]))).toBe('ogg');
    expect(sniffAudioType(bytes([0, 0, 0, 0x1c], 'ftypM4A '))).toBe('mp4');
    expect(sniffAudioType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBe('wav');
    expect(sniffAudioType(bytes('fLaC', [0, 0, 0, 0x22]))).toBe('flac');
    expect(sniffAudioType(bytes('ID3', [4, 0, 0, 0, 0, 0, 0]))).toBe('mp3');
    expect(sniffAudioType(bytes([0xff, 0xfb, 0x90, 0x64]))).toBe('mp3');
  });

  it('sees through an ID3 tag in front of FLAC', () => {
    expect(sniffAudioType(bytes('ID3', [4, 0, 0, 0, 0, 0, 2], [0, 0], 'fLaC'))).toBe('flac');
  });

  it('rejects what is not one of those, whatever the declared MIME type would say', () => {
    expect(sniffAudioType(new Uint8Array())).toBeNull();
    expect(sniffAudioType(bytes('hallo, dit is geen audio'))).toBeNull();
    expect(sniffAudioType(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffAudioType(bytes([0x89], 'PNG', [0x0d, 0x0a]))).toBeNull();
    expect(sniffAudioType(bytes('RIFF', [0, 0, 0, 0], 'AVI '))).toBeNull();
    expect(sniffAudioType(bytes([0xff, 0xf1, 0x50, 0x80]))).toBeNull(); // AAC in ADTS, not MPEG layer III
  });

  it('recognises real files', () => {
    const dir = tempDir('sniff');
    const wav = fixture('cv-nl/common_voice_nl_19629340.wav');
    expect(sniffAudioType(head(wav))).toBe('wav');
    expect(sniffAudioType(head(fixture('cv-nl/common_voice_nl_19629340.mp3')))).toBe('mp3');
    const made: [string, string[]][] = [
      ['webm', ['-c:a', 'libopus']],
      ['ogg', ['-c:a', 'libopus']],
      ['m4a', ['-c:a', 'aac']],
      ['flac', ['-c:a', 'flac']],
    ];
    const expected: Record<string, string> = { webm: 'webm', ogg: 'ogg', m4a: 'mp4', flac: 'flac' };
    for (const [ext, codec] of made) {
      const out = ffmpegMake(['-i', wav, ...codec], path.join(dir, `x.${ext}`));
      expect(sniffAudioType(head(out))).toBe(expected[ext]);
    }
  });
});
