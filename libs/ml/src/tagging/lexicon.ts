import { extractFeatures, stemDutch, tokenize, type FeatureOptions, type TextFeatures } from '../text';

/**
 * Keyword lists per tag: an example that starts with `Trefwoorden:` lists words that signal the tag. Each listed
 * word or short phrase (stemmed, stop words left out) becomes evidence for one shared feature `l:<tagKey>`, so a keyword that occurs once in
 * the lists still counts as much as the list as a whole has earned in training.
 */
export type Lexicon = Record<string, string[]>;

export const KEYWORD_PREFIX = 'Trefwoorden:';
/** Phrases of up to three content words (`warme overdracht`, `vinger aan de pols` → `ving pol`). */
const MAX_PHRASE_WORDS = 3;

export const buildLexicon = (tags: readonly { key: string; examples: string[] }[]): Lexicon => {
  const lexicon: Record<string, Set<string>> = {};
  for (const tag of tags) {
    for (const example of tag.examples) {
      if (!example.startsWith(KEYWORD_PREFIX)) continue;
      for (const entry of example.slice(KEYWORD_PREFIX.length).split(/[,.]/)) {
        const words = tokenize(entry);
        if (words.length === 0 || words.length > MAX_PHRASE_WORDS) continue;
        const stem = words.map((w) => stemDutch(w.term)).join(' ');
        (lexicon[stem] ??= new Set()).add(tag.key);
      }
    }
  }
  return Object.fromEntries(Object.entries(lexicon).map(([stem, keys]) => [stem, [...keys].sort()]));
};

const compiled = new WeakMap<Lexicon, Map<string, string[]>>();
const lookup = (lexicon: Lexicon): Map<string, string[]> => {
  let map = compiled.get(lexicon);
  if (!map) {
    map = new Map(Object.entries(lexicon));
    compiled.set(lexicon, map);
  }
  return map;
};

/** Text features plus one `l:<tagKey>` feature per keyword occurrence. */
export const taggingFeatures = (text: string, options: FeatureOptions, lexicon: Lexicon): TextFeatures => {
  const f = extractFeatures(text, options);
  const map = lookup(lexicon);
  if (map.size === 0) return f;
  for (let i = 0; i < f.stems.length; i++) {
    for (let n = 1; n <= MAX_PHRASE_WORDS && i + n <= f.stems.length; n++) {
      const phrase = n === 1 ? f.stems[i] : f.stems.slice(i, i + n).join(' ');
      const keys = map.get(phrase);
      if (!keys) continue;
      const sources = Array.from({ length: n }, (_, k) => i + k);
      for (const key of keys) {
        f.keys.push(`l:${key}`);
        f.sources.push(sources);
      }
    }
  }
  return f;
};
