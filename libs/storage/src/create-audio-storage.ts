import type { Config } from '@vertelpunt/config';
import type { AudioStorage } from './audio-storage';
import { LocalAudioStorage } from './local-audio-storage';
import { S3AudioStorage } from './s3-audio-storage';

export const createAudioStorage = (config: Config): AudioStorage =>
  config.storage.s3 ? new S3AudioStorage(config.storage.s3) : new LocalAudioStorage(config.storage.audioDir);
