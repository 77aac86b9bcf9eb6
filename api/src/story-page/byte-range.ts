import type { ByteRange } from '@vertelpunt/storage';

/** What to send for a `Range` header: the whole file, one range, or 416 when the range lies outside it. */
export type RangeAnswer = { kind: 'whole' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * One `bytes=` range (RFC 9110 §14.1.2): `start-end`, `start-` or the suffix `-count`. Several ranges
 * or another unit are answered with the whole file, which the RFC allows; players ask for one range.
 */
export const parseByteRange = (header: string | undefined, size: number): RangeAnswer => {
  if (!header) return { kind: 'whole' };
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'whole' };
  if (size === 0) return { kind: 'unsatisfiable' };
  if (match[1] === '') {
    const count = Number(match[2]);
    if (count === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', range: { start: Math.max(size - count, 0), end: size - 1 } };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'partial', range: { start, end } };
};
