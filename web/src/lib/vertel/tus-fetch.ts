import { openVertelDb, type OutboxItem, type StoredAudio, type TusEntry } from './db';
import { tusFingerprint } from './draft-store';
import { authHeaders, UPLOAD_CHUNK_BYTES, UPLOAD_PROXY, type UploadProgress } from './outbox';
import type { SendEvent } from './outbox-machine';
import { baseMimeType, extensionFor } from './recording';
import { eventForUploadError } from './send-results';

/**
 * A minimal tus 1.0 client on fetch, for the service worker's background sync (tus-js-client needs
 * `window` and XMLHttpRequest, which a worker has not). It reads and writes the same upload URL
 * record as the page's IdbUrlStorage, so page and worker continue each other's uploads.
 */

const TUS = { 'tus-resumable': '1.0.0' };

/** tus metadata: comma-separated `key base64(value)` pairs; values are UTF-8. */
export const encodeMetadata = (metadata: Record<string, string>): string =>
  Object.entries(metadata)
    .map(([key, value]) => {
      const bytes = new TextEncoder().encode(value);
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return `${key} ${btoa(binary)}`;
    })
    .join(',');

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`tus: HTTP ${status}`);
  }
}

const check = async (response: Response, okStatuses: number[]): Promise<Response> => {
  if (okStatuses.includes(response.status)) return response;
  throw new HttpFailure(response.status, await response.text().catch(() => ''));
};

const storedUploadUrl = async (storyId: string): Promise<string | null> => {
  const db = await openVertelDb();
  const [entry] = await db.getAllFromIndex('tus', 'byFingerprint', tusFingerprint(storyId));
  return entry?.uploadUrl ?? null;
};

const rememberUploadUrl = async (
  storyId: string,
  uploadUrl: string,
  size: number,
  metadata: Record<string, string>,
) => {
  const fingerprint = tusFingerprint(storyId);
  const entry: TusEntry = {
    key: `tus::${fingerprint}`,
    fingerprint,
    size,
    metadata,
    creationTime: new Date().toString(),
    uploadUrl,
    parallelUploadUrls: null,
  };
  await (await openVertelDb()).put('tus', entry);
};

const forgetUploadUrl = async (storyId: string) => {
  const db = await openVertelDb();
  for (const key of await db.getAllKeysFromIndex('tus', 'byFingerprint', tusFingerprint(storyId))) {
    await db.delete('tus', key);
  }
};

/** The server's offset for a stored upload, or null when it no longer knows it (then we start anew). */
const offsetOf = async (url: string, headers: Record<string, string>): Promise<number | null> => {
  const response = await fetch(url, { method: 'HEAD', headers: { ...TUS, ...headers }, cache: 'no-store' });
  if (response.status === 404 || response.status === 410 || response.status === 403) return null;
  await check(response, [200, 204]);
  const offset = Number.parseInt(response.headers.get('upload-offset') ?? '', 10);
  if (Number.isNaN(offset)) throw new HttpFailure(response.status, '');
  return offset;
};

export const uploadWithFetch = async (
  item: OutboxItem,
  audio: StoredAudio,
  onProgress: UploadProgress,
): Promise<SendEvent> => {
  const headers = authHeaders(item.scope);
  const size = audio.blob.size;
  const mimeType = audio.mimeType || item.audio?.mimeType || 'audio/webm';
  const metadata = {
    storyId: item.id,
    filename: `${item.audio?.filename ?? `verhaal-${item.id}`}.${extensionFor(mimeType)}`,
    filetype: baseMimeType(mimeType),
  };
  try {
    let url = await storedUploadUrl(item.id);
    let offset = url ? await offsetOf(url, headers) : null;
    if (url === null || offset === null) {
      await forgetUploadUrl(item.id);
      const created = await check(
        await fetch(UPLOAD_PROXY, {
          method: 'POST',
          headers: { ...TUS, ...headers, 'upload-length': String(size), 'upload-metadata': encodeMetadata(metadata) },
        }),
        [201],
      );
      const location = created.headers.get('location');
      if (!location) throw new HttpFailure(created.status, '');
      url = new URL(location, self.location.origin).pathname;
      await rememberUploadUrl(item.id, url, size, metadata);
      offset = 0;
    }
    let last: Response | null = null;
    while (offset < size) {
      const end = Math.min(size, offset + UPLOAD_CHUNK_BYTES);
      last = await check(
        await fetch(url, {
          method: 'PATCH',
          headers: {
            ...TUS,
            ...headers,
            'upload-offset': String(offset),
            'content-type': 'application/offset+octet-stream',
          },
          body: audio.blob.slice(offset, end),
        }),
        [200, 204],
      );
      const next = Number.parseInt(last.headers.get('upload-offset') ?? '', 10);
      if (Number.isNaN(next) || next <= offset) throw new HttpFailure(last.status, '');
      offset = next;
      onProgress(offset, size);
    }
    await forgetUploadUrl(item.id);
    return { type: 'uploaded', serverStatus: last?.headers.get('x-story-status') ?? null };
  } catch (cause) {
    if (cause instanceof HttpFailure) return eventForUploadError(cause.status, cause.body, navigator.onLine);
    return eventForUploadError(0, '', navigator.onLine);
  }
};
