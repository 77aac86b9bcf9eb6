import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Model id of the random-weight test model, relative to a models folder. */
export const TINY_WHISPER_ID = 'vertelpunt/whisper-tiny-random';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
export const TINY_WHISPER_SCRIPT = path.join(repoRoot, 'scripts', 'make-tiny-whisper.mjs');
export const DEFAULT_TEST_MODELS_DIR = path.join(repoRoot, '.data', 'models');

const checked = new Set<string>();

/**
 * Makes sure `<modelsDir>/vertelpunt/whisper-tiny-random` holds the current tiny model, running
 * scripts/make-tiny-whisper.mjs when it is missing or outdated (the script decides, in about 0.1 s when nothing is to
 * do; a rebuild takes about 0.3 s). Safe from parallel jest workers: the script renames a finished folder into place.
 * `source` is the onnx-community/whisper-base folder to copy the tokenizer and processor files from.
 */
export const ensureTinyWhisper = (
  modelsDir: string = DEFAULT_TEST_MODELS_DIR,
  options: { source?: string } = {},
): { modelsDir: string; modelId: string; modelDir: string } => {
  const dir = path.resolve(modelsDir);
  const modelDir = path.join(dir, ...TINY_WHISPER_ID.split('/'));
  if (!checked.has(dir) || !existsSync(path.join(modelDir, 'tiny-whisper.json'))) {
    const args = [TINY_WHISPER_SCRIPT, dir, ...(options.source ? ['--source', path.resolve(options.source)] : [])];
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: repoRoot });
    checked.add(dir);
  }
  return { modelsDir: dir, modelId: TINY_WHISPER_ID, modelDir };
};
