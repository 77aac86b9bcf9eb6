import { compareItems, compareValues, type ItemComparison, type ItemCount } from '../patterns/compare';
import type { ValueCounts, Verdict } from '../patterns/statistics';
import { toTenths } from './distribution';
import { CHANGE_THRESHOLD } from './impact';
import { guard, type Guarded } from './suppression';

/** Months before and after an intervention date that are compared, unless chosen otherwise. */
export const DEFAULT_EFFECT_WINDOW_MONTHS = 3;
export const MAX_EFFECT_WINDOW_MONTHS = 12;

/**
 * The windows around an intervention date: "before" is the `months` months up to the day before, "after" the day
 * after up to `months` months later. The day itself belongs to neither (the Tafel meets that day).
 */
export const effectWindows = (date: string, months: number) => {
  const shift = (d: string, m: number, days: number) => {
    const [y, mo, day] = d.split('-').map(Number);
    const target = new Date(Date.UTC(y, mo - 1 + m, 1));
    // Keep the day in range: 31 May minus 3 months is 28/29 February, not 3 March.
    const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(day, last) + days);
    return target.toISOString().slice(0, 10);
  };
  return { before: { from: shift(date, -months, 0), to: shift(date, 0, -1) }, after: { from: shift(date, 0, 1), to: shift(date, months, 0) } };
};

/** What was counted in the two windows, for the stories and the Wat telt measurements of one selection. */
export type EffectCounts = {
  stories: { before: number; after: number };
  archetypes: { before: ItemCount[]; after: ItemCount[] };
  tags: { before: ItemCount[]; after: ItemCount[] };
  /** Rapportcijfers of the measurements in each window, and how many different inwoners gave them. */
  rapportcijfer: { before: ValueCounts; after: ValueCounts; inwonersBefore: number; inwonersAfter: number };
  /** Per inwoner with a measurement in both windows: latest after minus latest before, in points. */
  followedChanges: number[];
};

export type RapportcijferEffect = {
  inwonersBefore: number;
  inwonersAfter: number;
  measurementsBefore: number;
  measurementsAfter: number;
  meanBefore: number;
  meanAfter: number;
  verdict: Verdict;
  explanation: string;
};

/** The minimum group on each side: stories (as Patronen, `MIN_GROUP_SIZE`) and inwoners (`WAT_TELT_MIN_GROUP_SIZE`). */
export type EffectMinimum = { stories: number; inwoners: number };

export type InterventionEffect = {
  minimum: EffectMinimum;
  stories: Guarded<{ before: number; after: number; archetypes: ItemComparison[]; tags: ItemComparison[] }>;
  rapportcijfer: Guarded<RapportcijferEffect>;
  followed: Guarded<{ n: number; improved: number; stable: number; declined: number }>;
  /** The verdict in plain Dutch, one sentence per part, ending with what it does not say. */
  summary: string[];
};

const dutch = (value: number, digits = 1) => value.toFixed(digits).replace('.', ',');
const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
const share = (fraction: number) => `${Math.round(fraction * 100)}%`;

const storySentences = (comparisons: ItemComparison[], label: (key: string) => string): string[] =>
  comparisons
    .filter((c) => c.verdict === 'likely-real' && c.shareA !== null && c.shareB !== null)
    .map((c) => {
      const more = c.shareB! > c.shareA!;
      return `Na de interventie hebben ${more ? 'meer' : 'minder'} verhalen "${label(c.key)}" (${share(c.shareB!)} tegenover ${share(c.shareA!)} ervoor); dat is waarschijnlijk geen toeval.`;
    });

/**
 * Before/after around an intervention: the stories (archetypes and tags, each compared with chi-square or Fisher as in
 * Patronen) and the Wat telt measurements (rapportcijfer of all measurements, Mann-Whitney; and per inwoner measured on
 * both sides, improved/stable/declined with the impact threshold). Each part over fewer than the minimum of stories or
 * inwoners on either side is "te weinig gegevens", and the verdict says so.
 */
export const interventionEffect = (
  counts: EffectCounts,
  minimum: EffectMinimum,
  labels: { archetype: (key: string) => string; tag: (key: string) => string },
): InterventionEffect => {
  const { stories, rapportcijfer: rc } = counts;
  const storiesShown = guard(Math.min(stories.before, stories.after), minimum.stories, {
    before: stories.before,
    after: stories.after,
    archetypes: compareItems(counts.archetypes.before, stories.before, counts.archetypes.after, stories.after),
    tags: compareItems(counts.tags.before, stories.before, counts.tags.after, stories.after),
  });
  const compared = compareValues('rapportcijfer', rc.before, rc.after);
  const rapportcijfer = guard(Math.min(rc.inwonersBefore, rc.inwonersAfter), minimum.inwoners, {
    inwonersBefore: rc.inwonersBefore,
    inwonersAfter: rc.inwonersAfter,
    measurementsBefore: compared.countA,
    measurementsAfter: compared.countB,
    meanBefore: compared.meanA ?? 0,
    meanAfter: compared.meanB ?? 0,
    verdict: compared.verdict,
    // The Patronen wording speaks of stories; here it is about measurements.
    explanation: compared.verdict === 'too-few' ? 'Te weinig metingen om te zeggen of dit verschil toeval is.' : compared.explanation,
  });
  const threshold = toTenths(CHANGE_THRESHOLD);
  const changes = counts.followedChanges.map(toTenths);
  const followed = guard(changes.length, minimum.inwoners, {
    n: changes.length,
    improved: changes.filter((c) => c >= threshold).length,
    stable: changes.filter((c) => Math.abs(c) < threshold).length,
    declined: changes.filter((c) => c <= -threshold).length,
  });

  const summary: string[] = [];
  if (storiesShown.suppressed && rapportcijfer.suppressed && followed.suppressed) {
    summary.push(`Te weinig gegevens: vóór of na de interventie zijn er minder dan ${minimum.stories} verhalen en minder dan ${minimum.inwoners} gemeten inwoners.`);
    return { minimum, stories: storiesShown, rapportcijfer, followed, summary };
  }
  if (storiesShown.suppressed) summary.push(`Verhalen: te weinig gegevens (minder dan ${minimum.stories} verhalen vóór of na).`);
  else {
    const found = [...storySentences(storiesShown.archetypes, labels.archetype), ...storySentences(storiesShown.tags, labels.tag)];
    summary.push(
      ...(found.length > 0
        ? found
        : [`Verhalen: geen archetype of tag komt na de interventie duidelijk vaker of minder vaak voor dan ervoor (${storiesShown.before} verhalen vóór, ${storiesShown.after} na).`]),
    );
  }
  if (rapportcijfer.suppressed) summary.push(`Rapportcijfer: te weinig gegevens (minder dan ${minimum.inwoners} gemeten inwoners vóór of na).`);
  else {
    const direction = rapportcijfer.meanAfter > rapportcijfer.meanBefore ? 'hoger' : rapportcijfer.meanAfter < rapportcijfer.meanBefore ? 'lager' : 'even hoog';
    summary.push(
      `Rapportcijfer: na de interventie gemiddeld ${dutch(rapportcijfer.meanAfter)}, ervoor ${dutch(rapportcijfer.meanBefore)} (${direction}; ${rapportcijfer.inwonersAfter} en ${rapportcijfer.inwonersBefore} inwoners). ${rapportcijfer.explanation}`,
    );
  }
  if (followed.suppressed) summary.push(`Inwoners met een gesprek vóór én na: te weinig gegevens (minder dan ${minimum.inwoners}).`);
  else {
    summary.push(
      `Van de ${followed.n} inwoners met een gesprek vóór én na gaf ${percent(followed.improved, followed.n)} na de interventie een hoger rapportcijfer, ${percent(followed.stable, followed.n)} hetzelfde en ${percent(followed.declined, followed.n)} een lager.`,
    );
  }
  summary.push('Dit laat zien wat er rond de interventie veranderde, niet dat de interventie de oorzaak is.');
  return { minimum, stories: storiesShown, rapportcijfer, followed, summary };
};
