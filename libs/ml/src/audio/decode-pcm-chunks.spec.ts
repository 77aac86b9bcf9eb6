import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AudioError } from './audio-error';
import { decodePcmChunks, type PcmWindow, SAMPLE_RATE } from './decode-pcm-chunks';
import { fixture, tempDir, twoHourRecording } from './test-audio';

const collect = async (file: string, options = {}) => {
  const windows: PcmWindow[] = [];
  for await (const w of decodePcmChunks(file, options)) windows.push(w);
  return windows;
};

describe('decodePcmChunks', () => {
  it('covers a 51 s recording with two 30 s windows that overlap by 5 s', async () => {
    const windows = await collect(fixture('synthetic/syn-nl-13-long.wav'));
    expect(windows.map(({ index, startMs, endMs, isLast }) => ({ index, startMs, endMs, isLast }))).toEqual([
      { index: 0, startMs: 0, endMs: 30_000, isLast: false },
      { index: 1, startMs: 25_000, endMs: 51_284, isLast: true },
    ]);
    const [first, second] = windows;
    expect(first.samples.length).toBe(30 * SAMPLE_RATE);
    // The second window starts with the first one's last five seconds, sample for sample.
    expect(second.samples.subarray(0, 5 * SAMPLE_RATE)).toEqual(first.samples.subarray(25 * SAMPLE_RATE));
    expect(Math.abs(second.samples.length - (51_284 - 25_000) * 16)).toBeLessThanOrEqual(16);
  });

  it('yields one short window for a short recording, and honours other sizes', async () => {
    const short = await collect(fixture('cv-nl/common_voice_nl_19530792.mp3'));
    expect(short).toHaveLength(1);
    expect(short[0]).toMatchObject({ index: 0, startMs: 0, endMs: 6912, isLast: true });

    const small = await collect(fixture('cv-nl/common_voice_nl_19530792.wav'), {
      chunkSeconds: 2,
      overlapSeconds: 0.5,
    });
    expect(small.map((w) => w.startMs)).toEqual([0, 1500, 3000, 4500, 6000]);
    expect(small.at(-1)).toMatchObject({ endMs: 6912, isLast: true });
    expect(small.filter((w) => w.isLast)).toHaveLength(1);
    small.slice(1).forEach((w, i) => expect(w.startMs).toBe(small[i].endMs - 500));
  });

  it('fails with CORRUPT when ffmpeg cannot decode, and rejects bad sizes', async () => {
    const broken = path.join(tempDir('decode'), 'broken.wav');
    writeFileSync(broken, Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEjunk'), Buffer.alloc(2000, 1)]));
    await expect(collect(broken)).rejects.toBeInstanceOf(AudioError);
    await expect(collect(broken)).rejects.toMatchObject({ code: 'CORRUPT' });
    await expect(collect(broken, { chunkSeconds: 5, overlapSeconds: 5 })).rejects.toBeInstanceOf(RangeError);
  });

  it('stops ffmpeg when the caller stops early', async () => {
    const file = twoHourRecording();
    const started = Date.now();
    for await (const w of decodePcmChunks(file)) {
      expect(w.index).toBe(0);
      break;
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('streams a two-hour recording in bounded memory', async () => {
    const file = twoHourRecording();
    const wholeFileBytes = 7200 * SAMPLE_RATE * 4; // 460 MB as float32
    const before = process.memoryUsage().rss;
    let peak = before;
    let windows = 0;
    let lastEnd = 0;
    let previousStart = -1;
    for await (const w of decodePcmChunks(file)) {
      expect(w.startMs).toBe(previousStart + (previousStart < 0 ? 1 : 25_000));
      previousStart = w.startMs;
      windows += 1;
      lastEnd = w.endMs;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(lastEnd).toBe(7_200_000);
    expect(windows).toBe(Math.ceil((7200 - 5) / 25));
    // A handful of 1.9 MB windows waiting for the garbage collector is fine; the whole file is not.
    expect(peak - before).toBeLessThan(wholeFileBytes / 4);
    console.log(
      `2 h decode: ${windows} windows, RSS +${Math.round((peak - before) / 1e6)} MB (whole file: ${wholeFileBytes / 1e6} MB)`,
    );
  }, 120_000);
});
