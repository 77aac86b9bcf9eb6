import { announceOutboxChange, openVertelDb, type OutboxItem, type StoredAudio } from './db';
import { tusFingerprint } from './draft-store';
import {
  isPending,
  isSendable,
  nextAction,
  retryDelaySeconds,
  transition,
  type SendEvent,
  type SendState,
} from './outbox-machine';
import { eventForCreateStory } from './send-results';
import type { TellerScope } from './types';

/**
 * The outbox: stories the teller sent that the server has not fully confirmed. Runs in the page
 * (with tus-js-client) and in the service worker (with a small fetch-based tus client), one sender
 * at a time across tabs and the worker (Web Locks).
 */

export const GRAPHQL_PROXY = '/vertel/api/graphql';
export const UPLOAD_PROXY = '/vertel/api/uploads';
/** Small enough that a lost connection costs little to send again, big enough for few round trips. */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;

/** Tells the proxy whose story this is; it refuses when the session belongs to someone else. */
export const authHeaders = (scope: TellerScope): Record<string, string> =>
  scope.kind === 'link'
    ? { 'x-vertel-token': scope.token }
    : { 'x-vertel-user': scope.userId, 'x-vertel-organisation': scope.organisationId };

export type UploadProgress = (bytesSent: number, bytesTotal: number) => void;

/** How the audio goes up: tus-js-client in the page, fetch in the service worker. */
export type AudioUploader = (item: OutboxItem, audio: StoredAudio, onProgress: UploadProgress) => Promise<SendEvent>;

const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

export const listOutbox = async (): Promise<OutboxItem[]> => {
  const db = await openVertelDb();
  return (await db.getAll('outbox')).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
};

export const countPending = (items: readonly OutboxItem[]): number => items.filter((i) => isPending(i.state)).length;

export const createStory = async (item: OutboxItem): Promise<SendEvent> => {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PROXY, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders(item.scope) },
      body: JSON.stringify({ operationName: 'CreateStory', variables: { input: item.input } }),
    });
  } catch {
    return { type: 'offline', reason: isOnline() ? 'server' : 'offline' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return eventForCreateStory(response.status, body);
};

const saveState = async (id: string, state: SendState): Promise<boolean> => {
  const db = await openVertelDb();
  const tx = db.transaction('outbox', 'readwrite');
  const current = await tx.store.get(id);
  // The teller took the story back to fix it: stop writing for it.
  if (!current) return false;
  await tx.store.put({ ...current, state });
  await tx.done;
  announceOutboxChange();
  return true;
};

/**
 * The server has everything: the recording, its chunks and upload URL go; the draft shrinks to a
 * receipt (title only) until the teller moves on.
 */
export const completeStory = async (id: string): Promise<void> => {
  const db = await openVertelDb();
  const tx = db.transaction(['drafts', 'outbox', 'audio', 'chunks', 'tus'], 'readwrite');
  await tx.objectStore('outbox').delete(id);
  await tx.objectStore('audio').delete(id);
  for (const key of await tx.objectStore('chunks').index('byDraft').getAllKeys(id)) {
    await tx.objectStore('chunks').delete(key);
  }
  for (const key of await tx.objectStore('tus').index('byFingerprint').getAllKeys(tusFingerprint(id))) {
    await tx.objectStore('tus').delete(key);
  }
  const draft = await tx.objectStore('drafts').get(id);
  if (draft && draft.acknowledgedAt !== null) await tx.objectStore('drafts').delete(id);
  else if (draft) {
    const at = new Date().toISOString();
    await tx
      .objectStore('drafts')
      .put({ ...draft, text: '', answers: {}, recording: null, confirmedAt: at, updatedAt: at });
  }
  await tx.done;
  announceOutboxChange();
};

/** Whether a waiting story should be tried now: after a server failure we back off; otherwise at once. */
export const isDue = (state: SendState, nowMs: number): boolean => {
  if (!isSendable(state)) return false;
  if (state.waitReason !== 'server' || state.lastTriedAt === null) return true;
  return Date.parse(state.lastTriedAt) + retryDelaySeconds(state.attempts) * 1000 <= nowMs;
};

/** Sends one story as far as it can go now; every step is written down before the next begins. */
export const sendOne = async (item: OutboxItem, upload: AudioUploader): Promise<SendState> => {
  const hasAudio = item.audio !== null;
  let state = item.state;
  let alive = true;
  const apply = async (event: SendEvent) => {
    state = transition(state, event, hasAudio);
    alive = alive && (await saveState(item.id, state));
  };

  if (!isOnline()) {
    await apply({ type: 'offline', reason: 'offline' });
    return state;
  }
  await apply({ type: 'start', at: new Date().toISOString() });

  for (let guard = 0; alive && guard < 4; guard += 1) {
    if (state.status === 'done') {
      await completeStory(item.id);
      return state;
    }
    const action = nextAction(state, hasAudio);
    if (action === 'create') {
      await apply(await createStory(item));
    } else if (action === 'upload') {
      const audio = await (await openVertelDb()).get('audio', item.id);
      if (!audio) {
        await apply({ type: 'audioRefused', message: '' });
        return state;
      }
      let lastWrite = 0;
      await apply(
        await upload(item, audio, (bytesSent, bytesTotal) => {
          state = transition(state, { type: 'progress', bytesSent, bytesTotal }, hasAudio);
          // Progress is for the screen; write it at most twice a second.
          if (Date.now() - lastWrite > 500) {
            lastWrite = Date.now();
            void saveState(item.id, state);
          }
        }),
      );
    } else if (action === 'finish') {
      state = { ...state, status: 'done' };
    } else {
      return state;
    }
    if (state.status === 'waiting' || state.status === 'needsFix' || state.status === 'failed') return state;
    if (state.status === 'audioRefused') return state;
  }
  return state;
};

let runningHere = false;

/**
 * Sends every story that is due. `force` ignores the back-off (the teller pressed "Nu versturen").
 * Returns whether this call did the sending (false when another tab or the worker holds the lock).
 */
export const flushOutbox = async (upload: AudioUploader, force = false): Promise<boolean> => {
  const run = async () => {
    const nowMs = Date.now();
    for (const item of await listOutbox()) {
      if (force ? isSendable(item.state) : isDue(item.state, nowMs)) await sendOne(item, upload);
    }
  };
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('vertel-outbox-send', { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      await run();
      return true;
    });
  }
  if (runningHere) return false;
  runningHere = true;
  try {
    await run();
    return true;
  } finally {
    runningHere = false;
  }
};
