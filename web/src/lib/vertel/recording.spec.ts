import { describe, expect, it } from 'vitest';
import { baseMimeType, extensionFor, formatDuration, levelFromSamples, pickMimeType, toHex } from './recording';

describe('recording helpers', () => {
  it('prefers Opus in WebM, then AAC in MP4 (Safari)', () => {
    expect(pickMimeType(() => true)).toBe('audio/webm;codecs=opus');
    expect(pickMimeType((type) => type.startsWith('audio/mp4'))).toBe('audio/mp4;codecs=mp4a.40.2');
    expect(pickMimeType(() => false)).toBe('');
    expect(
      pickMimeType(() => {
        throw new Error('old browser');
      }),
    ).toBe('');
  });

  it('names the file after its container', () => {
    expect(baseMimeType('audio/webm;codecs=opus')).toBe('audio/webm');
    expect(extensionFor('audio/mp4;codecs=mp4a.40.2')).toBe('m4a');
    expect(extensionFor('audio/ogg;codecs=opus')).toBe('ogg');
    expect(extensionFor('')).toBe('webm');
  });

  it('shows the timer as m:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75_400)).toBe('1:15');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('reads silence as 0 and a loud signal as high', () => {
    expect(levelFromSamples(new Uint8Array(256).fill(128))).toBe(0);
    const loud = Uint8Array.from({ length: 256 }, (_, i) => (i % 2 === 0 ? 228 : 28));
    expect(levelFromSamples(loud)).toBeGreaterThan(0.8);
  });

  it('writes a digest as lowercase hex', () => {
    expect(toHex(Uint8Array.from([0, 15, 255]).buffer)).toBe('000fff');
  });
});
