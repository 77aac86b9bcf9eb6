/**
 * Pure helpers of the recorder. Chrome and Android record Opus in WebM; Safari on iOS records AAC in
 * MP4; Firefox also does Opus in Ogg. The first one the browser supports wins.
 */
export const MIME_PREFERENCE = [
  'audio/webm;codecs=opus',
  'audio/webm',
  'audio/mp4;codecs=mp4a.40.2',
  'audio/mp4',
  'audio/ogg;codecs=opus',
] as const;

/** Speech in Opus is clear at 48 kbit/s; 15 minutes stay near 5 MB for a street connection. */
export const AUDIO_BITS_PER_SECOND = 48_000;

/** A chunk every second: a crash or a closed app loses at most that. */
export const TIMESLICE_MS = 1000;

export const pickMimeType = (isSupported: (type: string) => boolean): string =>
  MIME_PREFERENCE.find((type) => {
    try {
      return isSupported(type);
    } catch {
      return false;
    }
  }) ?? '';

/** `audio/webm;codecs=opus` → `audio/webm`. */
export const baseMimeType = (mimeType: string): string => mimeType.split(';')[0].trim().toLowerCase() || 'audio/webm';

export const extensionFor = (mimeType: string): string => {
  const base = baseMimeType(mimeType);
  if (base === 'audio/mp4' || base === 'audio/aac') return 'm4a';
  if (base === 'audio/ogg') return 'ogg';
  return 'webm';
};

/** 75 000 ms → "1:15"; an hour and more → "1:02:03". */
export const formatDuration = (ms: number): string => {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
};

/** Whole minutes and seconds in words, for screen readers: "1 minuut en 15 seconden" comes from i18n. */
export const minutesAndSeconds = (ms: number): { minutes: number; seconds: number } => {
  const total = Math.max(0, Math.round(ms / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
};

/**
 * Loudness 0–1 from an AnalyserNode's time-domain bytes (128 is silence). The square root lifts
 * quiet speech so the meter visibly moves when someone talks at a normal distance.
 */
export const levelFromSamples = (samples: ArrayLike<number>): number => {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const v = (samples[i] - 128) / 128;
    sum += v * v;
  }
  return Math.min(1, Math.sqrt(Math.sqrt(sum / samples.length)) * 1.2);
};

/** Below this level for a while, we tell the teller we hear little. */
export const QUIET_LEVEL = 0.08;

/** Hex SHA-256 of bytes, as the API stores it in `audioSha256`. */
export const toHex = (buffer: ArrayBuffer): string =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
