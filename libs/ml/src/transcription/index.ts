export * from './merge-windows';
export * from './tiny-whisper';
export * from './transcriber';
export * from './transcription-error';
export * from './whisper-weights';
export * from './word-error-rate';
