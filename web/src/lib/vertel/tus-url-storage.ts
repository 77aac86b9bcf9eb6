import type { PreviousUpload, UrlStorage } from 'tus-js-client';
import { openVertelDb, type TusEntry } from './db';

/**
 * tus-js-client's upload URLs in IndexedDB rather than localStorage: next to the recording they
 * belong to, removed together with it, and readable by the service worker.
 */
export class IdbUrlStorage implements UrlStorage {
  async findAllUploads(): Promise<PreviousUpload[]> {
    const db = await openVertelDb();
    return (await db.getAll('tus')).map(toPrevious);
  }

  async findUploadsByFingerprint(fingerprint: string): Promise<PreviousUpload[]> {
    const db = await openVertelDb();
    return (await db.getAllFromIndex('tus', 'byFingerprint', fingerprint)).map(toPrevious);
  }

  async removeUpload(urlStorageKey: string): Promise<void> {
    await (await openVertelDb()).delete('tus', urlStorageKey);
  }

  async addUpload(fingerprint: string, upload: PreviousUpload): Promise<string> {
    const db = await openVertelDb();
    // One upload per story: a new one replaces the old, so resuming never picks a stale URL.
    for (const key of await db.getAllKeysFromIndex('tus', 'byFingerprint', fingerprint)) await db.delete('tus', key);
    const key = `tus::${fingerprint}`;
    const entry: TusEntry = {
      key,
      fingerprint,
      size: upload.size,
      metadata: { ...upload.metadata },
      creationTime: upload.creationTime,
      uploadUrl: upload.uploadUrl,
      parallelUploadUrls: upload.parallelUploadUrls ? [...upload.parallelUploadUrls] : null,
    };
    await db.put('tus', entry);
    return key;
  }
}

const toPrevious = (entry: TusEntry): PreviousUpload => ({
  size: entry.size,
  metadata: entry.metadata,
  creationTime: entry.creationTime,
  urlStorageKey: entry.key,
  uploadUrl: entry.uploadUrl,
  parallelUploadUrls: entry.parallelUploadUrls,
});
