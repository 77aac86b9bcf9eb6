import { announceOutboxChange, openVertelDb, type OutboxItem, type StoredAudio } from './db';
import { newStoryId } from './ids';
import { initialSendState } from './outbox-machine';
import { toHex } from './recording';
import type { CreateStoryInput, Draft, RecordingInfo, TellerScope, VertelpuntView } from './types';
import { scopeKeyOf } from './types';

/**
 * Drafts and recordings in IndexedDB. Everything the teller gives is written here at once; the
 * outbox (outbox.ts) takes over when they press send and removes it when the server confirmed it.
 */

const now = () => new Date().toISOString();

/** Asks the browser not to evict our storage under pressure: a recording must survive a full phone. */
const askPersistentStorage = () => {
  void navigator.storage?.persist?.().catch(() => false);
};

export const createDraft = (scope: TellerScope, punt: VertelpuntView): Draft => {
  const at = now();
  return {
    id: newStoryId(),
    scopeKey: scopeKeyOf(scope),
    scope,
    vertelpuntName: punt.name,
    organisationName: punt.organisationName,
    audience: punt.audience,
    maxRecordingSeconds: punt.maxRecordingSeconds,
    form: punt.form,
    mode: null,
    text: '',
    title: '',
    answers: {},
    step: 'mode',
    consent: { given: false, tafel: false },
    recording: null,
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
    confirmedAt: null,
    acknowledgedAt: null,
    problems: [],
  };
};

export const saveDraft = async (draft: Draft): Promise<void> => {
  const db = await openVertelDb();
  await db.put('drafts', { ...draft, updatedAt: now() });
  askPersistentStorage();
};

/**
 * The draft to show for this teller and vertelpunt: the one being told, else the last one sent that
 * the teller has not moved on from (its receipt), else none.
 */
export const loadCurrentDraft = async (scopeKey: string): Promise<Draft | null> => {
  const db = await openVertelDb();
  const drafts = await db.getAllFromIndex('drafts', 'byScope', scopeKey);
  const newestFirst = drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    newestFirst.find((d) => d.submittedAt === null) ??
    newestFirst.find((d) => d.submittedAt !== null && d.acknowledgedAt === null) ??
    null
  );
};

/** Scope keys with a story being told, to offer "go on" when choosing a vertelpunt. */
export const scopesWithOpenDrafts = async (): Promise<Set<string>> => {
  const db = await openVertelDb();
  const drafts = await db.getAll('drafts');
  return new Set(drafts.filter((d) => d.submittedAt === null).map((d) => d.scopeKey));
};

export const appendChunk = async (draftId: string, seq: number, blob: Blob, atMs: number, mimeType: string) => {
  const db = await openVertelDb();
  await db.add('chunks', { draftId, seq, blob, atMs, mimeType });
};

const sha256Of = async (blob: Blob): Promise<string | null> => {
  try {
    return toHex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  } catch {
    // No SubtleCrypto outside a secure context; the checksum is a nicety, not a condition.
    return null;
  }
};

/**
 * Turns the saved chunks of a recording into one Blob in the `audio` store and removes the chunks.
 * Also used after a crash: a recording cut off mid-way keeps everything up to its last chunk.
 */
export const finishRecording = async (
  draftId: string,
  mimeType: string,
  durationMs: number | null,
): Promise<RecordingInfo | null> => {
  const db = await openVertelDb();
  const chunks = (await db.getAllFromIndex('chunks', 'byDraft', draftId)).sort((a, b) => a.seq - b.seq);
  if (chunks.length === 0) {
    const existing = await db.get('audio', draftId);
    return existing ? infoOf(existing, await sha256Of(existing.blob)) : null;
  }
  const type = mimeType || chunks[0].mimeType;
  const blob = new Blob(
    chunks.map((c) => c.blob),
    { type },
  );
  const audio: StoredAudio = { id: draftId, blob, mimeType: type, durationMs: durationMs ?? chunks.at(-1)?.atMs ?? 0 };
  const tx = db.transaction(['audio', 'chunks'], 'readwrite');
  await tx.objectStore('audio').put(audio);
  for (const chunk of chunks) if (chunk.key !== undefined) await tx.objectStore('chunks').delete(chunk.key);
  await tx.done;
  return infoOf(audio, await sha256Of(blob));
};

const infoOf = (audio: StoredAudio, sha256: string | null): RecordingInfo => ({
  mimeType: audio.mimeType,
  durationMs: audio.durationMs,
  bytes: audio.blob.size,
  sha256,
});

/** A recording the app was making when it closed: chunks but no finished Blob. */
export const hasUnfinishedRecording = async (draftId: string): Promise<boolean> => {
  const db = await openVertelDb();
  return (await db.countFromIndex('chunks', 'byDraft', draftId)) > 0;
};

export const loadAudio = async (draftId: string): Promise<StoredAudio | undefined> =>
  (await openVertelDb()).get('audio', draftId);

export const discardRecording = async (draftId: string): Promise<void> => {
  const db = await openVertelDb();
  const tx = db.transaction(['audio', 'chunks', 'tus'], 'readwrite');
  await tx.objectStore('audio').delete(draftId);
  for (const key of await tx.objectStore('chunks').index('byDraft').getAllKeys(draftId)) {
    await tx.objectStore('chunks').delete(key);
  }
  for (const key of await tx.objectStore('tus').index('byFingerprint').getAllKeys(tusFingerprint(draftId))) {
    await tx.objectStore('tus').delete(key);
  }
  await tx.done;
};

/** One fingerprint per story: a reload finds the same upload again, whatever the Blob looks like. */
export const tusFingerprint = (storyId: string) => `vertel-story:${storyId}`;

/**
 * The teller pressed send: the draft is frozen and the outbox takes the story, in one transaction,
 * so a crash leaves either a draft to finish or a story in the outbox, never neither.
 */
export const submitDraft = async (draft: Draft, input: CreateStoryInput): Promise<OutboxItem> => {
  const db = await openVertelDb();
  const audio = draft.mode === 'audio' ? await db.get('audio', draft.id) : undefined;
  const item: OutboxItem = {
    id: draft.id,
    scopeKey: draft.scopeKey,
    scope: draft.scope,
    title: draft.title,
    input,
    audio: audio ? { mimeType: audio.mimeType, filename: `verhaal-${draft.id}`, bytes: audio.blob.size } : null,
    state: initialSendState(audio?.blob.size ?? 0),
    submittedAt: draft.submittedAt ?? now(),
  };
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
  await tx.objectStore('drafts').put({ ...draft, updatedAt: now() });
  await tx.objectStore('outbox').put(item);
  await tx.done;
  announceOutboxChange();
  return item;
};

/** The teller moves on to a new story; a sent story keeps going in the outbox. */
export const acknowledgeDraft = async (draftId: string): Promise<void> => {
  const db = await openVertelDb();
  const draft = await db.get('drafts', draftId);
  if (!draft) return;
  if (draft.confirmedAt !== null) await db.delete('drafts', draftId);
  else await db.put('drafts', { ...draft, acknowledgedAt: now() });
};

/**
 * Back from the outbox into telling, to fix answers the server refused or to record again after the
 * audio was refused. The story keeps its id, so sending it again still makes only one story.
 */
export const reopenDraft = async (
  draftId: string,
  changes: Pick<Draft, 'step' | 'problems'> & Partial<Pick<Draft, 'recording' | 'mode'>>,
): Promise<Draft | null> => {
  const db = await openVertelDb();
  const draft = await db.get('drafts', draftId);
  if (!draft) return null;
  const reopened: Draft = { ...draft, ...changes, submittedAt: null, acknowledgedAt: null, updatedAt: now() };
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
  await tx.objectStore('drafts').put(reopened);
  await tx.objectStore('outbox').delete(draftId);
  await tx.done;
  announceOutboxChange();
  return reopened;
};

/** Starting over: the draft and its recording go, nothing was sent. */
export const deleteDraft = async (draftId: string): Promise<void> => {
  await discardRecording(draftId);
  await (await openVertelDb()).delete('drafts', draftId);
};

export const loadDraft = async (draftId: string): Promise<Draft | undefined> =>
  (await openVertelDb()).get('drafts', draftId);
