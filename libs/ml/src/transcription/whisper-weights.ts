import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TranscriptionError } from './transcription-error';

/** transformers.js dtypes and the file-name suffix each one loads (`encoder_model<suffix>.onnx`). */
export const WHISPER_DTYPE_SUFFIXES = {
  q8: '_quantized',
  fp32: '',
  fp16: '_fp16',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
} as const;

export type WhisperDtype = keyof typeof WHISPER_DTYPE_SUFFIXES;

/** 'auto' order: the smallest files a production install normally has first. */
const AUTO_ORDER: WhisperDtype[] = ['q8', 'fp32', 'fp16', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'];

const SESSIONS = ['encoder_model', 'decoder_model_merged'] as const;

export const whisperWeightFiles = (dtype: WhisperDtype): string[] =>
  SESSIONS.map((session) => `onnx/${session}${WHISPER_DTYPE_SUFFIXES[dtype]}.onnx`);

/**
 * Which dtype to load from `<modelsDir>/<modelId>/onnx/`, or NO_WEIGHTS naming what is missing and how to fill the
 * folder (the tokenizer/processor files alone, as in shared/models, are not enough).
 */
export const resolveWhisperDtype = (modelsDir: string, modelId: string, dtype: WhisperDtype | 'auto'): WhisperDtype => {
  const modelDir = path.join(modelsDir, modelId);
  const has = (d: WhisperDtype) => whisperWeightFiles(d).every((f) => existsSync(path.join(modelDir, f)));
  if (dtype !== 'auto' && has(dtype)) return dtype;
  if (dtype === 'auto') {
    const found = AUTO_ORDER.find(has);
    if (found) return found;
  }
  const onnxDir = path.join(modelDir, 'onnx');
  const present = existsSync(onnxDir) ? readdirSync(onnxDir).filter((f) => f.endsWith('.onnx')) : [];
  const wanted = dtype === 'auto' ? whisperWeightFiles('q8') : whisperWeightFiles(dtype);
  throw new TranscriptionError(
    'NO_WEIGHTS',
    `Geen Whisper-gewichten in ${modelDir}: ${wanted.join(' en ')} ontbreken` +
      (present.length > 0 ? ` (wel aanwezig: ${present.join(', ')})` : ' (er staat geen enkel .onnx-bestand)') +
      '. Vul MODELS_DIR eenmalig volgens scripts/fill-models.md.',
  );
};
