import { SAMPLE_RATE } from './decode-pcm-chunks';

export type SpeechEnergyOptions = {
  /** Frame length for the energy measure. Default 30 ms. */
  frameMs?: number;
  /** Frames quieter than this are never speech. Default -50 dBFS (a phone held at arm's length is around -35). */
  minDb?: number;
  /** A frame counts when it is this far above the recording's own noise floor. Default 6 dB. */
  aboveFloorDb?: number;
  /** Speech needs at least this much active audio. Default 250 ms. */
  minSpeechMs?: number;
};

export type SpeechEnergy = {
  hasSpeech: boolean;
  /** Total duration of active frames. */
  speechMs: number;
  peakDb: number;
  /** 10th percentile of the frame levels: the background. */
  floorDb: number;
};

const SILENT_DB = -120;

/**
 * Cheap energy-based speech detection, used to skip Whisper on silent windows (Whisper hallucinates on silence) and to
 * answer "geen spraak gevonden" without running the model. Speech rises and falls; digital silence, a steady tone or
 * steady noise does not, so a frame is active only when it is loud enough in absolute terms and clearly above the
 * window's own floor. Tuned to err towards "speech": a wrongly skipped story costs more than a wasted model run.
 */
export const measureSpeechEnergy = (samples: Float32Array, options: SpeechEnergyOptions = {}): SpeechEnergy => {
  const frameLength = Math.max(1, Math.round(((options.frameMs ?? 30) * SAMPLE_RATE) / 1000));
  const minDb = options.minDb ?? -50;
  const aboveFloorDb = options.aboveFloorDb ?? 6;
  const minSpeechMs = options.minSpeechMs ?? 250;

  const frames = Math.floor(samples.length / frameLength);
  if (frames === 0) return { hasSpeech: false, speechMs: 0, peakDb: SILENT_DB, floorDb: SILENT_DB };
  const levels = new Float32Array(frames);
  for (let f = 0; f < frames; f += 1) {
    let sum = 0;
    for (let i = f * frameLength, end = i + frameLength; i < end; i += 1) sum += samples[i] * samples[i];
    const rms = Math.sqrt(sum / frameLength);
    levels[f] = rms > 0 ? Math.max(SILENT_DB, 20 * Math.log10(rms)) : SILENT_DB;
  }
  const sorted = levels.slice().sort();
  const floorDb = sorted[Math.floor(0.1 * (frames - 1))];
  const peakDb = sorted[frames - 1];
  const threshold = Math.max(minDb, floorDb + aboveFloorDb);
  let active = 0;
  for (const level of levels) if (level > threshold) active += 1;
  const speechMs = Math.round((active * frameLength * 1000) / SAMPLE_RATE);
  return { hasSpeech: speechMs >= minSpeechMs, speechMs, peakDb, floorDb };
};

export const isSilent = (samples: Float32Array, options?: SpeechEnergyOptions): boolean =>
  !measureSpeechEnergy(samples, options).hasSpeech;
