/** Injection tokens for values that are not classes. */
export const CONFIG = Symbol('CONFIG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const REDIS = Symbol('REDIS');
export const AUDIO_STORAGE = Symbol('AUDIO_STORAGE');
