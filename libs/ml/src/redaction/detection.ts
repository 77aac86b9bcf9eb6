import type { RedactionType } from './redaction-types';

/** A detector's finding, in character offsets of the original text. */
export type Detection = { type: RedactionType; start: number; end: number };
