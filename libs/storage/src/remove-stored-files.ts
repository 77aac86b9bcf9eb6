import { readdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { AudioStorage } from './audio-storage';

/** A file whose rows are already erased: a key in the audio storage, or a story id whose unfinished uploads go. */
export type FileToRemove = { id: string; kind: 'audio' | 'upload'; key: string };

const STORY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** tus names an upload `<storyId>-<random>` and keeps `<name>.json` beside it. */
export const removeUnfinishedUploads = async (uploadDir: string, storyId: string): Promise<number> => {
  if (!STORY_ID.test(storyId)) throw new Error('Ongeldig verhaal-id');
  const names = await readdir(uploadDir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw e;
  });
  const mine = names.filter((n) => n.startsWith(`${storyId}-`));
  for (const name of mine) await rm(path.join(uploadDir, name), { force: true });
  return mine.length;
};

/**
 * Removes each file and reports it; a failure is reported and the rest goes on, so the caller keeps the failed
 * ones for a later try. Removing a file that is already gone counts as done.
 */
export const removeStoredFiles = async (
  storage: AudioStorage,
  uploadDir: string,
  files: FileToRemove[],
  report: { removed: (id: string) => Promise<void>; failed: (id: string, error: string) => Promise<void> },
): Promise<{ removed: number; failed: number }> => {
  let removed = 0;
  let failed = 0;
  for (const file of files) {
    try {
      if (file.kind === 'audio') await storage.delete(file.key);
      else await removeUnfinishedUploads(uploadDir, file.key);
      await report.removed(file.id);
      removed++;
    } catch (error) {
      failed++;
      await report.failed(file.id, error instanceof Error ? error.message : String(error));
    }
  }
  return { removed, failed };
};
