import { describe, expect, it } from 'vitest';
import { activeSegmentIndex, formatTimestamp, startSeconds } from './transcript';

const segments = [
  { startMs: 0, endMs: 2000, text: 'Ik kwam binnen.' },
  { startMs: 2500, endMs: 5000, text: 'Mevrouw [NAAM] zat aan tafel.' },
  { startMs: 5000, endMs: 9000, text: 'We maakten een plan.' },
];

describe('activeSegmentIndex', () => {
  it('finds the sentence being spoken', () => {
    expect(activeSegmentIndex(segments, 0)).toBe(0);
    expect(activeSegmentIndex(segments, 1999)).toBe(0);
    expect(activeSegmentIndex(segments, 3000)).toBe(1);
    expect(activeSegmentIndex(segments, 8999)).toBe(2);
  });

  it('moves to the next sentence exactly where it starts', () => {
    expect(activeSegmentIndex(segments, 5000)).toBe(2);
  });

  it('gives -1 in a pause, after the end and without segments', () => {
    expect(activeSegmentIndex(segments, 2200)).toBe(-1);
    expect(activeSegmentIndex(segments, 9000)).toBe(-1);
    expect(activeSegmentIndex([], 100)).toBe(-1);
    expect(activeSegmentIndex(segments, -5)).toBe(-1);
  });
});

describe('formatTimestamp', () => {
  it('writes minutes and seconds, and hours when needed', () => {
    expect(formatTimestamp(0)).toBe('0:00');
    expect(formatTimestamp(7_900)).toBe('0:07');
    expect(formatTimestamp(754_000)).toBe('12:34');
    expect(formatTimestamp(3_723_000)).toBe('1:02:03');
  });

  it('shows a start in seconds for the player', () => {
    expect(startSeconds(segments[1])).toBe(2.5);
  });
});
