export * from './audio-error';
export * from './command-runner';
export * from './decode-pcm-chunks';
export * from './ffmpeg';
export * from './probe-audio';
export * from './sniff-audio-type';
export * from './speech-energy';
