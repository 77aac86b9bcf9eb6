import type { Detection } from './detection';
import { TUSSENVOEGSEL_SEQUENCES } from './name-lists';
import { tussenEndingAt, tussenStartingAt, type Token } from './tokenize';
import { COMMON_WORDS, PLACE_WORDS } from './word-lists';

// Suffixes that make a word a street name in any spelling, lowercase speech included.
const SAFE_STREET_SUFFIXES = [
  'straatweg',
  'straat',
  'laan',
  'weg',
  'plein',
  'gracht',
  'kade',
  'singel',
  'steeg',
  'dreef',
  'plantsoen',
  'dijk',
  'allee',
  'boulevard',
  'burgwal',
];
// Suffixes that also end ordinary words ("supermarkt", "fietspad"): street only when capitalised.
const CAPITALISED_STREET_SUFFIXES = [
  'markt',
  'pad',
  'hof',
  'park',
  'haven',
  'vaart',
  'dam',
  'baan',
  'brink',
  'erf',
  'wal',
  'oever',
  'zoom',
  'hoven',
  'promenade',
  'passage',
  'kanaal',
];
const NOT_STREETS = new Set(['onderweg', 'snelweg', 'uitweg', 'omweg', 'halfweg', 'zijweg']);
// "Laan van Meerdervoort 512", "Plein 1813"-style names where the street type comes first.
const LEADING_STREET_TYPES = new Set([
  'laan',
  'weg',
  'plein',
  'kade',
  'singel',
  'dreef',
  'straat',
  'hof',
  'park',
  'gracht',
]);
const STREET_PREFIX_WORDS = new Set([
  'nieuwe',
  'oude',
  'lange',
  'korte',
  'hoge',
  'lage',
  'grote',
  'kleine',
  'eerste',
  'tweede',
  'derde',
  'vierde',
  'noord',
  'zuid',
  'oost',
  'west',
  'sint',
]);

const HOUSE_NUMBER_RE =
  /\d{1,5}(?:\s?-\s?(?:\d{1,4}|[IVXivx]{1,4}|hs|bis|[a-zA-Z])(?![\p{L}\d])|\s?(?:bis|hs|[a-zA-Z])(?![\p{L}\d-]))?/uy;

const isStreetWord = (t: Token, lowercaseMode: boolean): boolean => {
  if (t.kind !== 'word' || NOT_STREETS.has(t.key) || PLACE_WORDS.has(t.key)) return false;
  const key = t.key;
  if (SAFE_STREET_SUFFIXES.some((s) => key.length >= s.length + 2 && key.endsWith(s))) return true;
  return (
    t.cap && !lowercaseMode && CAPITALISED_STREET_SUFFIXES.some((s) => key.length >= s.length + 3 && key.endsWith(s))
  );
};

const isPrefixWord = (t: Token): boolean =>
  t.kind === 'word' &&
  t.cap &&
  !t.acronym &&
  (!t.sentenceStart || !COMMON_WORDS.has(t.key) || STREET_PREFIX_WORDS.has(t.key));

/** Index of the first token of the street name that ends at token `s`. */
const streetStart = (tokens: Token[], s: number, lowercaseMode: boolean): number => {
  let start = s;
  let k = s - 1;
  for (let taken = 0; k >= 0 && taken < 5; taken++) {
    const t = tokens[k];
    if (
      t.kind === 'word' &&
      /^(e|ste|de)$/.test(t.key) &&
      tokens[k - 1]?.kind === 'number' &&
      tokens[k - 1].end === t.start
    ) {
      start = k - 1; // "2e Daalsedijk"
      break;
    }
    const tl = tussenEndingAt(tokens, k);
    if (tl > 0) {
      const first = tokens[k - tl + 1];
      const before = tokens[k - tl];
      if (first.cap || (lowercaseMode && first.key === 'van')) {
        start = k - tl + 1;
        k -= tl;
        continue;
      }
      if (before && isPrefixWord(before) && !TUSSENVOEGSEL_SEQUENCES.has(before.key)) {
        start = k - tl;
        k -= tl + 1;
        continue;
      }
      break;
    }
    if (isPrefixWord(t)) {
      start = k;
      k--;
      continue;
    }
    break;
  }
  return start;
};

export const detectAddresses = (text: string, tokens: Token[], lowercaseMode: boolean): Detection[] => {
  const found: Detection[] = [];
  for (let s = 0; s < tokens.length - 1; s++) {
    const t = tokens[s];
    const next = tokens[s + 1];
    if (t.kind !== 'word') continue;
    let start = -1;
    let numberToken = -1;
    if (next.kind === 'number' && isStreetWord(t, lowercaseMode)) {
      start = streetStart(tokens, s, lowercaseMode);
      numberToken = s + 1;
    } else if (t.cap && LEADING_STREET_TYPES.has(t.key)) {
      // "Laan van Meerdervoort 512": street type, tussenvoegsel, one or two capitalised words, number.
      const tl = tussenStartingAt(tokens, s + 1);
      let k = s + 1 + tl;
      let words = 0;
      while (tokens[k]?.kind === 'word' && tokens[k].cap && words < 2) {
        k++;
        words++;
      }
      if (tl > 0 && words > 0 && tokens[k]?.kind === 'number') {
        start = s;
        numberToken = k;
      }
    }
    if (numberToken < 0) continue;
    HOUSE_NUMBER_RE.lastIndex = tokens[numberToken].start;
    const house = HOUSE_NUMBER_RE.exec(text);
    if (!house) continue;
    const end = tokens[numberToken].start + house[0].length;
    found.push({ type: 'ADRES', start: tokens[start].start, end });
    while (s + 1 < tokens.length && tokens[s + 1].start < end) s++;
  }
  return found;
};

const POSTCODE_RE = /(?<![\p{L}\p{N}.,€-])[1-9]\d{3} ?([A-Za-z]{2})(?![\p{L}\p{N}])/gu;
const POSTCODE_CUE_RE = /postcode[\s:]*(?:is|was|:)?[\s:]*(?:uh\s+|eh\s+)?$/i;

export const detectPostcodes = (text: string): Detection[] => {
  const found: Detection[] = [];
  for (const m of text.matchAll(POSTCODE_RE)) {
    const letters = m[1];
    if (/^(SA|SD|SS)$/i.test(letters)) continue;
    const upper = letters === letters.toUpperCase();
    if (!upper && !POSTCODE_CUE_RE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    found.push({ type: 'POSTCODE', start: m.index, end: m.index + m[0].length });
  }
  return found;
};
