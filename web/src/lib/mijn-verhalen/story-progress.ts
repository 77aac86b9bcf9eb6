import type { StoryMode, StoryStatus } from '@vertelpunt/domain';

export type StoryProgress = {
  /** Key under `mijnVerhalen.voortgang`: what is happening with the story, in plain Dutch. */
  key: 'wachtOpOpname' | 'ontvangen' | 'uitgeschreven' | 'geanonimiseerd' | 'klaar' | 'mislukt' | 'ingetrokken';
  tone: 'ok' | 'busy' | 'error' | 'muted' | 'waiting';
};

type StoryLike = { status: StoryStatus; mode: StoryMode | string; hasAudio: boolean };

/**
 * What a wijkcoach needs to know about their story. A spoken story whose recording has not arrived
 * yet says so (it is still on the phone), rather than "Ontvangen", which would suggest it is on its way.
 */
export const storyProgress = (story: StoryLike): StoryProgress => {
  switch (story.status) {
    case 'RECEIVED':
      return story.mode === 'audio' && !story.hasAudio
        ? { key: 'wachtOpOpname', tone: 'waiting' }
        : { key: 'ontvangen', tone: 'busy' };
    case 'TRANSCRIBED':
      return { key: 'uitgeschreven', tone: 'busy' };
    case 'REDACTED':
      return { key: 'geanonimiseerd', tone: 'busy' };
    case 'READY':
      return { key: 'klaar', tone: 'ok' };
    case 'FAILED':
      return { key: 'mislukt', tone: 'error' };
    case 'WITHDRAWN':
      return { key: 'ingetrokken', tone: 'muted' };
  }
};

/** A story can be edited and withdrawn until it is withdrawn. */
export const canChange = (story: { status: StoryStatus }): boolean => story.status !== 'WITHDRAWN';
