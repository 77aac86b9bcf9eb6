import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasLocalModel, loadTransformerEmbedder } from './transformer-embedder';

describe('transformer embedder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vertelpunt-models-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns null instead of throwing when the model folder is absent', async () => {
    await expect(loadTransformerEmbedder(dir, 'Xenova/multilingual-e5-small')).resolves.toBeNull();
  });

  it('returns null when the folder has a config but no weights (as in this repo’s shared models)', async () => {
    const modelDir = path.join(dir, 'Xenova', 'no-weights');
    mkdirSync(path.join(modelDir, 'onnx'), { recursive: true });
    writeFileSync(path.join(modelDir, 'config.json'), '{}');
    expect(hasLocalModel(dir, 'Xenova/no-weights')).toBe(false);
    await expect(loadTransformerEmbedder(dir, 'Xenova/no-weights')).resolves.toBeNull();
  });
});
