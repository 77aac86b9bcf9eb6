import { isIsoDate } from '../iso-date';
import type { FieldProblem } from '../errors/domain-error';
import type { StoryStatus, TellerKind } from '../stories/story-status';

/** Only processed stories have redacted text; the explorer never shows anything else. */
export const EXPLORABLE_STATUSES = ['READY', 'REDACTED'] as const satisfies readonly StoryStatus[];
export type ExplorableStatus = (typeof EXPLORABLE_STATUSES)[number];

export type LengthUnit = 'words' | 'seconds';
export type LengthRange = { unit: LengthUnit; min: number | null; max: number | null };
export type ChoiceAnswer = { questionId: string; optionId: string };
/**
 * A part of a signifier question's range (0–100): a dyad or scale value in [from, to), or a 2-D canvas point with x in
 * [from, to) and y in [yFrom, yTo). A range that ends at 100 includes 100. What a chart bar or cell stands for.
 */
export type SignalRange = { questionId: string; from: number; to: number; yFrom: number | null; yTo: number | null };

/**
 * What a facilitator selects in the Verhalen explorer; the same shape feeds the charts.
 * Lists are "any of" within one list and "all of" across lists; tags are "any of" within a taxonomy.
 */
export type StoryFilter = {
  /** Day the story was told (ISO `YYYY-MM-DD`), inclusive. */
  from: string | null;
  to: string | null;
  wijkIds: string[];
  vertelpuntIds: string[];
  tellerKind: TellerKind | null;
  archetypeIds: string[];
  tagIds: string[];
  /** Keys of the leefgebieden chosen in a leefgebied question (`financien`, `wonen`, …). */
  leefgebieden: string[];
  /** Grouped per question: any of the options of one question, every question. */
  choices: ChoiceAnswer[];
  /** Dyad, scale and canvas ranges: every range must hold. */
  signals: SignalRange[];
  statuses: ExplorableStatus[];
  length: LengthRange | null;
  /** Dutch full-text search over the redacted title and text. */
  q: string | null;
  /** "Verhalen zoals dit": ordered by likeness to this story. */
  similarTo: string | null;
};

export const EMPTY_STORY_FILTER: StoryFilter = Object.freeze({
  from: null,
  to: null,
  wijkIds: [],
  vertelpuntIds: [],
  tellerKind: null,
  archetypeIds: [],
  tagIds: [],
  leefgebieden: [],
  choices: [],
  signals: [],
  statuses: [],
  length: null,
  q: null,
  similarTo: null,
}) as StoryFilter;

/** Short Dutch URL parameter names; lists repeat the parameter (`?wijk=a&wijk=b`). */
export const STORY_FILTER_PARAMS = {
  from: 'van',
  to: 'tot',
  wijkIds: 'wijk',
  vertelpuntIds: 'punt',
  tellerKind: 'teller',
  archetypeIds: 'archetype',
  tagIds: 'tag',
  leefgebieden: 'leefgebied',
  choices: 'antwoord',
  signals: 'signaal',
  statuses: 'status',
  lengthUnit: 'lengte',
  lengthMin: 'min',
  lengthMax: 'max',
  q: 'zoek',
  similarTo: 'zoalsdit',
} as const;

const LENGTH_UNIT_PARAM: Record<LengthUnit, string> = { words: 'woorden', seconds: 'seconden' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_SEARCH_LENGTH = 200;
const MAX_LIST = 50;

export const isUuid = (value: string) => UUID.test(value);

const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))].slice(0, MAX_LIST);
const RANGE = /^(\d{1,3})-(\d{1,3})$/;
/** `regie:20-30` (a dyad or scale) or `impact:20-30:90-100` (a canvas: x range, then y range). */
const parseSignal = (text: string): SignalRange[] => {
  const [questionId, xs, ys, ...rest] = text.split(':');
  const x = RANGE.exec(xs ?? '');
  const y = ys === undefined ? null : RANGE.exec(ys);
  if (!questionId || !x || rest.length > 0 || (ys !== undefined && !y)) return [];
  return [{ questionId, from: Number(x[1]), to: Number(x[2]), yFrom: y ? Number(y[1]) : null, yTo: y ? Number(y[2]) : null }];
};
const signalToParam = (r: SignalRange) => `${r.questionId}:${r.from}-${r.to}${r.yFrom !== null && r.yTo !== null ? `:${r.yFrom}-${r.yTo}` : ''}`;

const wholeNumber = (value: string | null) => {
  if (value === null || !/^\d{1,7}$/.test(value.trim())) return null;
  return Number(value.trim());
};

/**
 * Reads a filter from a URL. Forgiving: a value that cannot mean anything (a date like `gisteren`,
 * an unknown status) is dropped, so a hand-edited link still opens; ids are kept for the API to judge.
 */
export const parseStoryFilter = (params: URLSearchParams): StoryFilter => {
  const p = STORY_FILTER_PARAMS;
  const date = (name: string) => {
    const v = params.get(name)?.trim() ?? '';
    return isIsoDate(v) ? v : null;
  };
  const teller = params.get(p.tellerKind);
  const unitParam = params.get(p.lengthUnit);
  const unit = (Object.keys(LENGTH_UNIT_PARAM) as LengthUnit[]).find((u) => LENGTH_UNIT_PARAM[u] === unitParam) ?? null;
  const min = wholeNumber(params.get(p.lengthMin));
  const max = wholeNumber(params.get(p.lengthMax));
  const q = (params.get(p.q) ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
  const similarTo = (params.get(p.similarTo) ?? '').trim();
  const choices = unique(params.getAll(p.choices)).flatMap((pair) => {
    const at = pair.indexOf(':');
    return at > 0 && at < pair.length - 1 ? [{ questionId: pair.slice(0, at), optionId: pair.slice(at + 1) }] : [];
  });
  return {
    from: date(p.from),
    to: date(p.to),
    wijkIds: unique(params.getAll(p.wijkIds)),
    vertelpuntIds: unique(params.getAll(p.vertelpuntIds)),
    tellerKind: teller === 'wijkcoach' || teller === 'inwoner' ? teller : null,
    archetypeIds: unique(params.getAll(p.archetypeIds)),
    tagIds: unique(params.getAll(p.tagIds)),
    leefgebieden: unique(params.getAll(p.leefgebieden)),
    choices,
    signals: unique(params.getAll(p.signals)).flatMap(parseSignal),
    statuses: unique(params.getAll(p.statuses)).filter((s): s is ExplorableStatus => (EXPLORABLE_STATUSES as readonly string[]).includes(s)),
    length: unit && (min !== null || max !== null) ? { unit, min, max } : null,
    q: q === '' ? null : q,
    similarTo: similarTo === '' ? null : similarTo,
  };
};

/** The filter as URL parameters, in a stable order; empty parts are left out. */
export const storyFilterToSearchParams = (filter: StoryFilter): URLSearchParams => {
  const p = STORY_FILTER_PARAMS;
  const out = new URLSearchParams();
  if (filter.q) out.set(p.q, filter.q);
  if (filter.from) out.set(p.from, filter.from);
  if (filter.to) out.set(p.to, filter.to);
  for (const id of filter.wijkIds) out.append(p.wijkIds, id);
  for (const id of filter.vertelpuntIds) out.append(p.vertelpuntIds, id);
  if (filter.tellerKind) out.set(p.tellerKind, filter.tellerKind);
  for (const id of filter.archetypeIds) out.append(p.archetypeIds, id);
  for (const id of filter.tagIds) out.append(p.tagIds, id);
  for (const key of filter.leefgebieden) out.append(p.leefgebieden, key);
  for (const c of filter.choices) out.append(p.choices, `${c.questionId}:${c.optionId}`);
  for (const r of filter.signals) out.append(p.signals, signalToParam(r));
  for (const s of filter.statuses) out.append(p.statuses, s);
  if (filter.length && (filter.length.min !== null || filter.length.max !== null)) {
    out.set(p.lengthUnit, LENGTH_UNIT_PARAM[filter.length.unit]);
    if (filter.length.min !== null) out.set(p.lengthMin, String(filter.length.min));
    if (filter.length.max !== null) out.set(p.lengthMax, String(filter.length.max));
  }
  if (filter.similarTo) out.set(p.similarTo, filter.similarTo);
  return out;
};

export const isEmptyStoryFilter = (filter: StoryFilter) => storyFilterToSearchParams(filter).toString() === '';

/** Checks a filter that came from outside; every problem names its field, in plain Dutch. */
export const validateStoryFilter = (filter: StoryFilter): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const ids = (field: keyof StoryFilter, values: string[], what: string) => {
    if (values.length > MAX_LIST) problems.push({ field, message: `Kies hoogstens ${MAX_LIST} ${what}.` });
    const wrong = values.filter((v) => !isUuid(v));
    if (wrong.length > 0) problems.push({ field, message: `Onbekende ${what}: ${wrong.slice(0, 3).join(', ')}.` });
  };
  ids('wijkIds', filter.wijkIds, 'wijken');
  ids('vertelpuntIds', filter.vertelpuntIds, 'vertelpunten');
  ids('archetypeIds', filter.archetypeIds, 'archetypen');
  ids('tagIds', filter.tagIds, 'tags');
  if (filter.similarTo !== null && !isUuid(filter.similarTo)) problems.push({ field: 'similarTo', message: 'Onbekend verhaal bij "verhalen zoals dit".' });
  for (const field of ['from', 'to'] as const) {
    const v = filter[field];
    if (v !== null && !isIsoDate(v)) problems.push({ field, message: 'Vul een datum in als jjjj-mm-dd.' });
  }
  if (filter.from && filter.to && isIsoDate(filter.from) && isIsoDate(filter.to) && filter.from > filter.to) {
    problems.push({ field: 'to', message: 'De einddatum ligt voor de begindatum.' });
  }
  if (filter.tellerKind !== null && filter.tellerKind !== 'wijkcoach' && filter.tellerKind !== 'inwoner') {
    problems.push({ field: 'tellerKind', message: 'Kies wijkcoach of inwoner.' });
  }
  const badStatus = filter.statuses.filter((s) => !(EXPLORABLE_STATUSES as readonly string[]).includes(s));
  if (badStatus.length > 0) problems.push({ field: 'statuses', message: 'Alleen verwerkte verhalen zijn te verkennen: kies Klaar of Geanonimiseerd.' });
  if (filter.leefgebieden.length > MAX_LIST || filter.leefgebieden.some((k) => !/^[a-z0-9-]{1,60}$/.test(k))) {
    problems.push({ field: 'leefgebieden', message: 'Onbekend leefgebied.' });
  }
  if (filter.choices.length > MAX_LIST || filter.choices.some((c) => !c.questionId.trim() || !c.optionId.trim() || c.questionId.length > 100 || c.optionId.length > 100)) {
    problems.push({ field: 'choices', message: 'Onbekend antwoord op een vraag.' });
  }
  const inRange = (n: number | null) => n !== null && Number.isFinite(n) && n >= 0 && n <= 100;
  if (
    filter.signals.length > MAX_LIST ||
    filter.signals.some(
      (r) =>
        !r.questionId.trim() ||
        r.questionId.length > 100 ||
        !inRange(r.from) ||
        !inRange(r.to) ||
        r.from >= r.to ||
        (r.yFrom === null) !== (r.yTo === null) ||
        (r.yFrom !== null && (!inRange(r.yFrom) || !inRange(r.yTo) || r.yFrom >= (r.yTo ?? 0))),
    )
  ) {
    problems.push({ field: 'signals', message: 'Een bereik op een schuifvraag moet tussen 0 en 100 liggen, van klein naar groot.' });
  }
  if (filter.length) {
    const { unit, min, max } = filter.length;
    if (unit !== 'words' && unit !== 'seconds') problems.push({ field: 'length', message: 'Kies de lengte in woorden of seconden.' });
    if ([min, max].some((n) => n !== null && (!Number.isInteger(n) || n < 0))) problems.push({ field: 'length', message: 'Vul een heel getal van 0 of meer in.' });
    else if (min !== null && max !== null && min > max) problems.push({ field: 'length', message: 'De kleinste lengte is groter dan de grootste.' });
  }
  if (filter.q !== null && filter.q.length > MAX_SEARCH_LENGTH) problems.push({ field: 'q', message: `Zoek met hoogstens ${MAX_SEARCH_LENGTH} tekens.` });
  return problems;
};
