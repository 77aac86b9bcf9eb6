import { openDB, type IDBPDatabase } from 'idb';
import type { SendState } from './outbox-machine';
import type { CreateStoryInput, Draft, TellerScope } from './types';

/** A recording, once stopped: exactly the bytes that go to the server. */
export type StoredAudio = { id: string; blob: Blob; mimeType: string; durationMs: number };

/** One second of a recording in progress, so a crash or a closed app keeps all but the last second. */
export type AudioChunk = { key?: number; draftId: string; seq: number; blob: Blob; atMs: number; mimeType: string };

/** A story the teller sent; it stays here until the server has confirmed all of it. */
export type OutboxItem = {
  id: string;
  scopeKey: string;
  scope: TellerScope;
  title: string;
  input: CreateStoryInput;
  audio: { mimeType: string; filename: string; bytes: number } | null;
  state: SendState;
  submittedAt: string;
};

/** tus-js-client's "previous upload" record, kept so a reload resumes the same upload. */
export type TusEntry = {
  key: string;
  fingerprint: string;
  size: number | null;
  metadata: Record<string, string>;
  creationTime: string;
  uploadUrl: string | null;
  parallelUploadUrls: string[] | null;
};

export type VertelSchema = {
  drafts: { key: string; value: Draft; indexes: { byScope: string } };
  audio: { key: string; value: StoredAudio };
  chunks: { key: number; value: AudioChunk; indexes: { byDraft: string } };
  outbox: { key: string; value: OutboxItem };
  tus: { key: string; value: TusEntry; indexes: { byFingerprint: string } };
};

/** Shared with the service worker, which reads the same stores to send in the background. */
export const DB_NAME = 'vertelpunt';
const DB_VERSION = 1;

let opening: Promise<IDBPDatabase<VertelSchema>> | null = null;

export const openVertelDb = (): Promise<IDBPDatabase<VertelSchema>> => {
  opening ??= openDB<VertelSchema>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('byScope', 'scopeKey');
      db.createObjectStore('audio', { keyPath: 'id' });
      db.createObjectStore('chunks', { keyPath: 'key', autoIncrement: true }).createIndex('byDraft', 'draftId');
      db.createObjectStore('outbox', { keyPath: 'id' });
      db.createObjectStore('tus', { keyPath: 'key' }).createIndex('byFingerprint', 'fingerprint');
    },
    // Another tab upgraded the database: let go, the next call opens the new version.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
  }).catch((cause: unknown) => {
    opening = null;
    throw cause;
  });
  return opening;
};

/** Tells other tabs and the service worker that the outbox changed. */
export const OUTBOX_CHANNEL = 'vertel-outbox';

export const announceOutboxChange = (): void => {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.postMessage({ type: 'changed' });
  channel.close();
};
