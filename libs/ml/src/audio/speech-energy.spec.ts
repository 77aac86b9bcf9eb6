import { execFileSync } from 'node:child_process';
import { SAMPLE_RATE } from './decode-pcm-chunks';
import { isSilent, measureSpeechEnergy } from './speech-energy';
import { fixture } from './test-audio';

const pcm = (args: string[]) => {
  const out = execFileSync(
    'ffmpeg',
    ['-nostdin', '-v', 'error', ...args, '-ac', '1', '-ar', '16000', '-f', 'f32le', '-'],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return new Float32Array(out.buffer, out.byteOffset, out.length / 4);
};
const lavfi = (source: string) => pcm(['-f', 'lavfi', '-i', source]);

describe('speech energy', () => {
  it('finds speech in every Dutch fixture', () => {
    for (const file of [
      'cv-nl/common_voice_nl_17694848.wav',
      'cv-nl/common_voice_nl_19530792.mp3',
      'synthetic/syn-nl-01.wav',
    ]) {
      const energy = measureSpeechEnergy(pcm(['-i', fixture(file)]));
      expect(energy.hasSpeech).toBe(true);
      expect(energy.speechMs).toBeGreaterThan(1000);
    }
  });

  it('calls digital silence, a steady tone and steady noise silent', () => {
    expect(isSilent(new Float32Array(SAMPLE_RATE * 10))).toBe(true);
    expect(isSilent(lavfi('anullsrc=r=16000:cl=mono:d=5'))).toBe(true);
    expect(isSilent(lavfi('sine=frequency=300:sample_rate=16000:duration=5'))).toBe(true);
    expect(isSilent(lavfi('anoisesrc=color=pink:amplitude=0.05:sample_rate=16000:duration=5:seed=1'))).toBe(true);
  });

  it('calls very quiet audio silent and nothing at all silent', () => {
    const quiet = lavfi('anoisesrc=amplitude=0.001:sample_rate=16000:duration=5:seed=2');
    expect(isSilent(quiet)).toBe(true);
    expect(isSilent(new Float32Array(0))).toBe(true);
  });

  it('hears a short story between silences', () => {
    const speech = pcm(['-i', fixture('cv-nl/common_voice_nl_19629340.wav')]);
    const padded = new Float32Array(SAMPLE_RATE * 20);
    padded.set(speech, SAMPLE_RATE * 8);
    expect(isSilent(padded)).toBe(false);
  });
});
