import type { TellerKind } from '../stories/story-status';
import { COACH_SCENARIOS } from './demo-coach-scenarios';
import { INWONER_SCENARIOS } from './demo-inwoner-scenarios';
import type { DemoGender, DemoTone } from './demo-scenario';
import type { DemoStory } from './demo-story';

/** The wijken of the fictional municipality Voorbeeldstad. */
export const DEMO_WIJKEN: string[] = ['Centrum', 'Oosterpark', 'De Wielen', 'Noorderhaven', 'Bloemenbuurt'];
/** How a wijk reads in a sentence ("in de Bloemenbuurt"). */
const WIJK_IN_TEXT: Record<string, string> = { Centrum: 'het Centrum', Bloemenbuurt: 'de Bloemenbuurt' };

/** Stories go back this far, so the dashboard has trends over time. */
const MAX_DAYS_AGO = 540;
/** From this many days ago the (fictional) doorbraakbudget gives wijkcoaches more room in the rules. */
const DOORBRAAK_DAYS_AGO = 240;
const WIJKCOACH_SHARE = 0.65;

type Rng = () => number;
type Answer = DemoStory['answers'][number];

/** mulberry32: small, fast and good enough for demo data; the same seed always gives the same stories. */
const seededRng = (seed: number): Rng => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Rng, p: number) => rng() < p;
const clamp = (n: number) => Math.max(0, Math.min(100, n));
const shuffled = <T>(rng: Rng, items: readonly T[]): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};
/** 1..max distinct items; the first item is kept in front when `keepFirst`. */
const someOf = (rng: Rng, items: readonly string[], max: number, keepFirst = false): string[] => {
  const count = between(rng, 1, Math.min(max, items.length));
  if (!keepFirst) return shuffled(rng, items).slice(0, count);
  return [items[0], ...shuffled(rng, items.slice(1)).slice(0, count - 1)];
};
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const NAMES: Record<DemoGender, { formal: string[]; first: string[] }> = {
  v: {
    formal: ['mevrouw Yilmaz', 'mevrouw Jansen', 'mevrouw de Boer', 'mevrouw Bakker', 'mevrouw El Amrani', 'mevrouw Visser', 'mevrouw Kaya', 'mevrouw Hoekstra', 'mevrouw Mulder', 'mevrouw Pinas'],
    first: ['Fatima', 'Sanne', 'Ilse', 'Priya', 'Anouk', 'Naima', 'Kim', 'Demi', 'Esther', 'Lotte', 'Aylin', 'Joyce'],
  },
  m: {
    formal: ['meneer Bakker', 'meneer de Vries', 'meneer Özdemir', 'meneer Smit', 'meneer van Dijk', 'meneer Kowalski', 'meneer Meijer', 'meneer Bouzid', 'meneer Hendriks', 'meneer Tromp'],
    first: ['Mohamed', 'Kees', 'Jeroen', 'Dennis', 'Ahmed', 'Bram', 'Youssef', 'Sven', 'Mehmet', 'Rick', 'Dario', 'Tim'],
  },
};
const PRONOUNS: Record<DemoGender, Record<'hij' | 'Hij' | 'zijn' | 'Zijn' | 'hem', string>> = {
  v: { hij: 'ze', Hij: 'Ze', zijn: 'haar', Zijn: 'Haar', hem: 'haar' },
  m: { hij: 'hij', Hij: 'Hij', zijn: 'zijn', Zijn: 'Zijn', hem: 'hem' },
};
const STREETS = ['de Lindelaan 14', 'de Vondelstraat 3', 'het Kerkplein 22', 'de Molenweg 87', 'de Havenkade 5', 'de Tulpstraat 41', 'de Eikenlaan 9B', 'de Populierenstraat 112', 'de Sluisweg 27', 'de Dahliastraat 8'];
const PHONES = ['06-12345678', '06-23456789', '06 34 56 78 90', '0612345678', '06-87654321'];
const EMAILS = ['j.bakker1978@gmail.com', 'fatima.elamrani@hotmail.com', 's.devries@outlook.com', 'kees.smit@ziggo.nl', 'anouk.visser@kpnmail.nl'];
const COACHES = ['Sanne', 'Mark', 'Esra', 'Joost', 'Linda', 'Rachid', 'Marloes', 'Bas'];
const BUREN = ['mevrouw Jansen', 'Ria', 'mevrouw Öztürk', 'Henk', 'Gerda', 'meneer Pieters'];
const PARTNERS = ['mijn man', 'mijn vrouw'];

const COACH_REFLECTIONS: Record<DemoTone, string[]> = {
  goed: [
    'Dit soort momenten laat zien waarom ik dit werk doe.',
    'Wat ik hiervan leer: eerst rust creëren, dan pas plannen maken.',
    'Ik ben er best trots op dat het zo gelopen is.',
    'Het heeft me geleerd om meer te vertrouwen op wat de inwoner zelf kan.',
    'Het korte lijntje met collega’s maakte hier echt het verschil.',
    'Ik neem dit mee naar de ErvaringenTafel, want ik denk dat anderen er ook iets aan hebben.',
  ],
  wisselend: [
    'Ik vraag me nog steeds af of ik het anders had moeten aanpakken.',
    'Het is niet opgelost, maar er zit wel beweging in.',
    'Ik merk dat ik hier nog vaak aan terugdenk.',
    'Achteraf had ik eerder een collega moeten inschakelen.',
    'Het kostte veel meer tijd dan we ervoor hebben, maar het was nodig.',
  ],
  moeizaam: [
    'Ik heb dit meegenomen naar de intervisie, want het zit me niet lekker.',
    'Soms werken de regels precies tegen de mensen die ze moeten helpen.',
    'Ik ging die dag met een rotgevoel naar huis.',
    'Ik hoop dat we als organisatie leren van dit soort situaties.',
    'Het voelde alsof ik tegen een muur praatte, en de inwoner nog meer dan ik.',
  ],
};
const INWONER_REFLECTIONS: Record<DemoTone, string[]> = {
  goed: [
    'Ik wil anderen zeggen: vraag op tijd hulp, het valt mee.',
    'Ik ben er heel dankbaar voor.',
    'Ik had nooit gedacht dat het zo goed kon lopen.',
    'Ik vertel dit zodat anderen weten dat het kan.',
  ],
  wisselend: [
    'Het is nog niet klaar, maar ik heb weer een beetje hoop.',
    'Soms weet ik niet of ik blij of boos moet zijn.',
    'Ik hoop dat het voor de volgende makkelijker gaat.',
  ],
  moeizaam: [
    'Ik vertel dit omdat het voor anderen beter moet.',
    'Ik ben er nog steeds boos over.',
    'Ik hoop dat iemand dit leest en er iets mee doet.',
    'Het voelde alsof ik er helemaal alleen voor stond.',
  ],
};
/** Personal data on purpose: the redaction step must find and replace it. */
const COACH_DETAILS = [
  'Voor de volledigheid: {naam} woont op {straat} in {wijk}.',
  'Een familielid belde me later nog vanaf {tel} om te vragen hoe het verder ging.',
  'Ik heb mijn werknummer, {tel}, op een briefje op de koelkast geplakt.',
  'Het adres was {straat}, een benedenwoning vlak bij de school.',
  'Het e-mailadres dat ik kreeg, {email}, bleek al jaren niet meer gelezen te worden.',
];
const INWONER_DETAILS = [
  'Ik woon op {straat}, voor wie het wil weten.',
  'Wie vragen heeft, kan me bellen op {tel}.',
  'Mijn e-mailadres is {email}, als iemand meer wil weten.',
  'Mijn wijkcoach heet {coach}, en die wil ik echt bedanken.',
];

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`Onbekende plek in demotekst: {${key}}`);
    return value;
  });

/** Later stories go better a little more often, so the impact view has something to show. */
const pickTone = (rng: Rng, daysAgo: number): DemoTone => {
  const recency = 1 - daysAgo / MAX_DAYS_AGO;
  const good = 0.3 + 0.3 * recency;
  const hard = 0.32 - 0.17 * recency;
  const r = rng();
  return r < good ? 'goed' : r < good + hard ? 'moeizaam' : 'wisselend';
};

type Scenario = { situations: string[]; titles: string[] };
type Outcome = { tone: DemoTone; situations?: number[]; titles?: string[] };

/** An outcome of the wanted tone, a situation it follows on from, and a title that fits both. */
const pickStoryline = <O extends Outcome>(rng: Rng, scenario: Scenario & { outcomes: O[] }, tone: DemoTone) => {
  const fitting = scenario.outcomes.filter((o) => o.tone === tone);
  const outcome = pick(rng, fitting.length > 0 ? fitting : scenario.outcomes);
  const situation = scenario.situations[pick(rng, outcome.situations ?? scenario.situations.map((_s, i) => i))];
  const title = pick(rng, [...scenario.titles, ...(outcome.titles ?? [])]);
  return { outcome, situation, title };
};

/** Somewhat more stories recently (adoption grows), yet every period has stories. */
const pickDaysAgo = (rng: Rng) => Math.floor((MAX_DAYS_AGO + 1) * rng() ** 1.3);

const pickWijk = (rng: Rng, preferred: string | undefined) => (preferred && chance(rng, 0.5) ? preferred : pick(rng, DEMO_WIJKEN));

type Draft = { title: string; text: string; wijk: string; answers: Answer[] };

const composeText = (rng: Rng, parts: { situation: string; complication: string | null; outcome: string; reflection: string | null; detail: string | null }) => {
  const sentences = [parts.situation];
  if (parts.detail && chance(rng, 0.5)) sentences.push(parts.detail);
  if (parts.complication) sentences.push(parts.complication);
  sentences.push(parts.outcome);
  if (parts.reflection) sentences.push(parts.reflection);
  if (parts.detail && !sentences.includes(parts.detail)) sentences.push(parts.detail);
  return sentences.join(' ');
};

const baseVars = (rng: Rng, gender: DemoGender, firstNameOnly: boolean, wijk: string) => {
  const names = NAMES[gender];
  const naam = firstNameOnly || chance(rng, 0.4) ? pick(rng, names.first) : pick(rng, names.formal);
  return {
    naam,
    Naam: capitalize(naam),
    ...PRONOUNS[gender],
    wijk: WIJK_IN_TEXT[wijk] ?? wijk,
    straat: pick(rng, STREETS),
    tel: pick(rng, PHONES),
    email: pick(rng, EMAILS),
    coach: pick(rng, COACHES),
    buur: pick(rng, BUREN),
    partner: pick(rng, PARTNERS),
  };
};

const leefgebiedAnswer = (rng: Rng, keys: string[]): Answer => ({
  questionId: 'leefgebieden',
  value: { kind: 'choice', optionIds: someOf(rng, keys, 3, true) },
});

const buildCoachDraft = (rng: Rng, daysAgo: number): Draft => {
  const scenario = pick(rng, COACH_SCENARIOS);
  const { outcome, situation, title } = pickStoryline(rng, scenario, pickTone(rng, daysAgo));
  const wijk = pickWijk(rng, scenario.wijk);
  const vars = baseVars(rng, scenario.gender ?? (chance(rng, 0.55) ? 'v' : 'm'), scenario.firstNameOnly ?? false, wijk);
  const text = fill(
    composeText(rng, {
      situation,
      complication: chance(rng, 0.8) ? pick(rng, scenario.complications) : null,
      outcome: outcome.text,
      reflection: chance(rng, 0.6) ? pick(rng, COACH_REFLECTIONS[outcome.tone]) : null,
      detail: chance(rng, 0.25) ? pick(rng, COACH_DETAILS) : null,
    }),
    vars,
  );

  const archetypes = someOf(rng, outcome.archetypes, 2);
  const elementen = someOf(rng, outcome.elementen, 3);
  const answers: Answer[] = [{ questionId: 'gevoel', value: { kind: 'archetypes', archetypeIds: archetypes } }];
  if (chance(rng, 0.9)) answers.push({ questionId: 'werkzame-elementen', value: { kind: 'choice', optionIds: elementen } });
  else if (chance(rng, 0.5)) answers.push({ questionId: 'werkzame-elementen', value: { kind: 'notApplicable' } });
  answers.push(leefgebiedAnswer(rng, [...scenario.leefgebieden, ...(outcome.extraLeefgebieden ?? [])]));
  answers.push({ questionId: 'wijk', value: { kind: 'choice', optionIds: [wijk] } });

  if (chance(rng, 0.85)) {
    const regie = elementen.includes('eigen-regie')
      ? between(rng, 8, 35)
      : archetypes.includes('brandweerman')
        ? between(rng, 60, 92)
        : between(rng, 30, 68);
    answers.push({ questionId: 'regie', value: { kind: 'number', value: regie } });
  } else if (chance(rng, 0.3)) {
    answers.push({ questionId: 'regie', value: { kind: 'notApplicable' } });
  }
  if (chance(rng, 0.8)) {
    const base = archetypes.includes('klemzittende')
      ? between(rng, 5, 30)
      : elementen.includes('maatwerk') || archetypes.includes('pionier')
        ? between(rng, 60, 92)
        : between(rng, 30, 70);
    const ruimte = clamp(base + (daysAgo < DOORBRAAK_DAYS_AGO ? between(rng, 5, 15) : 0));
    answers.push({ questionId: 'ruimte', value: { kind: 'number', value: ruimte } });
  }
  if (chance(rng, 0.75)) {
    const wide =
      elementen.some((e) => e === 'normaliseren' || e === 'ondersteuning-dichtbij') ||
      archetypes.some((a) => a === 'verbinder' || a === 'pionier');
    const x = wide ? between(rng, 45, 92) : between(rng, 4, 45);
    const y = outcome.tone === 'goed' ? between(rng, 60, 96) : outcome.tone === 'wisselend' ? between(rng, 30, 65) : between(rng, 3, 35);
    answers.push({ questionId: 'impact', value: { kind: 'point', x, y } });
  }
  if (chance(rng, 0.85)) {
    const cijfer = outcome.tone === 'goed' ? between(rng, 7, 10) : outcome.tone === 'wisselend' ? between(rng, 5, 7) : between(rng, 2, 5);
    answers.push({ questionId: 'tevredenheid', value: { kind: 'number', value: cijfer } });
  }
  return { title, text, wijk, answers };
};

const buildInwonerDraft = (rng: Rng, daysAgo: number): Draft => {
  const scenario = pick(rng, INWONER_SCENARIOS);
  const { outcome, situation, title } = pickStoryline(rng, scenario, pickTone(rng, daysAgo));
  const wijk = pickWijk(rng, scenario.wijk);
  const vars = baseVars(rng, scenario.gender ?? (chance(rng, 0.55) ? 'v' : 'm'), scenario.firstNameOnly ?? false, wijk);
  const text = fill(
    composeText(rng, {
      situation,
      complication: chance(rng, 0.75) ? pick(rng, scenario.complications) : null,
      outcome: outcome.text,
      reflection: chance(rng, 0.5) ? pick(rng, INWONER_REFLECTIONS[outcome.tone]) : null,
      detail: chance(rng, 0.2) ? pick(rng, INWONER_DETAILS) : null,
    }),
    vars,
  );

  const archetypes = someOf(rng, outcome.archetypes, 2);
  const answers: Answer[] = [];
  const textAnswer = (questionId: string, options: string[], p: number) => {
    if (options.length > 0 && chance(rng, p)) answers.push({ questionId, value: { kind: 'text', text: pick(rng, options) } });
    else if (options.length === 0 && chance(rng, 0.5)) answers.push({ questionId, value: { kind: 'notApplicable' } });
  };
  textAnswer('wat-ging-goed', outcome.goed, 0.8);
  textAnswer('wat-kan-beter', outcome.beter, 0.8);
  if (chance(rng, 0.85)) answers.push({ questionId: 'wie-hielp', value: { kind: 'choice', optionIds: someOf(rng, outcome.helpers, 3) } });
  if (chance(rng, 0.75)) answers.push(leefgebiedAnswer(rng, scenario.leefgebieden));
  answers.push({ questionId: 'gevoel', value: { kind: 'archetypes', archetypeIds: archetypes } });
  if (chance(rng, 0.8)) {
    const gehoord = archetypes.includes('gehoord')
      ? between(rng, 75, 100)
      : archetypes.some((a) => a === 'kastje-muur' || a === 'over-mijn-hoofd')
        ? between(rng, 0, 30)
        : archetypes.includes('verdwaald')
          ? between(rng, 20, 50)
          : outcome.tone === 'goed'
            ? between(rng, 60, 90)
            : outcome.tone === 'wisselend'
              ? between(rng, 40, 65)
              : between(rng, 10, 35);
    answers.push({ questionId: 'gehoord', value: { kind: 'number', value: gehoord } });
  }
  if (chance(rng, 0.85)) answers.push({ questionId: 'wijk', value: { kind: 'choice', optionIds: [wijk] } });
  return { title, text, wijk, answers };
};

/**
 * Deterministic demo stories for the demo organisation. Answers follow the default questionnaire of the teller;
 * archetypes are named by key and the wijk answer by wijk name, which the seed maps to ids.
 */
export const buildDemoStories = (count: number, seed = 1): DemoStory[] => {
  const rng = seededRng(seed);
  const seen = new Set<string>();
  const stories: DemoStory[] = [];
  for (let i = 0; i < count; i++) {
    const daysAgo = pickDaysAgo(rng);
    const tellerKind: TellerKind = chance(rng, WIJKCOACH_SHARE) ? 'wijkcoach' : 'inwoner';
    const build = tellerKind === 'wijkcoach' ? buildCoachDraft : buildInwonerDraft;
    let draft = build(rng, daysAgo);
    // The library is large enough that a repeat is rare; a few retries keep every text unique.
    for (let attempt = 0; attempt < 50 && seen.has(draft.text); attempt++) draft = build(rng, daysAgo);
    seen.add(draft.text);
    stories.push({ ...draft, tellerKind, daysAgo });
  }
  return stories;
};
