import { Upload, type DetailedError } from 'tus-js-client';
import type { OutboxItem, StoredAudio } from './db';
import { tusFingerprint } from './draft-store';
import { authHeaders, UPLOAD_CHUNK_BYTES, UPLOAD_PROXY, type UploadProgress } from './outbox';
import type { SendEvent } from './outbox-machine';
import { baseMimeType, extensionFor } from './recording';
import { eventForUploadError } from './send-results';
import { IdbUrlStorage } from './tus-url-storage';

/** Retries within one try; after these the story waits in the outbox for the next chance. */
const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10000];

const isDetailed = (error: Error): error is DetailedError => 'originalRequest' in error;

/**
 * Uploads a recording with tus-js-client. The upload URL is stored per story in IndexedDB, so after
 * a lost connection, a reload or a closed app the same upload resumes at the server's offset.
 */
export const uploadWithTusJs = (item: OutboxItem, audio: StoredAudio, onProgress: UploadProgress): Promise<SendEvent> =>
  new Promise((resolve) => {
    const mimeType = audio.mimeType || item.audio?.mimeType || 'audio/webm';
    const upload = new Upload(audio.blob, {
      endpoint: UPLOAD_PROXY,
      chunkSize: UPLOAD_CHUNK_BYTES,
      retryDelays: RETRY_DELAYS_MS,
      metadata: {
        storyId: item.id,
        filename: `${item.audio?.filename ?? `verhaal-${item.id}`}.${extensionFor(mimeType)}`,
        filetype: baseMimeType(mimeType),
      },
      headers: authHeaders(item.scope),
      fingerprint: async () => tusFingerprint(item.id),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      urlStorage: new IdbUrlStorage(),
      onProgress,
      onSuccess: ({ lastResponse }) =>
        resolve({ type: 'uploaded', serverStatus: lastResponse.getHeader('x-story-status') ?? null }),
      onError: (error) => {
        const response = isDetailed(error) ? error.originalResponse : null;
        resolve(eventForUploadError(response?.getStatus() ?? 0, response?.getBody() ?? '', navigator.onLine));
      },
    });
    upload
      .findPreviousUploads()
      .then((previous) => {
        if (previous.length > 0) upload.resumeFromPreviousUpload(previous[0]);
      })
      .catch(() => undefined)
      .finally(() => upload.start());
  });
