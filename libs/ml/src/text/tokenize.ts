import { stemDutch } from './dutch-stemmer';
import { isStopWord } from './stop-words';

export type Token = {
  /** Normalised form: lower case, diacritics stripped (unless turned off). */
  term: string;
  /** The word as written in the text, for explanations. */
  original: string;
  /** Character offset of `original` in the input. */
  offset: number;
};

export type TokenizeOptions = {
  /** Default true: `geïnteresseerd` and `geinteresseerd` become one term. */
  stripDiacritics?: boolean;
  /** Default false. */
  keepStopWords?: boolean;
  /** Shortest term kept; default 2. */
  minLength?: number;
};

/**
 * Placeholders the redaction step writes (`[NAAM]`, `[TELEFOONNUMMER]`, `[E-MAIL]`, `[ADRES 2]`): capitals, digits,
 * spaces, `_` or `-` between square brackets. They say nothing about the story's theme.
 */
export const PLACEHOLDER_PATTERN = /\[[A-Z0-9][A-Z0-9_\- ]{0,40}\]/g;

export const stripDiacritics = (text: string): string => text.normalize('NFD').replace(/\p{M}+/gu, '');

/** Removes redaction placeholders, keeping offsets (each placeholder becomes spaces). */
export const maskPlaceholders = (text: string): string =>
  text.replace(PLACEHOLDER_PATTERN, (m) => ' '.repeat(m.length));

/** Words (runs of letters; digits and punctuation split and are dropped), lower-cased, stop words left out. */
export const tokenize = (text: string, options: TokenizeOptions = {}): Token[] => {
  const strip = options.stripDiacritics ?? true;
  const minLength = options.minLength ?? 2;
  const tokens: Token[] = [];
  for (const match of maskPlaceholders(text).matchAll(/\p{L}+/gu)) {
    const original = match[0];
    const lower = original.toLowerCase();
    const term = strip ? stripDiacritics(lower) : lower;
    if (term.length < minLength) continue;
    if (!options.keepStopWords && isStopWord(term)) continue;
    tokens.push({ term, original, offset: match.index ?? 0 });
  }
  return tokens;
};

/** Stems of the content words: the usual bag-of-words input. */
export const stemTokens = (text: string, options: TokenizeOptions = {}): string[] =>
  tokenize(text, options).map((t) => stemDutch(t.term));

/** Adjacent pairs joined by a space (`geen geld`); pass stems or terms. */
export const bigrams = (terms: readonly string[]): string[] => {
  const out: string[] = [];
  for (let i = 1; i < terms.length; i++) out.push(`${terms[i - 1]} ${terms[i]}`);
  return out;
};

/**
 * Sentences, for scoring a long story piece by piece. Splits after . ! ? ; and at line breaks (transcripts often
 * have no punctuation, so very long pieces are also cut at about `maxWords` words).
 */
export const splitSentences = (text: string, maxWords = 40): string[] => {
  const pieces = maskPlaceholders(text)
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
  const out: string[] = [];
  for (const piece of pieces) {
    const words = piece.split(/\s+/);
    if (words.length <= maxWords) {
      out.push(piece);
      continue;
    }
    for (let i = 0; i < words.length; i += maxWords) out.push(words.slice(i, i + maxWords).join(' '));
  }
  return out;
};
