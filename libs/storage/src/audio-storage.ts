import type { Readable } from 'node:stream';

export type StoredObject = { key: string; bytes: number; sha256: string };
/** Inclusive byte positions, as in an HTTP `Range: bytes=start-end` header. */
export type ByteRange = { start: number; end: number };

/**
 * Where recordings live: a local folder by default, an S3-compatible bucket in production.
 * Keys are `<organisationId>/<storyId>/<name>`, so erasing a story or an organisation removes a prefix.
 */
export type AudioStorage = {
  /** Moves or copies a finished upload into storage; returns its size and sha256 (hex). */
  putFile(key: string, sourceFile: string): Promise<StoredObject>;
  /** The whole object, or only the bytes of `range` (for players that seek). */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** A local file path for tools like ffmpeg; for remote storage a temporary copy, removed by `release`. */
  localCopy(key: string): Promise<{ path: string; release: () => Promise<void> }>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  deletePrefix(prefix: string): Promise<number>;
};

const SAFE_PART = /^[A-Za-z0-9._-]+$/;

export const audioKey = (organisationId: string, storyId: string, name: string) => {
  for (const part of [organisationId, storyId, name]) {
    if (!SAFE_PART.test(part) || part === '.' || part === '..') throw new Error(`Ongeldige opslagsleutel: ${part}`);
  }
  return `${organisationId}/${storyId}/${name}`;
};
