export type AudioType = 'webm' | 'ogg' | 'mp4' | 'wav' | 'mp3' | 'flac';

/** How many leading bytes sniffAudioType needs at most (ID3 tags are skipped only when their header fits). */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, offset: number, text: string) =>
  bytes.length >= offset + text.length && [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));

// MPEG audio frame header: 11 sync bits, a version other than "reserved" (01) and layer I/II/III (not 00, which is
// AAC in ADTS), a bitrate index other than 1111.
const isMpegFrame = (bytes: Uint8Array, offset: number) =>
  bytes.length >= offset + 3 &&
  bytes[offset] === 0xff &&
  (bytes[offset + 1] & 0xe0) === 0xe0 &&
  (bytes[offset + 1] & 0x18) !== 0x08 &&
  (bytes[offset + 1] & 0x06) !== 0 &&
  (bytes[offset + 2] & 0xf0) !== 0xf0;

/**
 * Audio container from the first bytes of a file, by magic numbers only: browsers and clients declare MIME types
 * loosely (Safari's MediaRecorder says audio/mp4, some Androids say video/webm for audio), so the bytes decide.
 * Returns null for anything else, including AAC in ADTS and plain text.
 */
export const sniffAudioType = (firstBytes: Uint8Array): AudioType | null => {
  const b = firstBytes;
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'webm'; // EBML
  if (ascii(b, 0, 'OggS')) return 'ogg';
  if (ascii(b, 0, 'fLaC')) return 'flac';
  if ((ascii(b, 0, 'RIFF') || ascii(b, 0, 'RF64')) && ascii(b, 8, 'WAVE')) return 'wav';
  if (ascii(b, 4, 'ftyp')) return 'mp4'; // also m4a / 3gp
  if (ascii(b, 0, 'ID3')) {
    // ID3v2 tag (often before FLAC too); its size is a 28-bit syncsafe integer after a 10-byte header.
    if (b.length < 10) return 'mp3';
    const size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
    const next = 10 + size;
    if (ascii(b, next, 'fLaC')) return 'flac';
    return 'mp3';
  }
  if (isMpegFrame(b, 0)) return 'mp3';
  return null;
};
