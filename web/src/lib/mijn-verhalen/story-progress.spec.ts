import { describe, expect, it } from 'vitest';
import { canChange, storyProgress } from './story-progress';

describe('storyProgress', () => {
  it('says a spoken story is waiting for its recording until the audio has arrived', () => {
    expect(storyProgress({ status: 'RECEIVED', mode: 'audio', hasAudio: false }).key).toBe('wachtOpOpname');
    expect(storyProgress({ status: 'RECEIVED', mode: 'audio', hasAudio: true }).key).toBe('ontvangen');
    expect(storyProgress({ status: 'RECEIVED', mode: 'text', hasAudio: false }).key).toBe('ontvangen');
  });

  it('marks failures as errors and finished stories as done', () => {
    expect(storyProgress({ status: 'FAILED', mode: 'audio', hasAudio: true })).toEqual({
      key: 'mislukt',
      tone: 'error',
    });
    expect(storyProgress({ status: 'READY', mode: 'text', hasAudio: false })).toEqual({ key: 'klaar', tone: 'ok' });
  });

  it('lets a story be changed until it is withdrawn', () => {
    expect(canChange({ status: 'FAILED' })).toBe(true);
    expect(canChange({ status: 'WITHDRAWN' })).toBe(false);
  });
});
