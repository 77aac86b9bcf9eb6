import { detectAddresses, detectPostcodes } from './detect-address';
import { detectBirthDates } from './detect-birth-date';
import { detectEmails, detectPhones } from './detect-contact';
import { detectBsns, detectIbans } from './detect-identifiers';
import { detectNames, isLowercaseText } from './detect-names';
import type { Detection } from './detection';
import type { RedactionResult, RedactionSpan, RedactionType, RedactOptions } from './redaction-types';
import { tokenize } from './tokenize';
import { PROTECTED_PHRASES } from './word-lists';

/** When two findings overlap, the more specific one wins: an e-mail address holds a name, an address a surname. */
const PRIORITY: Record<RedactionType, number> = {
  EMAIL: 0,
  IBAN: 1,
  TELEFOON: 2,
  BSN: 3,
  GEBOORTEDATUM: 4,
  POSTCODE: 5,
  ADRES: 6,
  NAAM: 7,
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const phraseRegExp = (phrases: readonly string[]): RegExp | null => {
  const parts = phrases
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/\s+/g, '\\s+'));
  return parts.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
};

const PROTECTED_RE = phraseRegExp(PROTECTED_PHRASES);

// A worker redacts many stories with the same wijk names; compile their pattern once (bounded, so it stays small).
const keepCache = new Map<string, RegExp | null>();
const keepRegExp = (keep: readonly string[]): RegExp | null => {
  const cacheKey = keep.join('\u0000');
  let re = keepCache.get(cacheKey);
  if (re === undefined) {
    if (keepCache.size >= 32) keepCache.clear();
    re = phraseRegExp(keep);
    keepCache.set(cacheKey, re);
  }
  return re;
};

const rangesOf = (text: string, re: RegExp | null): [number, number][] =>
  re ? [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]) : [];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/**
 * Replaces personal data in a Dutch story by typed placeholders ([NAAM], [TELEFOON], …). Pure and deterministic;
 * the lexicons load once when this module is imported.
 */
export const redact = (text: string, options: RedactOptions = {}): RedactionResult => {
  const tokens = tokenize(text);
  const kept = rangesOf(text, keepRegExp(options.keep ?? []));
  const protectedRanges = [...kept, ...rangesOf(text, PROTECTED_RE)];
  const blocked = tokens.map((t) => protectedRanges.some(([s, e]) => t.start < e && s < t.end));
  const lowercaseMode = isLowercaseText(tokens);

  const candidates: Detection[] = [
    ...detectEmails(text),
    ...detectIbans(text),
    ...detectPhones(text),
    ...detectBsns(text),
    ...detectBirthDates(text),
    ...detectPostcodes(text),
    ...detectAddresses(text, tokens, lowercaseMode),
    ...detectNames(tokens, blocked, lowercaseMode),
  ].sort((a, b) => PRIORITY[a.type] - PRIORITY[b.type] || a.start - b.start);

  const chosen: Detection[] = [];
  for (const c of candidates) {
    if (kept.some(([start, end]) => overlaps(c, { start, end }))) continue;
    if (chosen.some((d) => overlaps(c, d))) continue;
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);

  const found: RedactionSpan[] = chosen.map((d) => ({
    type: d.type,
    text: text.slice(d.start, d.end),
    start: d.start,
    end: d.end,
  }));
  let redacted = '';
  let cursor = 0;
  for (const d of chosen) {
    redacted += `${text.slice(cursor, d.start)}[${d.type}]`;
    cursor = d.end;
  }
  redacted += text.slice(cursor);
  return { redacted, found };
};
