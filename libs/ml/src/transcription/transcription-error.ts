export type TranscriptionErrorCode = 'NO_WEIGHTS' | 'NO_SPEECH';

export const NO_SPEECH_MESSAGE = 'geen spraak gevonden';

export class TranscriptionError extends Error {
  readonly code: TranscriptionErrorCode;

  constructor(code: TranscriptionErrorCode, message: string) {
    super(message);
    this.name = 'TranscriptionError';
    this.code = code;
  }
}

export const isTranscriptionError = (error: unknown): error is TranscriptionError =>
  error instanceof TranscriptionError;
