import { normaliseName, TUSSENVOEGSEL_SEQUENCES } from './name-lists';
import { ABBREVIATIONS } from './word-lists';

export type TokenKind = 'word' | 'number' | 'initials' | 'punct';

export type Token = {
  text: string;
  /** Lowercase without diacritics, the key into every lexicon. */
  key: string;
  kind: TokenKind;
  start: number;
  end: number;
  /** Starts with an uppercase letter. */
  cap: boolean;
  /** Two or more letters, all uppercase: an acronym (GGD, UWV), never a name. */
  acronym: boolean;
  /** First word of a sentence, where capitals say nothing. */
  sentenceStart: boolean;
};

// Initials ("A.", "J.P.") before words so the dot is not read as the end of a sentence.
// "'t Hart" and "'s avonds": the elided article is one token.
const TOKEN_RE =
  /(?:\p{Lu}\.){1,4}(?=[\s,;:)]|\p{Lu}|$)|['’][tsn](?![\p{L}\p{N}])|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\d+|\S/gu;
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…']);
const OPENERS = new Set(['"', "'", '‘', '’', '“', '”', '(', '[', '-', '–', '—', '«', '»', '*', '•']);

const kindOf = (text: string): TokenKind => {
  const ch = text[0];
  if (ch >= '0' && ch <= '9') return 'number';
  if ((ch === "'" || ch === '’') && text.length > 1) return 'word';
  if (ch !== ch.toLowerCase() || ch !== ch.toUpperCase() || /\p{L}/u.test(ch)) {
    return text.length > 1 && text.endsWith('.') ? 'initials' : 'word';
  }
  return 'punct';
};

const ASCII_WORD_RE = /^[A-Za-z]+$/;

// Keys are computed for every word of every story; plain ASCII words (most of them) skip Unicode normalisation.
const keyOf = (t: string): string =>
  ASCII_WORD_RE.test(t) ? t.toLowerCase() : normaliseName(t.includes('’') ? t.replace(/’/g, "'") : t);

const isAcronym = (t: string): boolean => {
  if (t.length < 2) return false;
  const letters = ASCII_WORD_RE.test(t) ? t : t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
};

export const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    const kind = kindOf(t);
    const isWord = kind === 'word' || kind === 'initials';
    const first = t[0];
    tokens.push({
      text: t,
      key: isWord ? keyOf(t) : t,
      kind,
      start: m.index,
      end: m.index + t.length,
      cap: isWord && first !== first.toLowerCase() && first === first.toUpperCase(),
      acronym: kind === 'word' && isAcronym(t),
      sentenceStart: false,
    });
  }
  markSentenceStarts(text, tokens);
  return tokens;
};

const markSentenceStarts = (text: string, tokens: Token[]): void => {
  let atStart = true;
  let nextNewline = text.indexOf('\n');
  if (nextNewline < 0) nextNewline = Infinity;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (nextNewline < t.start) {
      if (i > 0 && nextNewline >= tokens[i - 1].end) atStart = true;
      nextNewline = text.indexOf('\n', t.start);
      if (nextNewline < 0) nextNewline = Infinity;
    }
    if (t.kind === 'punct') {
      if (SENTENCE_END.has(t.text)) {
        const prev = tokens[i - 1];
        const abbreviation = t.text === '.' && prev !== undefined && prev.end === t.start && isAbbreviation(prev);
        if (!abbreviation) atStart = true;
      } else if (!OPENERS.has(t.text)) {
        atStart = false;
      }
      continue;
    }
    t.sentenceStart = atStart;
    atStart = false;
  }
};

const isAbbreviation = (t: Token): boolean =>
  t.kind === 'initials' || (t.kind === 'word' && (ABBREVIATIONS.has(t.key) || t.text.length === 1));

const isTussenSequence = (tokens: Token[], from: number, to: number): boolean => {
  if (from < 0 || to >= tokens.length) return false;
  const seq = tokens.slice(from, to + 1);
  return seq.every((t) => t.kind === 'word') && TUSSENVOEGSEL_SEQUENCES.has(seq.map((t) => t.key).join(' '));
};

/** Length of the longest tussenvoegsel sequence ("van der") that starts at token `i`, or 0. */
export const tussenStartingAt = (tokens: Token[], i: number): number => {
  for (let len = 3; len >= 1; len--) if (isTussenSequence(tokens, i, i + len - 1)) return len;
  return 0;
};

/** Length of the longest tussenvoegsel sequence that ends at token `k`, or 0. */
export const tussenEndingAt = (tokens: Token[], k: number): number => {
  for (let len = 3; len >= 1; len--) if (isTussenSequence(tokens, k - len + 1, k)) return len;
  return 0;
};
