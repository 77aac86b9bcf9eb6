import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Optional upgrade: sentence embeddings from a local transformers.js model (never downloaded at run time). */
export type TextEmbedder = {
  modelId: string;
  dims: number;
  /** L2-normalised, mean-pooled embeddings, one per text. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
};

export const DEFAULT_EMBEDDING_MODEL = 'Xenova/multilingual-e5-small';

/** True when `<modelsDir>/<modelId>` holds a config and at least one ONNX weight file. */
export const hasLocalModel = (modelsDir: string, modelId: string): boolean => {
  const dir = path.join(modelsDir, ...modelId.split('/'));
  const onnxDir = path.join(dir, 'onnx');
  return (
    existsSync(path.join(dir, 'config.json')) &&
    existsSync(onnxDir) &&
    readdirSync(onnxDir).some((f) => f.endsWith('.onnx'))
  );
};

/**
 * Loads a feature-extraction pipeline from `modelsDir` (transformers.js layout) with remote models off. Returns
 * null, not an error, when the model is not installed: callers then use the TF-IDF vectors of `story-vectors.ts`.
 * E5 models expect a `query: ` prefix; for story-to-story similarity both sides are queries.
 */
export const loadTransformerEmbedder = async (
  modelsDir: string,
  modelId: string = DEFAULT_EMBEDDING_MODEL,
  options: { dtype?: 'fp32' | 'q8'; prefix?: string } = {},
): Promise<TextEmbedder | null> => {
  if (!hasLocalModel(modelsDir, modelId)) return null;
  // Imported lazily: loading onnxruntime costs time and memory that the TF-IDF path never needs.
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir;
  const extractor = await pipeline('feature-extraction', modelId, { dtype: options.dtype ?? 'q8' });
  const prefix = options.prefix ?? (/e5/i.test(modelId) ? 'query: ' : '');
  let dims = 0;
  const embed = async (texts: readonly string[]): Promise<Float32Array[]> => {
    if (texts.length === 0) return [];
    const output = await extractor(
      texts.map((t) => prefix + t),
      { pooling: 'mean', normalize: true },
    );
    const [rows, width] = output.dims;
    const data = output.data as Float32Array;
    dims = width;
    return Array.from({ length: rows }, (_, r) => data.slice(r * width, (r + 1) * width));
  };
  const [probe] = await embed(['test']);
  dims = probe.length;
  return { modelId, dims, embed };
};
