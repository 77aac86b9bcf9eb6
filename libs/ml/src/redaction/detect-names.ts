import type { Detection } from './detection';
import { FIRST_NAMES, LAST_NAMES } from './name-lists';
import { tussenStartingAt, type Token } from './tokenize';
import {
  AMBIGUOUS_NAMES,
  CALENDAR_WORDS,
  COMMON_WORDS,
  CONTACT_VERBS,
  DEMONYM_WORDS,
  INSTITUTION_SUFFIXES,
  ORGANISATION_WORDS,
  PLACE_WORDS,
  RELATION_CUES,
  STRONG_TITLE_CUES,
  TITLE_CUES,
} from './word-lists';

/** What a word is, as far as names go; computed once per token. */
type WordInfo = {
  first: boolean;
  last: boolean;
  /** A known name that is also an ordinary word: needs a cue or a second name part. */
  ambiguous: boolean;
  common: boolean;
  /** Organisation, place, calendar word, nationality, acronym or kept phrase: never part of a name. */
  nonPerson: boolean;
};

type Cue = 'none' | 'title' | 'strong-title' | 'relation' | 'naming' | 'ik-ben' | 'met' | 'coordination';

type Part = { index: number; role: 'initial' | 'given' | 'tussen' | 'surname' };

// Particles that may open a surname on their own ("de Vries", "El Amrani"); "ben", "op", "in" … only follow a given name.
const OPENING_PARTICLES = new Set([
  'van',
  'de',
  'den',
  'der',
  'ter',
  'ten',
  'el',
  'al',
  'ait',
  'abou',
  'abu',
  'bou',
  "'t",
]);
const FILLERS = new Set(['uh', 'eh', 'ehm', 'uhm', 'euh', 'hm', 'nou']);
const NAMING_VERBS = new Set(['heet', 'heten', 'heette', 'genaamd', 'genoemd']);

const splitKey = (key: string): string[] => key.split(/['’-]/).filter((p) => p.length > 0);

const hasInstitutionSuffix = (key: string): boolean => {
  // Plurals too: "Buurtteams", "Voedselbanken".
  const singular = key.replace(/(?:en|s)$/, '');
  return INSTITUTION_SUFFIXES.some(
    (s) => (key.length > s.length + 2 && key.endsWith(s)) || (singular.length > s.length + 2 && singular.endsWith(s)),
  );
};

const classify = (tokens: Token[], blocked: boolean[]): (WordInfo | null)[] =>
  tokens.map((t, i) => {
    if (t.kind !== 'word') return null;
    const parts = splitKey(t.key);
    const whole = t.key;
    const first = FIRST_NAMES.has(whole) || (parts.length > 1 && parts.every((p) => FIRST_NAMES.has(p)));
    const last =
      LAST_NAMES.has(whole) || (parts.length > 1 && parts.some((p) => LAST_NAMES.has(p) || FIRST_NAMES.has(p)));
    const common = COMMON_WORDS.has(whole);
    const ambiguous =
      (first || last) &&
      (AMBIGUOUS_NAMES.has(whole) ||
        common ||
        (parts.length > 1 && parts.every((p) => AMBIGUOUS_NAMES.has(p) || COMMON_WORDS.has(p))));
    const prev = tokens[i - 1];
    const nonPerson =
      blocked[i] ||
      t.acronym ||
      CALENDAR_WORDS.has(whole) ||
      ORGANISATION_WORDS.has(whole) ||
      PLACE_WORDS.has(whole) ||
      DEMONYM_WORDS.has(whole) ||
      (t.cap && !first && !last && hasInstitutionSuffix(whole)) ||
      (!first && !last && TITLE_CUES.has(whole)) ||
      (prev !== undefined && prev.kind === 'word' && prev.key === 'sint') ||
      (whole === 'jan' && prev !== undefined && prev.kind === 'number');
    return { first, last, ambiguous, common, nonPerson };
  });

export const detectNames = (tokens: Token[], blocked: boolean[], lowercaseMode: boolean): Detection[] => {
  const info = classify(tokens, blocked);
  const wordAt = (i: number): WordInfo | null => (i >= 0 && i < tokens.length ? info[i] : null);

  /** A token that can be a given name or surname here. */
  const isNamePart = (i: number, cued: boolean): boolean => {
    const w = wordAt(i);
    if (!w || w.nonPerson) return false;
    const t = tokens[i];
    if (t.cap) return !w.common || w.first || w.last;
    // Lowercase: spoken transcripts, or a sloppy "meneer jansen" after a cue; only known names.
    return (lowercaseMode || cued) && (w.first || w.last) && !w.common;
  };

  /** A surname after a tussenvoegsel: capitalised, or (in speech) a known surname or any word after a strong title. */
  const isSurnameAfterTussen = (i: number, cue: Cue): boolean => {
    const w = wordAt(i);
    if (!w || w.nonPerson) return false;
    const t = tokens[i];
    if (t.cap) return !w.common || w.last || w.first;
    if (!lowercaseMode && cue === 'none') return false;
    if (w.common) return false;
    return w.last || w.first || cue === 'strong-title';
  };

  const previousWord = (i: number): number => {
    let p = i - 1;
    while (p >= 0 && tokens[p].kind === 'word' && FILLERS.has(tokens[p].key)) p--;
    // "mw. A. Ramdin", "Dhr. Kowalski": step over the abbreviation's dot.
    if (p >= 1 && tokens[p].text === '.' && tokens[p - 1].kind === 'word' && tokens[p - 1].end === tokens[p].start) p--;
    return p >= 0 && tokens[p].kind === 'word' ? p : -1;
  };

  let lastAccepted: { endToken: number; cued: boolean } | null = null;

  const cueBefore = (i: number): Cue => {
    const p = previousWord(i);
    if (p < 0) return 'none';
    const key = tokens[p].key;
    if (STRONG_TITLE_CUES.has(key)) return 'strong-title';
    if (TITLE_CUES.has(key)) return 'title';
    if (NAMING_VERBS.has(key)) return 'naming';
    const pp = previousWord(p);
    const before = pp >= 0 ? tokens[pp].key : '';
    if (key === 'van' && RELATION_CUES.has(before)) return 'relation';
    if (key === 'ben' && before === 'ik') return 'ik-ben';
    if (key === 'is' && before === 'naam') return 'naming';
    if ((key === 'mij' || key === 'me') && (before === 'noemen' || before === 'noemt' || before === 'noem'))
      return 'naming';
    if (key === 'met') return 'met';
    if (key === 'en' && lastAccepted && lastAccepted.cued && lastAccepted.endToken === pp) return 'coordination';
    return 'none';
  };

  const contactVerbFollows = (j: number): boolean => {
    for (let k = j; k < Math.min(tokens.length, j + 5); k++) {
      const t = tokens[k];
      if (t.kind === 'punct' && /[.!?;]/.test(t.text)) return false;
      if (t.kind === 'word' && CONTACT_VERBS.has(t.key)) return true;
    }
    return false;
  };

  /** Longest name-shaped run from token i: initials, given names, then tussenvoegsel + surname. */
  const parse = (i: number, cue: Cue): Part[] => {
    const cued = cue !== 'none' && cue !== 'met';
    const parts: Part[] = [];
    let j = i;
    while (j < tokens.length && tokens[j].kind === 'initials') parts.push({ index: j++, role: 'initial' });
    while (j < tokens.length && parts.length < 6) {
      const atStart = parts.every((p) => p.role === 'initial');
      const tl = atStart && !OPENING_PARTICLES.has(tokens[j].key) ? 0 : tussenStartingAt(tokens, j);
      const tussenIsLower = tl > 0 && !tokens[j].cap;
      // A capitalised tussenvoegsel opens a surname only at the start ("Van der Linden", "El Amrani").
      // After "Marieke Heuvelmans" the name is complete: "van Buurtteams" is not a surname.
      const givens = parts.filter((p) => p.role === 'given');
      const openForSurname = givens.length <= 1 || givens.every((p) => wordAt(p.index)?.first);
      if (tl > 0 && (tussenIsLower || atStart) && openForSurname && isSurnameAfterTussen(j + tl, cue)) {
        for (let k = j; k < j + tl; k++) parts.push({ index: k, role: 'tussen' });
        parts.push({ index: j + tl, role: 'surname' });
        j += tl + 1;
        break;
      }
      if (!isNamePart(j, cued)) break;
      parts.push({ index: j, role: 'given' });
      j++;
    }
    return parts;
  };

  const known = (i: number): boolean => {
    const w = wordAt(i);
    return !!w && (w.first || w.last);
  };
  const firm = (i: number): boolean => {
    const w = wordAt(i);
    return !!w && (w.first || w.last) && !w.ambiguous;
  };

  /** Keep only the parts that make a name without a cue; empty when they do not. */
  const acceptWithoutCue = (parts: Part[]): Part[] => {
    const core = parts.filter((p) => p.role === 'given' || p.role === 'surname');
    const hasTussenSurname = parts.some((p) => p.role === 'surname');
    if (core.length === 0) return [];
    if (lowercaseMode) {
      if (core.some((p) => !known(p.index))) return [];
      if (core.length === 1) {
        const p = core[0];
        const w = wordAt(p.index);
        if (!w || w.ambiguous) return [];
        // In speech a lone surname is too often an ordinary word; lone first names and "de vries" are not.
        return w.first || hasTussenSurname ? parts : [];
      }
      return core.some((p) => firm(p.index)) ? parts : [];
    }
    // Trim unknown words at the edges: "Ruthsel Cijntje" keeps both, "Overvecht Henk" keeps Henk.
    let from = 0;
    let to = parts.length - 1;
    const isCore = (p: Part) => p.role === 'given' || p.role === 'surname';
    while (from <= to) {
      const p = parts[from];
      if (p.role === 'initial') {
        from++;
        continue;
      }
      const nextCore = parts.slice(from + 1).find(isCore);
      if (p.role === 'given' && !known(p.index) && !(nextCore && wordAt(nextCore.index)?.last)) {
        from++;
        continue;
      }
      break;
    }
    // Initials stay when the name they belong to stays.
    while (from > 0 && parts[from - 1].role === 'initial') from--;
    while (to >= from) {
      const p = parts[to];
      const prevCore = parts.slice(from, to).reverse().find(isCore);
      if (p.role === 'given' && !known(p.index) && !(prevCore && wordAt(prevCore.index)?.first)) {
        to--;
        continue;
      }
      break;
    }
    const kept = parts.slice(from, to + 1);
    const keptCore = kept.filter(isCore);
    if (keptCore.length === 0) return [];
    if (keptCore.length === 1) {
      const p = keptCore[0];
      if (p.role === 'surname') return wordAt(p.index)?.last && firm(p.index) ? kept : [];
      return firm(p.index) ? kept : [];
    }
    if (keptCore.some((p) => firm(p.index))) return kept;
    // "Roos de Jong", "Bas van Leeuwen": an ambiguous first name plus a tussenvoegsel and a known surname.
    const firstIsGiven = wordAt(keptCore[0].index)?.first;
    const surnamePart = keptCore.find((p) => p.role === 'surname');
    return firstIsGiven && surnamePart && wordAt(surnamePart.index)?.last ? kept : [];
  };

  const found: Detection[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const startsName =
      t.kind === 'initials' ||
      (t.kind === 'word' && (isNamePart(i, true) || (OPENING_PARTICLES.has(t.key) && tussenStartingAt(tokens, i) > 0)));
    // "de zoon van Fatima": the "van" belongs to the relation, not to a surname.
    const relationVan =
      t.key === 'van' && !t.cap && previousWord(i) >= 0 && RELATION_CUES.has(tokens[previousWord(i)].key);
    if (!startsName || relationVan) {
      i++;
      continue;
    }
    let cue = cueBefore(i);
    const parts = parse(i, cue);
    if (parts.length === 0 || parts.every((p) => p.role === 'initial' || p.role === 'tussen')) {
      i++;
      continue;
    }
    const end = parts[parts.length - 1].index + 1;
    if (cue === 'met' && !contactVerbFollows(end)) cue = 'none';
    if (cue === 'ik-ben' && lowercaseMode && !parts.some((p) => wordAt(p.index)?.first)) cue = 'none';
    let accepted: Part[];
    if (cue !== 'none') {
      // A cue vouches for unknown and ambiguous words, but not for lowercase words in written text.
      const lowercaseUnknown = parts.some(
        (p) =>
          p.role !== 'tussen' &&
          p.role !== 'initial' &&
          !tokens[p.index].cap &&
          !known(p.index) &&
          cue !== 'strong-title',
      );
      accepted = lowercaseUnknown ? [] : parts;
    } else {
      accepted = acceptWithoutCue(parts);
    }
    if (accepted.length === 0) {
      i++;
      continue;
    }
    const first = tokens[accepted[0].index];
    const lastTok = tokens[accepted[accepted.length - 1].index];
    found.push({ type: 'NAAM', start: first.start, end: lastTok.end });
    lastAccepted = { endToken: accepted[accepted.length - 1].index, cued: cue !== 'none' };
    i = accepted[accepted.length - 1].index + 1;
  }
  return found;
};

/** True for a text with (almost) no capitals, like a lowercase speech transcript. */
export const isLowercaseText = (tokens: Token[]): boolean => {
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    if (t.cap) caps++;
  }
  return caps <= Math.floor(words * 0.02);
};
