import { describe, expect, it } from 'vitest';
import { newStoryId, UUID_V4 } from './ids';

describe('newStoryId', () => {
  it('makes a UUID v4', () => {
    expect(newStoryId()).toMatch(UUID_V4);
  });

  it('makes one without randomUUID (no secure context)', () => {
    const id = newStoryId({ getRandomValues: (array) => crypto.getRandomValues(array) });
    expect(id).toMatch(UUID_V4);
    expect(newStoryId({ getRandomValues: (array) => crypto.getRandomValues(array) })).not.toBe(id);
  });
});
