import { describe, expect, it } from 'vitest';
import { encodeMetadata } from './tus-fetch';

describe('encodeMetadata', () => {
  it('writes tus metadata as key base64(value), UTF-8 safe', () => {
    expect(encodeMetadata({ storyId: 'abc', filename: 'verhaal é.webm' })).toBe(
      `storyId ${btoa('abc')},filename ${Buffer.from('verhaal é.webm').toString('base64')}`,
    );
  });
});
