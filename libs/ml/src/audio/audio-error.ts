export type AudioErrorCode = 'CORRUPT' | 'EMPTY' | 'UNSUPPORTED' | 'TOO_LONG';

/** Dutch text a storyteller or wijkcoach may see; the English `detail` is for logs only. */
export const AUDIO_ERROR_MESSAGES: Readonly<Record<AudioErrorCode, string>> = {
  CORRUPT: 'De opname is beschadigd of onleesbaar.',
  EMPTY: 'De opname is leeg.',
  UNSUPPORTED: 'Dit soort bestand kunnen we niet afspelen. Neem het verhaal opnieuw op of kies een ander bestand.',
  TOO_LONG: 'De opname is te lang.',
};

export class AudioError extends Error {
  readonly code: AudioErrorCode;
  readonly detail: string | undefined;

  constructor(code: AudioErrorCode, detail?: string) {
    super(AUDIO_ERROR_MESSAGES[code]);
    this.name = 'AudioError';
    this.code = code;
    this.detail = detail;
  }
}

export const isAudioError = (error: unknown): error is AudioError => error instanceof AudioError;
