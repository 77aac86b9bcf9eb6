export type RedactionType = 'NAAM' | 'TELEFOON' | 'EMAIL' | 'BSN' | 'IBAN' | 'ADRES' | 'POSTCODE' | 'GEBOORTEDATUM';

export const REDACTION_TYPES: readonly RedactionType[] = [
  'NAAM',
  'TELEFOON',
  'EMAIL',
  'BSN',
  'IBAN',
  'ADRES',
  'POSTCODE',
  'GEBOORTEDATUM',
];

export type RedactionSpan = { type: RedactionType; text: string; start: number; end: number };

export type RedactionResult = { redacted: string; found: RedactionSpan[] };

export type RedactOptions = {
  /** Phrases that must stay, e.g. the organisation's wijk names; matched case-insensitively on word boundaries. */
  keep?: string[];
};
