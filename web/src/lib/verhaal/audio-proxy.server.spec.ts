import { describe, expect, it } from 'vitest';
import { forwardedRange } from './audio-proxy.server';

describe('forwardedRange', () => {
  it('passes one bytes range on', () => {
    expect(forwardedRange('bytes=0-')).toBe('bytes=0-');
    expect(forwardedRange(' bytes=100-199 ')).toBe('bytes=100-199');
    expect(forwardedRange('bytes=-500')).toBe('bytes=-500');
  });

  it('drops anything else', () => {
    expect(forwardedRange(null)).toBeNull();
    expect(forwardedRange('bytes=0-1, 5-6')).toBeNull();
    expect(forwardedRange('bytes=0-1\r\nx-evil: 1')).toBeNull();
  });
});
