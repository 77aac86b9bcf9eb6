/** Headers of the API's audio answer that the browser's player needs; nothing else comes through. */
export const AUDIO_RESPONSE_HEADERS = ['content-type', 'content-length', 'content-range', 'accept-ranges'] as const;

/** Only a single `bytes=` range goes to the API; anything else asks for the whole file. */
export const forwardedRange = (header: string | null): string | null =>
  header !== null && /^bytes=\d*-\d*$/.test(header.trim()) ? header.trim() : null;
