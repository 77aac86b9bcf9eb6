import { parseByteRange } from './byte-range';

describe('parseByteRange', () => {
  it('sends the whole file without a Range header or with one it does not understand', () => {
    expect(parseByteRange(undefined, 100)).toEqual({ kind: 'whole' });
    expect(parseByteRange('bytes=0-1,5-9', 100)).toEqual({ kind: 'whole' });
    expect(parseByteRange('items=0-1', 100)).toEqual({ kind: 'whole' });
    expect(parseByteRange('bytes=-', 100)).toEqual({ kind: 'whole' });
  });

  it('reads start-end, open-ended and suffix ranges', () => {
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ kind: 'partial', range: { start: 0, end: 9 } });
    expect(parseByteRange('bytes=50-', 100)).toEqual({ kind: 'partial', range: { start: 50, end: 99 } });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ kind: 'partial', range: { start: 90, end: 99 } });
    expect(parseByteRange('bytes=-500', 100)).toEqual({ kind: 'partial', range: { start: 0, end: 99 } });
  });

  it('clips an end beyond the file and refuses a start beyond it', () => {
    expect(parseByteRange('bytes=90-200', 100)).toEqual({ kind: 'partial', range: { start: 90, end: 99 } });
    expect(parseByteRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=9-3', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
  });
});
