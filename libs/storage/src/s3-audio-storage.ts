import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AudioStorage, ByteRange, StoredObject } from './audio-storage';
import { sha256File } from './local-audio-storage';

export type S3Settings = { endpoint: string | null; region: string; bucket: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };

/** An S3-compatible bucket (AWS, MinIO, Ceph, most Dutch cloud providers). */
export class S3AudioStorage implements AudioStorage {
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint ?? undefined,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
  }

  async putFile(key: string, sourceFile: string): Promise<StoredObject> {
    const sha256 = await sha256File(sourceFile);
    const { size } = await stat(sourceFile);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: createReadStream(sourceFile), ContentLength: size, Metadata: { sha256 } }),
    );
    return { key, bytes: size, sha256 };
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const res = await this.client.send(
      new GetObjectCommand({ Bucket: this.settings.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
    );
    return res.Body as Readable;
  }

  async localCopy(key: string) {
    const dir = await mkdtemp(path.join(tmpdir(), 'vp-audio-'));
    const file = path.join(dir, path.basename(key));
    await pipeline(await this.read(key), createWriteStream(file));
    return { path: file, release: () => rm(dir, { recursive: true, force: true }) };
  }

  async exists(key: string) {
    return this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key })).then(() => true, () => false);
  }

  async delete(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }

  async deletePrefix(prefix: string) {
    const listed = await this.client.send(new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: prefix.replace(/\/?$/, '/') }));
    const keys = (listed.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : []));
    for (const key of keys) await this.delete(key);
    return keys.length;
  }
}
