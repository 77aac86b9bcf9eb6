import { DEFAULT_INWONER_ARCHETYPES, DEFAULT_WIJKCOACH_ARCHETYPES } from '../archetypes/default-archetypes';
import { LEEFGEBIEDEN } from '../taxonomies/leefgebieden';
import { LEEFGEBIEDEN_KEY, WERKZAME_ELEMENTEN_KEY, type TaxonomyDefinition } from '../taxonomies/taxonomy';
import { WERKZAME_ELEMENTEN } from '../taxonomies/werkzame-elementen';
import { DEFAULT_INWONER_QUESTIONNAIRE, DEFAULT_WIJKCOACH_QUESTIONNAIRE, WIE_HIELP_OPTIONS } from './default-questionnaires';
import type { Question } from './question';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const taxonomies = [WERKZAME_ELEMENTEN, LEEFGEBIEDEN];
const archetypeSets = [DEFAULT_WIJKCOACH_ARCHETYPES, DEFAULT_INWONER_ARCHETYPES];
const questionnaires = [DEFAULT_WIJKCOACH_QUESTIONNAIRE, DEFAULT_INWONER_QUESTIONNAIRE];
const keysOf = (t: TaxonomyDefinition) => t.tags.map((tag) => tag.key);
const question = (questions: Question[], id: string) => {
  const found = questions.find((q) => q.id === id);
  if (!found) throw new Error(`vraag ${id} ontbreekt`);
  return found;
};

describe('default taxonomies', () => {
  it('has the 15 werkzame elementen with Movisie’s labels, not marked as a starting point', () => {
    expect(WERKZAME_ELEMENTEN.key).toBe(WERKZAME_ELEMENTEN_KEY);
    expect(WERKZAME_ELEMENTEN.isStartingPoint).toBe(false);
    expect(WERKZAME_ELEMENTEN.tags.map((t) => t.label)).toEqual([
      'Basishouding',
      'Continuïteit',
      'Integraal plan',
      'Langdurende ondersteuning, waar nodig',
      'Normaliseren',
      'Maatwerk',
      'Ondersteuning dichtbij',
      'Open en duidelijk communiceren',
      'Snel praktische hulp regelen',
      'Snelle inzet van specifieke kennis en deskundigheid',
      'Toegankelijke ondersteuning',
      'Uitgaan van eigen regie, ondersteuning waar nodig',
      'Vast contactpersoon',
      'Vraagverheldering',
      'Werken met methodes',
    ]);
  });

  it('offers 14 leefgebieden as a starting point that says cards differ per organisation', () => {
    expect(LEEFGEBIEDEN.key).toBe(LEEFGEBIEDEN_KEY);
    expect(LEEFGEBIEDEN.isStartingPoint).toBe(true);
    expect(LEEFGEBIEDEN.tags).toHaveLength(14);
    expect(LEEFGEBIEDEN.description).toMatch(/verschillen per organisatie/);
    expect(LEEFGEBIEDEN.description).toMatch(/startpunt/);
  });

  it.each(taxonomies.map((t) => [t.key, t] as const))('%s has unique kebab-case keys and labels', (_key, taxonomy) => {
    const keys = keysOf(taxonomy);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(taxonomy.tags.map((t) => t.label)).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(KEBAB);
  });

  it.each(taxonomies.map((t) => [t.key, t] as const))('%s gives every tag a description and at least 10 unique examples', (_key, taxonomy) => {
    for (const tag of taxonomy.tags) {
      expect(tag.description.trim().length).toBeGreaterThan(20);
      expect(tag.examples.length).toBeGreaterThanOrEqual(10);
      expect(new Set(tag.examples).size).toBe(tag.examples.length);
      for (const example of tag.examples) {
        expect(example).toMatch(/[.!?]$/);
        expect(example).not.toBe(tag.description);
      }
    }
  });

  it('gives every werkzaam element at least 12 examples, as training data for the tagger', () => {
    for (const tag of WERKZAME_ELEMENTEN.tags) expect(tag.examples.length).toBeGreaterThanOrEqual(12);
  });

  it('never uses one example sentence for two tags', () => {
    const all = taxonomies.flatMap((t) => t.tags.flatMap((tag) => tag.examples));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('default archetype sets', () => {
  it('has 7 wijkcoach and 6 inwoner archetypes, both marked as a starting point', () => {
    expect(DEFAULT_WIJKCOACH_ARCHETYPES.key).toBe('wijkcoach-standaard');
    expect(DEFAULT_WIJKCOACH_ARCHETYPES.archetypes).toHaveLength(7);
    expect(DEFAULT_INWONER_ARCHETYPES.key).toBe('inwoner-standaard');
    expect(DEFAULT_INWONER_ARCHETYPES.archetypes).toHaveLength(6);
    for (const set of archetypeSets) {
      expect(set.isStartingPoint).toBe(true);
      expect(set.description).toMatch(/startpunt/i);
    }
  });

  it.each(archetypeSets.map((s) => [s.key, s] as const))('%s has unique keys and names, a description and an icon each', (_key, set) => {
    const keys = set.archetypes.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(set.archetypes.map((a) => a.name)).size).toBe(keys.length);
    for (const archetype of set.archetypes) {
      expect(archetype.key).toMatch(KEBAB);
      expect(archetype.description.trim()).not.toBe('');
      expect(archetype.icon.trim()).not.toBe('');
    }
  });
});

describe('default questionnaires', () => {
  it.each(questionnaires.map((q) => [q.key, q] as const))('%s has unique question ids and non-empty prompts', (_key, questionnaire) => {
    const ids = questionnaire.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of questionnaire.questions) expect(q.prompt.trim()).not.toBe('');
    expect(questionnaire.storyPrompt.trim()).not.toBe('');
    expect(questionnaire.titlePrompt.trim()).not.toBe('');
  });

  it.each(questionnaires.map((q) => [q.key, q] as const))('%s refers to an existing archetype set for its own audience', (_key, questionnaire) => {
    const archetypeQuestions = questionnaire.questions.filter((q) => q.type === 'archetype');
    expect(archetypeQuestions).toHaveLength(1);
    for (const q of archetypeQuestions) {
      if (q.type !== 'archetype') continue;
      const set = archetypeSets.find((s) => s.key === q.archetypeSetId);
      expect(set).toBeDefined();
      expect(set?.key).toBe(`${questionnaire.audience}-standaard`);
      expect([q.min, q.max]).toEqual([1, 2]);
      expect(q.required).toBe(true);
    }
  });

  it.each(questionnaires.map((q) => [q.key, q] as const))('%s only offers options that exist and are unique', (_key, questionnaire) => {
    for (const q of questionnaire.questions) {
      if (q.type !== 'multi' && q.type !== 'single' && q.type !== 'leefgebied') continue;
      const ids = q.options.map((o) => o.id);
      expect(new Set(ids).size).toBe(ids.length);
      if (q.type === 'leefgebied') expect(ids).toEqual(keysOf(LEEFGEBIEDEN));
      if (q.type === 'multi' && q.maxChoices !== null) expect(q.maxChoices).toBeLessThanOrEqual(ids.length);
    }
  });

  it('builds the wijkcoach options from the taxonomies, with labels taken from the tags', () => {
    const elementen = question(DEFAULT_WIJKCOACH_QUESTIONNAIRE.questions, 'werkzame-elementen');
    expect(elementen.type).toBe('multi');
    if (elementen.type !== 'multi') return;
    expect(elementen.options).toEqual(WERKZAME_ELEMENTEN.tags.map((t) => ({ id: t.key, label: t.label })));
    expect(elementen.maxChoices).toBe(3);
    const leefgebieden = question(DEFAULT_WIJKCOACH_QUESTIONNAIRE.questions, 'leefgebieden');
    if (leefgebieden.type !== 'leefgebied') throw new Error('leefgebieden is geen leefgebied-vraag');
    expect(leefgebieden.options.map((o) => o.label)).toEqual(LEEFGEBIEDEN.tags.map((t) => t.label));
  });

  it('asks the wijkcoach and the inwoner the agreed questions in order', () => {
    expect(DEFAULT_WIJKCOACH_QUESTIONNAIRE.questions.map((q) => `${q.id}:${q.type}`)).toEqual([
      'gevoel:archetype',
      'werkzame-elementen:multi',
      'leefgebieden:leefgebied',
      'wijk:wijk',
      'regie:dyad',
      'ruimte:dyad',
      'impact:canvas',
      'tevredenheid:scale',
    ]);
    expect(DEFAULT_INWONER_QUESTIONNAIRE.questions.map((q) => `${q.id}:${q.type}`)).toEqual([
      'wat-ging-goed:text',
      'wat-kan-beter:text',
      'wie-hielp:multi',
      'leefgebieden:leefgebied',
      'gevoel:archetype',
      'gehoord:dyad',
      'wijk:wijk',
    ]);
    expect(DEFAULT_WIJKCOACH_QUESTIONNAIRE.audience).toBe('wijkcoach');
    expect(DEFAULT_INWONER_QUESTIONNAIRE.audience).toBe('inwoner');
  });

  it('uses a 1–10 rapportcijfer and offers "weet ik niet" on the signifiers', () => {
    const cijfer = question(DEFAULT_WIJKCOACH_QUESTIONNAIRE.questions, 'tevredenheid');
    if (cijfer.type !== 'scale') throw new Error('tevredenheid is geen schaal');
    expect([cijfer.min, cijfer.max]).toEqual([1, 10]);
    for (const id of ['regie', 'ruimte', 'impact']) {
      expect(question(DEFAULT_WIJKCOACH_QUESTIONNAIRE.questions, id).allowNotApplicable).toBe(true);
    }
    expect(question(DEFAULT_INWONER_QUESTIONNAIRE.questions, 'gehoord').allowNotApplicable).toBe(true);
  });

  it('lets the inwoner say who helped, including nobody', () => {
    expect(WIE_HIELP_OPTIONS.map((o) => o.id)).toEqual(expect.arrayContaining(['familie', 'buren', 'wijkcoach', 'huisarts', 'vrijwilliger', 'gemeente', 'niemand']));
    const ids = WIE_HIELP_OPTIONS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
