import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { AudioStorage, ByteRange, StoredObject } from './audio-storage';

export const sha256File = async (file: string): Promise<string> => {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
};

/** Recordings as files under one folder (`.data/audio` by default). */
export class LocalAudioStorage implements AudioStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error('Sleutel buiten de opslagmap');
    return full;
  }

  async putFile(key: string, sourceFile: string): Promise<StoredObject> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const sha256 = await sha256File(sourceFile);
    const temp = `${target}.${process.pid}.tmp`;
    await copyFile(sourceFile, temp);
    await rename(temp, target); // atomic: a reader never sees half a file
    const { size } = await stat(target);
    return { key, bytes: size, sha256 };
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    return createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : undefined);
  }

  async localCopy(key: string) {
    return { path: this.pathOf(key), release: async () => {} };
  }

  async exists(key: string) {
    return stat(this.pathOf(key)).then(() => true, () => false);
  }

  async delete(key: string) {
    await unlink(this.pathOf(key)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  async deletePrefix(prefix: string) {
    const dir = this.pathOf(prefix.replace(/\/+$/, ''));
    const count = await readdir(dir, { recursive: true }).then((f) => f.length, () => 0);
    await rm(dir, { recursive: true, force: true });
    return count;
  }
}
