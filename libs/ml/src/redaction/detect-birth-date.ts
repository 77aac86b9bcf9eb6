import type { Detection } from './detection';

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';
const UNITS = ['een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
const SPELLED_DAYS = [
  'één',
  ...UNITS,
  'tien',
  'elf',
  'twaalf',
  'dertien',
  'veertien',
  'vijftien',
  'zestien',
  'zeventien',
  'achttien',
  'negentien',
  'twintig',
  ...UNITS.flatMap((u) => [`${u}entwintig`, `${u}ëntwintig`]),
  'dertig',
  'eenendertig',
]
  .sort((a, b) => b.length - a.length)
  .join('|');
const SPELLED_YEAR = '(?:negentien|tweeduizend|twintig)[a-zë]*';

// 14-02-1938, 3/7/61, 30.11.1984 | 12 maart 1955, 5 mei, drie juni negentienvijftig
const DATE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:\d{4}|\d{2})` +
    String.raw`|(?:(?:0?[1-9]|[12]\d|3[01])(?:e|ste|de)?|${SPELLED_DAYS})\s+(?:${MONTHS})\.?(?:\s+(?:\d{4}|['’]\d{2}|${SPELLED_YEAR}))?` +
    String.raw`|(?:0?[1-9]|[12]\d|3[01])[-/](?:0?[1-9]|1[0-2]))(?![\p{L}\p{N}]|[-/.]\d)`,
  'giu',
);

// Cues before the date ("geboren op", "geb.", "geboortedatum:") and after it ("... geboren", "... jarig").
const CUE_BEFORE_RE =
  /(?:geboren|geb\.?|geboortedatum|geboortedag|verjaardag|jarig)[\s:,(]*(?:(?:op|is|de|in|te|uh|eh|\p{L}+)[\s:,]+){0,3}$/iu;
const CUE_AFTER_RE =
  /^[\s,)]*(?:(?:is|ben|was|werd|ze|zij|hij|ik|u|je|al|er|uh|eh)\s+){0,3}(?:geboren|jarig)(?!\p{L})/iu;
// "ze is van 15 augustus 1943": only with a personal pronoun, so "de brief is van 3 februari" stays.
const IS_VAN_RE = /(?:^|[\s,])(?:ze|zij|hij|ik|u|je)\s+(?:is|ben)\s+(?:(?:uh|eh)\s+)?van\s+$/iu;
const HAS_YEAR_RE = /(?:\d{4}|['’]\d{2}|negentien|tweeduizend|twintig\p{L}+)$/iu;

export const detectBirthDates = (text: string): Detection[] => {
  const found: Detection[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 30);
    const cue = CUE_BEFORE_RE.exec(before);
    // The words between cue and date must stay in one sentence ("geb." keeps its own dot).
    const cueBefore = cue !== null && !/[!?]|\.\s/.test(cue[0].replace(/^geb\./i, 'geb'));
    const cueAfter = CUE_AFTER_RE.test(after);
    const isVan = IS_VAN_RE.test(before) && HAS_YEAR_RE.test(m[0]);
    if (cueBefore || cueAfter || isVan) found.push({ type: 'GEBOORTEDATUM', start, end });
  }
  return found;
};
