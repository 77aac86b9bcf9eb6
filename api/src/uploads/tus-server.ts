import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { Config } from '@vertelpunt/config';
import { UploadRefused, type AudioIntakeService } from './audio-intake.service';

/** Upload ids start with the story id, so every request can be checked against the story it belongs to. */
const storyIdOf = (uploadId: string) => uploadId.slice(0, 36);

const refuse = (error: unknown): never => {
  if (error instanceof UploadRefused) throw { status_code: error.status, body: error.message };
  throw error;
};

/** Resumable audio uploads (tus 1.0): after a lost connection the device asks for the offset and goes on from there. */
export const createTusServer = (config: Config, intake: AudioIntakeService) => {
  const uploadDir = config.storage.uploadDir;
  return new Server({
    path: '/uploads',
    datastore: new FileStore({ directory: uploadDir, expirationPeriodInMilliseconds: 7 * 24 * 3600_000 }),
    maxSize: config.storage.uploadMaxBytes,
    respectForwardedHeaders: true,
    relativeLocation: true,
    namingFunction: (_req: IncomingMessage, metadata?: Record<string, string | null>) =>
      `${metadata?.storyId ?? 'onbekend'}-${randomBytes(8).toString('hex')}`,
    onUploadCreate: async (req, res, upload: Upload) => {
      await intake.storyFor(req, upload.metadata?.storyId).catch(refuse);
      return res;
    },
    onIncomingRequest: async (req, _res, uploadId) => {
      if (req.method === 'POST' || req.method === 'OPTIONS') return;
      await intake.storyFor(req, storyIdOf(uploadId)).catch(refuse);
    },
    onUploadFinish: async (req, res, upload: Upload) => {
      const story = await intake.storyFor(req, storyIdOf(upload.id)).catch(refuse);
      const accepted = await intake.accept(story, path.join(uploadDir, upload.id)).catch(refuse);
      return { res, headers: { 'x-story-status': accepted.status } };
    },
  });
};
