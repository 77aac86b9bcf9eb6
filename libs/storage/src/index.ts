export * from './audio-storage';
export * from './local-audio-storage';
export * from './s3-audio-storage';
export * from './create-audio-storage';
export * from './remove-stored-files';
