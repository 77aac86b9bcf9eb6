/**
 * A light Dutch stemmer: the Snowball Dutch algorithm (Porter-style suffix stripping over the regions R1/R2),
 * preceded by one extra step for diminutives (`huisje` → `huis`), which Snowball leaves alone but which are
 * frequent in spoken Dutch. Input is one lower-case word; diacritics are removed first.
 */

const VOWELS = 'aeiouyè';
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.includes(c);
const ACCENTS: Record<string, string> = {
  ä: 'a',
  ë: 'e',
  ï: 'i',
  ö: 'o',
  ü: 'u',
  á: 'a',
  é: 'e',
  í: 'i',
  ó: 'o',
  ú: 'u',
};

/** Snowball's `gopast v gopast non-v` from `from`: the position after the first non-vowel that follows a vowel. */
const regionAfter = (w: string, from: number): number => {
  let i = from;
  while (i < w.length && !isVowel(w[i])) i++;
  while (i < w.length && isVowel(w[i])) i++;
  return i < w.length ? i + 1 : w.length;
};

const undoubleConsonant = (w: string): string => (/(kk|dd|tt)$/.test(w) ? w.slice(0, -1) : w);
const validEnEnding = (w: string, suffixStart: number): boolean => {
  const before = w[suffixStart - 1];
  return before !== undefined && !isVowel(before) && w.slice(suffixStart - 3, suffixStart) !== 'gem';
};
const validSEnding = (w: string, suffixStart: number): boolean => {
  const before = w[suffixStart - 1];
  return before !== undefined && !isVowel(before) && before !== 'j';
};

/** Diminutives: `-tje(s)`, `-pje(s)`, `-je(s)` after a consonant, when at least three letters stay. */
const stripDiminutive = (w: string): string => {
  const m = /^(.{3,}?)(tjes|tje|pjes|pje)$/.exec(w) ?? /^(.*[^aeiouy])(jes|je)$/.exec(w);
  if (!m || m[1].length < 3) return w;
  return m[1];
};

const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/** Stems one word; results are memoised (a story's vocabulary repeats across stories). */
export const stemDutch = (input: string): string => {
  let stem = cache.get(input);
  if (stem === undefined) {
    stem = stemUncached(input);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(input, stem);
  }
  return stem;
};

const stemUncached = (input: string): string => {
  let w = input.toLowerCase().replace(/[äëïöüáéíóú]/g, (c) => ACCENTS[c] ?? c);
  if (w.length < 3) return w;
  w = stripDiminutive(w);

  // Mark y and i that act as consonants (initial y, y after a vowel, i between vowels).
  const chars = [...w];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === 'y' && (i === 0 || isVowel(chars[i - 1]))) chars[i] = 'Y';
    else if (chars[i] === 'i' && i > 0 && i < chars.length - 1 && isVowel(chars[i - 1]) && isVowel(chars[i + 1]))
      chars[i] = 'I';
  }
  w = chars.join('');

  const p1 = regionAfter(w, 0);
  const r1 = Math.max(3, p1);
  const r2 = regionAfter(w, p1);
  const inR1 = (suffixLength: number) => w.length - suffixLength >= r1;
  const inR2 = (suffixLength: number) => w.length - suffixLength >= r2;

  // Step 1
  if (w.endsWith('heden')) {
    if (inR1(5)) w = `${w.slice(0, -5)}heid`;
  } else if (w.endsWith('ene') || w.endsWith('en')) {
    const len = w.endsWith('ene') ? 3 : 2;
    if (inR1(len) && validEnEnding(w, w.length - len)) {
      // Not in Snowball: the plural voices a final s/f (huis/huizen, brief/brieven), so undo that.
      w = undoubleConsonant(w.slice(0, -len))
        .replace(/z$/, 's')
        .replace(/([aeiouy]|[lr])v$/, '$1f');
    }
  } else if (w.endsWith('se') || w.endsWith('s')) {
    const len = w.endsWith('se') ? 2 : 1;
    if (inR1(len) && validSEnding(w, w.length - len)) w = w.slice(0, -len);
  }

  // Step 2
  let eFound = false;
  const step2 = () => {
    if (w.endsWith('e') && inR1(1) && !isVowel(w[w.length - 2])) {
      w = undoubleConsonant(w.slice(0, -1));
      eFound = true;
    }
  };
  step2();

  // Step 3a
  if (w.endsWith('heid') && inR2(4) && w[w.length - 5] !== 'c') {
    w = w.slice(0, -4);
    if (w.endsWith('en') && inR1(2) && validEnEnding(w, w.length - 2)) w = undoubleConsonant(w.slice(0, -2));
  }

  // Step 3b
  if (w.endsWith('end') || w.endsWith('ing')) {
    if (inR2(3)) {
      w = w.slice(0, -3);
      if (w.endsWith('ig') && inR2(2) && w[w.length - 3] !== 'e') w = w.slice(0, -2);
      else w = undoubleConsonant(w);
    }
  } else if (w.endsWith('ig')) {
    if (inR2(2) && w[w.length - 3] !== 'e') w = w.slice(0, -2);
  } else if (w.endsWith('lijk')) {
    if (inR2(4)) {
      w = w.slice(0, -4);
      step2();
    }
  } else if (w.endsWith('baar')) {
    if (inR2(4)) w = w.slice(0, -4);
  } else if (w.endsWith('bar')) {
    if (inR2(3) && eFound) w = w.slice(0, -3);
  }

  // Step 4: undouble a vowel in a final C-VV-D (maan → man, eenzaam → eenzam)
  const m = /([^aeiouyè])(aa|ee|oo|uu)([^aeiouyèI])$/.exec(w);
  if (m) w = `${w.slice(0, w.length - 3)}${m[2][0]}${m[3]}`;

  return w.replace(/I/g, 'i').replace(/Y/g, 'y');
};
