import { DEFAULT_INWONER_ARCHETYPES, DEFAULT_WIJKCOACH_ARCHETYPES } from '../archetypes/default-archetypes';
import { DEFAULT_INWONER_QUESTIONNAIRE, DEFAULT_WIJKCOACH_QUESTIONNAIRE, WIE_HIELP_OPTIONS } from '../questionnaires/default-questionnaires';
import { validateAnswers, type AnswerContext } from '../questionnaires/validate-answers';
import { LEEFGEBIEDEN } from '../taxonomies/leefgebieden';
import { WERKZAME_ELEMENTEN } from '../taxonomies/werkzame-elementen';
import { COACH_SCENARIOS } from './demo-coach-scenarios';
import { INWONER_SCENARIOS } from './demo-inwoner-scenarios';
import { buildDemoStories, DEMO_WIJKEN } from './demo-stories';

const stories = buildDemoStories(200);
const questionnaireFor = { wijkcoach: DEFAULT_WIJKCOACH_QUESTIONNAIRE, inwoner: DEFAULT_INWONER_QUESTIONNAIRE };
// Demo answers name archetypes by key and wijken by name; the seed swaps in ids.
const context: AnswerContext = {
  archetypeIdsBySet: new Map(
    [DEFAULT_WIJKCOACH_ARCHETYPES, DEFAULT_INWONER_ARCHETYPES].map((s) => [s.key, new Set(s.archetypes.map((a) => a.key))]),
  ),
  wijkIds: new Set(DEMO_WIJKEN),
};
const sentenceCount = (text: string) => (text.match(/[.!?](\s|$)/g) ?? []).length;
const choicesOf = (questionId: string, kind: 'wijkcoach' | 'inwoner') =>
  stories
    .filter((s) => s.tellerKind === kind)
    .flatMap((s) => s.answers.filter((a) => a.questionId === questionId))
    .flatMap((a) => (a.value.kind === 'choice' ? a.value.optionIds : []));

describe('buildDemoStories', () => {
  it('builds the same 200 stories from the same seed, and other stories from another seed', () => {
    expect(stories).toHaveLength(200);
    expect(buildDemoStories(200)).toEqual(stories);
    expect(buildDemoStories(200, 2)).not.toEqual(stories);
    expect(buildDemoStories(5)).toEqual(stories.slice(0, 5));
  });

  it('never repeats a text', () => {
    expect(new Set(stories.map((s) => s.text)).size).toBe(stories.length);
  });

  it('gives every answer a valid value for the default questionnaire of its teller', () => {
    for (const story of stories) {
      const problems = validateAnswers(questionnaireFor[story.tellerKind].questions, story.answers, context);
      expect({ title: story.title, problems }).toEqual({ title: story.title, problems: [] });
    }
  });

  it('mixes about two thirds wijkcoaches with inwoners', () => {
    const coaches = stories.filter((s) => s.tellerKind === 'wijkcoach').length;
    expect(coaches / stories.length).toBeGreaterThan(0.55);
    expect(coaches / stories.length).toBeLessThan(0.75);
  });

  it('spreads stories over 0–540 days and over every wijk', () => {
    for (const s of stories) {
      expect(Number.isInteger(s.daysAgo)).toBe(true);
      expect(s.daysAgo).toBeGreaterThanOrEqual(0);
      expect(s.daysAgo).toBeLessThanOrEqual(540);
      expect(DEMO_WIJKEN).toContain(s.wijk);
    }
    expect(stories.some((s) => s.daysAgo < 30)).toBe(true);
    expect(stories.some((s) => s.daysAgo > 360)).toBe(true);
    expect(new Set(stories.map((s) => s.wijk)).size).toBe(DEMO_WIJKEN.length);
  });

  it('answers the wijk question with the wijk the story is in', () => {
    for (const s of stories) {
      const wijk = s.answers.find((a) => a.questionId === 'wijk');
      if (wijk) expect(wijk.value).toEqual({ kind: 'choice', optionIds: [s.wijk] });
    }
  });

  it('writes 3 to 12 sentences with every placeholder filled in', () => {
    for (const s of stories) {
      expect(sentenceCount(s.text)).toBeGreaterThanOrEqual(3);
      expect(sentenceCount(s.text)).toBeLessThanOrEqual(12);
      expect(s.text).not.toMatch(/[{}]/);
      expect(s.title.trim()).not.toBe('');
    }
  });

  it('leaves personal data in some texts for the redaction step to find', () => {
    expect(stories.some((s) => /06[- ]?\d{2}/.test(s.text))).toBe(true);
    expect(stories.some((s) => /\b(mevrouw|meneer) [A-ZÖ]/.test(s.text))).toBe(true);
    expect(stories.some((s) => /straat \d+|laan \d+|weg \d+|plein \d+|kade \d+/.test(s.text))).toBe(true);
    expect(stories.some((s) => /@/.test(s.text))).toBe(true);
  });

  it('shows change over time: wijkcoaches feel more room in the rules lately', () => {
    const average = (recent: boolean) => {
      const values = stories
        .filter((s) => (s.daysAgo < 240) === recent)
        .flatMap((s) => s.answers.filter((a) => a.questionId === 'ruimte'))
        .flatMap((a) => (a.value.kind === 'number' ? [a.value.value] : []));
      return values.reduce((sum, v) => sum + v, 0) / values.length;
    };
    expect(average(true)).toBeGreaterThan(average(false) + 5);
  });

  it('tags debt stories with financiën', () => {
    const debtStories = stories.filter((s) => s.tellerKind === 'wijkcoach' && /schuldregeling|incassobureau/.test(s.text));
    expect(debtStories.length).toBeGreaterThan(0);
    for (const s of debtStories) {
      const leefgebieden = s.answers.find((a) => a.questionId === 'leefgebieden');
      expect(leefgebieden?.value).toMatchObject({ kind: 'choice', optionIds: expect.arrayContaining(['financien']) });
    }
  });

  it('uses many werkzame elementen, leefgebieden and archetypes', () => {
    expect(new Set(choicesOf('werkzame-elementen', 'wijkcoach')).size).toBe(WERKZAME_ELEMENTEN.tags.length);
    expect(new Set([...choicesOf('leefgebieden', 'wijkcoach'), ...choicesOf('leefgebieden', 'inwoner')]).size).toBe(LEEFGEBIEDEN.tags.length);
    const archetypes = new Set(stories.flatMap((s) => s.answers.flatMap((a) => (a.value.kind === 'archetypes' ? a.value.archetypeIds : []))));
    expect(archetypes.size).toBe(DEFAULT_WIJKCOACH_ARCHETYPES.archetypes.length + DEFAULT_INWONER_ARCHETYPES.archetypes.length);
  });
});

describe('demo scenario library', () => {
  const elementKeys = new Set(WERKZAME_ELEMENTEN.tags.map((t) => t.key));
  const leefgebiedKeys = new Set(LEEFGEBIEDEN.tags.map((t) => t.key));
  const coachArchetypes = new Set(DEFAULT_WIJKCOACH_ARCHETYPES.archetypes.map((a) => a.key));
  const inwonerArchetypes = new Set(DEFAULT_INWONER_ARCHETYPES.archetypes.map((a) => a.key));
  const helpers = new Set(WIE_HIELP_OPTIONS.map((o) => o.id));

  it('refers only to existing tags, archetypes, helpers and wijken', () => {
    for (const scenario of [...COACH_SCENARIOS, ...INWONER_SCENARIOS]) {
      for (const key of scenario.leefgebieden) expect(leefgebiedKeys).toContain(key);
      if (scenario.wijk) expect(DEMO_WIJKEN).toContain(scenario.wijk);
    }
    for (const o of COACH_SCENARIOS.flatMap((s) => s.outcomes)) {
      for (const key of o.elementen) expect(elementKeys).toContain(key);
      for (const key of o.archetypes) expect(coachArchetypes).toContain(key);
      for (const key of o.extraLeefgebieden ?? []) expect(leefgebiedKeys).toContain(key);
    }
    for (const o of INWONER_SCENARIOS.flatMap((s) => s.outcomes)) {
      for (const key of o.archetypes) expect(inwonerArchetypes).toContain(key);
      for (const key of o.helpers) expect(helpers).toContain(key);
      if (o.helpers.includes('niemand')) expect(o.helpers).toEqual(['niemand']);
    }
  });

  it('ties outcomes only to situations that exist', () => {
    for (const scenario of [...COACH_SCENARIOS, ...INWONER_SCENARIOS]) {
      expect(scenario.titles.length).toBeGreaterThan(0);
      for (const o of scenario.outcomes) {
        for (const index of o.situations ?? []) expect(scenario.situations[index]).toBeDefined();
      }
      const reachable = new Set(scenario.outcomes.flatMap((o) => o.situations ?? scenario.situations.map((_s, i) => i)));
      expect(reachable.size).toBe(scenario.situations.length);
    }
  });

  it('offers every tone in every scenario', () => {
    for (const scenario of [...COACH_SCENARIOS, ...INWONER_SCENARIOS]) {
      expect(new Set(scenario.outcomes.map((o) => o.tone))).toEqual(new Set(['goed', 'wisselend', 'moeizaam']));
    }
  });
});
