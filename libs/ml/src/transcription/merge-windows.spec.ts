import { joinSegments, mergeWindowTranscripts } from './merge-windows';

describe('mergeWindowTranscripts', () => {
  it('passes one window through, clamped to the recording', () => {
    const segments = mergeWindowTranscripts(
      [{ startMs: 0, endMs: 6900, segments: [{ startMs: 0, endMs: 30_000, text: ' Mijn toetsenbord zit vol stof.' }] }],
      { durationMs: 6900 },
    );
    expect(segments).toEqual([{ startMs: 0, endMs: 6900, text: 'Mijn toetsenbord zit vol stof.' }]);
  });

  it('drops the words both windows heard in their overlap', () => {
    const segments = mergeWindowTranscripts([
      {
        startMs: 0,
        endMs: 30_000,
        segments: [
          { startMs: 0, endMs: 24_000, text: 'Ik woon al twintig jaar in deze wijk.' },
          { startMs: 24_000, endMs: 30_000, text: 'Sinds de buurvrouw verhuisde ben ik vaak all' },
        ],
      },
      {
        startMs: 25_000,
        endMs: 50_000,
        segments: [
          { startMs: 25_000, endMs: 32_000, text: 'buurvrouw verhuisde, ben ik vaak alleen.' },
          { startMs: 32_000, endMs: 50_000, text: 'Gelukkig komt de wijkcoach langs.' },
        ],
      },
    ]);
    expect(joinSegments(segments)).toBe(
      'Ik woon al twintig jaar in deze wijk. Sinds de buurvrouw verhuisde ben ik vaak alleen. Gelukkig komt de wijkcoach langs.',
    );
    segments.forEach((s, i) => {
      expect(s.endMs).toBeGreaterThanOrEqual(s.startMs);
      if (i > 0) expect(s.startMs).toBeGreaterThanOrEqual(segments[i - 1].endMs);
    });
  });

  it('splits at the middle of the overlap when the windows disagree', () => {
    const segments = mergeWindowTranscripts([
      { startMs: 0, endMs: 30_000, segments: [{ startMs: 0, endMs: 30_000, text: 'een twee drie vier vijf zes' }] },
      { startMs: 25_000, endMs: 40_000, segments: [{ startMs: 25_000, endMs: 40_000, text: 'zeven acht negen' }] },
    ]);
    // 'zes' sits at 27.5 s, the middle of the overlap: the later window owns it and it heard nothing there.
    expect(joinSegments(segments)).toBe('een twee drie vier vijf zeven acht negen');
    expect(segments[1].startMs).toBeGreaterThanOrEqual(segments[0].endMs);
    expect(segments.at(-1)?.endMs).toBe(40_000);
  });

  it('skips windows without segments (silence) and empty texts', () => {
    const segments = mergeWindowTranscripts([
      { startMs: 0, endMs: 30_000, segments: [{ startMs: 1000, endMs: 4000, text: 'Hallo.' }] },
      { startMs: 25_000, endMs: 55_000, segments: [] },
      {
        startMs: 50_000,
        endMs: 60_000,
        segments: [
          { startMs: 51_000, endMs: 52_000, text: '  ' },
          { startMs: 52_000, endMs: 58_000, text: 'Tot ziens.' },
        ],
      },
    ]);
    expect(segments).toEqual([
      { startMs: 1000, endMs: 4000, text: 'Hallo.' },
      { startMs: 52_000, endMs: 58_000, text: 'Tot ziens.' },
    ]);
  });
});
