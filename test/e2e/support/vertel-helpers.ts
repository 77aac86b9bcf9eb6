import type { Page, Request, Route } from 'playwright-core';
import type { DataSource } from 'typeorm';

/** The recordings the recorder keeps in IndexedDB, with the SHA-256 the browser computes of each Blob. */
export type StoredRecording = { id: string; size: number; type: string; sha256: string };

/**
 * Reads the `audio` store of the recorder's IndexedDB in the page and hashes each Blob with
 * crypto.subtle, exactly the bytes the upload sends. A string, because this tsconfig has no DOM lib.
 */
export const storedRecordings = (page: Page): Promise<StoredRecording[]> =>
  page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('vertelpunt');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('audio').objectStore('audio').getAll();
      request.onerror = () => reject(request.error);
      request.onsuccess = async () => {
        const rows = [];
        for (const audio of request.result) {
          const digest = await crypto.subtle.digest('SHA-256', await audio.blob.arrayBuffer());
          const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
          rows.push({ id: audio.id, size: audio.blob.size, type: audio.blob.type, sha256 });
        }
        db.close();
        resolve(rows);
      };
    };
  })`);

/** As if the app closed after the recording was stored but before the draft was written: no draft knows it. */
export const forgetRecordingsOnDrafts = (page: Page): Promise<void> =>
  page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('vertelpunt');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('drafts', 'readwrite');
      const store = tx.objectStore('drafts');
      const request = store.getAll();
      request.onsuccess = () => {
        for (const draft of request.result) store.put({ ...draft, recording: null });
      };
      tx.oncomplete = () => (db.close(), resolve(undefined));
      tx.onerror = () => reject(tx.error);
    };
  })`);

/** The outbox as the page sees it: one entry per story that is not fully on the server yet. */
export const outboxStates = (page: Page): Promise<{ id: string; status: string; storyCreated: boolean }[]> =>
  page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('vertelpunt');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('outbox').objectStore('outbox').getAll();
      request.onsuccess = () => {
        db.close();
        resolve(request.result.map((i) => ({ id: i.id, status: i.state.status, storyCreated: i.state.storyCreated })));
      };
      request.onerror = () => reject(request.error);
    };
  })`);

export type UploadLog = { method: string; offset: string | null; length: string | null; url: string };

/**
 * Watches the tus requests of a page, and can hold the n-th PATCH: the test then cuts the network
 * while that chunk is on its way, and the chunk fails as it would on a phone losing its connection.
 */
export const watchUploads = async (page: Page) => {
  const log: UploadLog[] = [];
  let patches = 0;
  let holdAt = 0;
  let onHeld: ((request: Request) => void) | null = null;
  let release: (() => void) | null = null;
  const handler = async (route: Route) => {
    const request = route.request();
    const method = request.method();
    const headers = await request.allHeaders();
    log.push({
      method,
      offset: headers['upload-offset'] ?? null,
      length: headers['upload-length'] ?? null,
      url: request.url(),
    });
    if (method === 'PATCH') {
      patches += 1;
      if (patches === holdAt) {
        const released = new Promise<void>((resolve) => (release = resolve));
        onHeld?.(request);
        await released;
        // The network is gone by now: the chunk never arrives.
        await route.abort('internetdisconnected').catch(() => undefined);
        return;
      }
    }
    await route.continue().catch(() => undefined);
  };
  await page.route('**/vertel/api/uploads**', handler);
  return {
    log,
    /** Resolves when the n-th PATCH is held; call `release()` after going offline. */
    holdPatch: (n: number) =>
      new Promise<Request>((resolve) => {
        holdAt = n;
        onHeld = resolve;
      }),
    release: () => release?.(),
    stop: () => page.unroute('**/vertel/api/uploads**', handler),
  };
};

export type StoryRow = {
  id: string;
  mode: string;
  title: string;
  text: string | null;
  status: string;
  teller_kind: string;
  teller_user_id: string | null;
  audio_sha256: string | null;
  audio_bytes: string | null;
  consent: { version: string; usage: string[] };
};

export const storiesOfVertelpunt = (ds: DataSource, vertelpuntId: string): Promise<StoryRow[]> =>
  ds.query(
    `SELECT id, mode, title, text, status, teller_kind, teller_user_id, audio_sha256, audio_bytes, consent
       FROM story WHERE vertelpunt_id = $1 ORDER BY created_at`,
    [vertelpuntId],
  );

export const answersOf = async (ds: DataSource, storyId: string): Promise<Record<string, unknown>> => {
  const rows: { question_id: string; value: unknown }[] = await ds.query(
    `SELECT question_id, value FROM answer WHERE story_id = $1`,
    [storyId],
  );
  return Object.fromEntries(rows.map((r) => [r.question_id, r.value]));
};

/** Archetype ids by name, to check which cards the teller picked. */
export const archetypeIdsByName = async (ds: DataSource, organisationId: string): Promise<Record<string, string>> => {
  const rows: { id: string; name: string }[] = await ds.query(
    `SELECT id, name FROM archetype WHERE organisation_id = $1`,
    [organisationId],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.id]));
};

/** Presses a key n times on whatever has focus. */
export const press = async (page: Page, key: string, times: number) => {
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
};

/**
 * Logs in after the login page has hydrated: text typed before hydration can be reset by it, and the
 * form then arrives empty ("Vul je e-mailadres in"). Tries twice before giving up.
 */
export const loginWhenReady = async (page: Page, webUrl: string, user: { email: string; password: string }) => {
  for (let attempt = 1; ; attempt += 1) {
    await page.goto(`${webUrl}/inloggen`, { waitUntil: 'networkidle' });
    await page.getByLabel('E-mailadres').fill(user.email);
    await page.getByLabel('Wachtwoord').fill(user.password);
    await page.getByRole('button', { name: /inloggen/i }).click();
    try {
      await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'), { timeout: 15_000 });
      return;
    } catch (cause) {
      if (attempt >= 2) throw cause;
    }
  }
};
