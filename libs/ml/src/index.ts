export * from './audio';
export * from './transcription';
export * from './text';
export * from './tagging';
export * from './redaction';
export * from './similarity';
