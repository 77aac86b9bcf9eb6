/**
 * Building blocks for demo stories. Texts may hold placeholders that `buildDemoStories` fills:
 * `{naam}`/`{Naam}` (the person, lower/upper case first letter), `{hij} {Hij} {zijn} {Zijn} {hem}` (pronouns that
 * follow the person's gender), `{wijk}` (as written in a sentence: `de Bloemenbuurt`), `{straat}`, `{tel}`, `{email}`, `{coach}` (a wijkcoach's first name),
 * `{buur}` (a neighbour) and `{partner}` (`mijn man` / `mijn vrouw`).
 */
export type DemoTone = 'goed' | 'wisselend' | 'moeizaam';
export type DemoGender = 'v' | 'm';

type ScenarioBase = {
  theme: string;
  /** Leefgebied tag keys; the first is always answered. */
  leefgebieden: string[];
  /** A wijk where this theme is more common, so the dashboard shows differences between wijken. */
  wijk?: string;
  /** Fixed gender of the person, when the texts need it. */
  gender?: DemoGender;
  /** Only first names fit (e.g. a teenager), never `mevrouw X`. */
  firstNameOnly?: boolean;
  /** Titles that fit every situation and outcome of the scenario. */
  titles: string[];
  /** 2–3 sentences that open the story. */
  situations: string[];
  /** 1 sentence that makes it harder; sometimes left out. */
  complications: string[];
};

export type CoachOutcome = {
  tone: DemoTone;
  /** 2–3 sentences: what the wijkcoach did and how it ended. */
  text: string;
  /** Werkzame elementen tag keys that fit this outcome, most fitting first. */
  elementen: string[];
  /** Wijkcoach archetype keys that fit this outcome. */
  archetypes: string[];
  extraLeefgebieden?: string[];
  /** Indexes of the situations this outcome follows on from; all when left out. */
  situations?: number[];
  /** Titles that only fit this outcome (e.g. a happy ending), next to the scenario's neutral titles. */
  titles?: string[];
};

export type CoachScenario = ScenarioBase & { outcomes: CoachOutcome[] };

export type InwonerOutcome = {
  tone: DemoTone;
  text: string;
  /** Answers to `wat-ging-goed`; empty when nothing went well. */
  goed: string[];
  /** Answers to `wat-kan-beter`. */
  beter: string[];
  /** `wie-hielp` option ids. */
  helpers: string[];
  /** Inwoner archetype keys. */
  archetypes: string[];
  situations?: number[];
  titles?: string[];
};

export type InwonerScenario = ScenarioBase & { outcomes: InwonerOutcome[] };
