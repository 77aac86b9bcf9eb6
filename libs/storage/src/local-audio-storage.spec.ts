import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { audioKey } from './audio-storage';
import { LocalAudioStorage } from './local-audio-storage';

describe('LocalAudioStorage', () => {
  it('stores a file with its sha256, reads it back and deletes by prefix', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vp-audio-'));
    const source = path.join(dir, 'upload.bin');
    await writeFile(source, 'hallo');
    const storage = new LocalAudioStorage(path.join(dir, 'audio'));
    const key = audioKey('org-1', 'story-1', 'recording.webm');
    const stored = await storage.putFile(key, source);
    // sha256("hallo")
    expect(stored).toEqual({ key, bytes: 5, sha256: 'd3751d33f9cd5049c4af2b462735457e4d3baf130bcbb87f389e349fbaeb20b9' });
    expect(await readFile((await storage.localCopy(key)).path, 'utf8')).toBe('hallo');
    expect(await storage.deletePrefix('org-1/story-1')).toBe(1);
    expect(await storage.exists(key)).toBe(false);
  });

  it('reads only the asked bytes of a range', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vp-audio-'));
    const source = path.join(dir, 'upload.bin');
    await writeFile(source, '0123456789');
    const storage = new LocalAudioStorage(path.join(dir, 'audio'));
    const key = audioKey('org-1', 'story-1', 'opname.wav');
    await storage.putFile(key, source);
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.read(key, { start: 2, end: 5 })) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('2345');
  });

  it('refuses keys that would leave the storage folder', () => {
    expect(() => audioKey('..', 'x', 'y')).toThrow();
    expect(() => audioKey('org', 'a/b', 'y')).toThrow();
  });
});
