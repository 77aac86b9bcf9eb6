import { describe, expect, it } from 'vitest';
import {
  answersFromDrafts,
  controlFor,
  draftFromAnswer,
  draftsFromForm,
  fieldName,
  NO_ANSWER_VALUE,
  NOT_APPLICABLE_VALUE,
  parseNumber,
  problemsByField,
  scaleSteps,
  type StoryAnswer,
} from './answers-form';
import type { FormQuestion } from './vertel-form';

const question = (overrides: Partial<FormQuestion> & Pick<FormQuestion, 'id' | 'type'>): FormQuestion => ({
  prompt: 'Vraag',
  help: null,
  required: false,
  allowNotApplicable: true,
  options: [],
  archetypeSetId: null,
  min: null,
  max: null,
  maxChoices: null,
  minLabel: null,
  maxLabel: null,
  leftLabel: null,
  rightLabel: null,
  xLeftLabel: null,
  xRightLabel: null,
  yBottomLabel: null,
  yTopLabel: null,
  maxLength: null,
  multiline: null,
  ...overrides,
});

const option = (id: string) => ({ id, label: id, description: null, icon: null });

const QUESTIONS: FormQuestion[] = [
  question({
    id: 'gevoel',
    type: 'archetype',
    required: true,
    allowNotApplicable: false,
    min: 1,
    max: 2,
    options: [option('a1'), option('a2'), option('a3')],
  }),
  question({ id: 'soort', type: 'single', options: [option('ja'), option('nee')] }),
  question({ id: 'elementen', type: 'multi', maxChoices: 3, options: [option('e1'), option('e2')] }),
  question({ id: 'leefgebieden', type: 'leefgebied', options: [option('wonen'), option('werk')] }),
  question({ id: 'wijk', type: 'wijk', options: [option('w-noord'), option('w-zuid')] }),
  question({ id: 'cijfer', type: 'scale', min: 1, max: 10 }),
  question({ id: 'regie', type: 'dyad' }),
  question({ id: 'impact', type: 'canvas' }),
  question({ id: 'beter', type: 'text', maxLength: 1000, multiline: true }),
];

const MESSAGES = { bothChosen: 'allebei', notANumber: 'geen getal' };

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

describe('answersFromDrafts', () => {
  it('turns a filled-in form into one answer of the right kind per question', () => {
    const form = formOf([
      [fieldName.value('gevoel'), 'a1'],
      [fieldName.value('gevoel'), 'a3'],
      [fieldName.value('soort'), 'nee'],
      [fieldName.value('elementen'), 'e2'],
      [fieldName.value('leefgebieden'), 'wonen'],
      [fieldName.value('wijk'), 'w-zuid'],
      [fieldName.value('cijfer'), '7'],
      [fieldName.state('regie'), 'value'],
      [fieldName.value('regie'), '30'],
      [fieldName.state('impact'), 'value'],
      [fieldName.x('impact'), '25'],
      [fieldName.y('impact'), '75,5'],
      [fieldName.value('beter'), 'Meer tijd'],
    ]);
    const { answers, problems } = answersFromDrafts(QUESTIONS, draftsFromForm(QUESTIONS, form), MESSAGES);
    expect(problems).toEqual([]);
    expect(answers).toEqual([
      { questionId: 'gevoel', archetypeIds: ['a1', 'a3'] },
      { questionId: 'soort', optionIds: ['nee'] },
      { questionId: 'elementen', optionIds: ['e2'] },
      { questionId: 'leefgebieden', optionIds: ['wonen'] },
      { questionId: 'wijk', optionIds: ['w-zuid'] },
      { questionId: 'cijfer', number: 7 },
      { questionId: 'regie', number: 30 },
      { questionId: 'impact', x: 25, y: 75.5 },
      { questionId: 'beter', text: 'Meer tijd' },
    ]);
  });

  it('sends "weet ik niet" as notApplicable for every kind of control', () => {
    const form = formOf([
      [fieldName.notApplicable('elementen'), '1'],
      [fieldName.value('soort'), NOT_APPLICABLE_VALUE],
      [fieldName.value('wijk'), NOT_APPLICABLE_VALUE],
      [fieldName.state('regie'), 'na'],
      [fieldName.value('regie'), '50'],
      [fieldName.notApplicable('beter'), '1'],
    ]);
    const { answers } = answersFromDrafts(QUESTIONS, draftsFromForm(QUESTIONS, form), MESSAGES);
    expect(answers).toEqual(
      ['soort', 'elementen', 'wijk', 'regie', 'beter'].map((questionId) => ({ questionId, notApplicable: true })),
    );
  });

  it('leaves out questions without an answer, including a slider left on "no answer"', () => {
    const form = formOf([
      [fieldName.value('soort'), NO_ANSWER_VALUE],
      [fieldName.value('wijk'), NO_ANSWER_VALUE],
      [fieldName.state('regie'), 'none'],
      [fieldName.value('regie'), '50'],
      [fieldName.state('impact'), 'none'],
      [fieldName.value('beter'), '   '],
    ]);
    const { answers, problems } = answersFromDrafts(QUESTIONS, draftsFromForm(QUESTIONS, form), MESSAGES);
    expect(answers).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('passes too many archetypes on, so the API can say what the version allows', () => {
    const form = formOf(['a1', 'a2', 'a3'].map((id) => [fieldName.value('gevoel'), id]));
    const { answers } = answersFromDrafts(QUESTIONS, draftsFromForm(QUESTIONS, form), MESSAGES);
    expect(answers).toEqual([{ questionId: 'gevoel', archetypeIds: ['a1', 'a2', 'a3'] }]);
  });

  it('refuses answers and "weet ik niet" at the same time, next to the question', () => {
    const form = formOf([
      [fieldName.value('elementen'), 'e1'],
      [fieldName.notApplicable('elementen'), '1'],
      [fieldName.value('beter'), 'iets'],
      [fieldName.notApplicable('beter'), '1'],
    ]);
    const { problems } = answersFromDrafts(QUESTIONS, draftsFromForm(QUESTIONS, form), MESSAGES);
    expect(problems).toEqual([
      { field: 'answers.elementen', message: 'allebei' },
      { field: 'answers.beter', message: 'allebei' },
    ]);
  });

  it('says so when a number field holds no number', () => {
    const form = formOf([
      [fieldName.state('impact'), 'value'],
      [fieldName.x('impact'), 'links'],
      [fieldName.y('impact'), '10'],
    ]);
    const { problems } = answersFromDrafts(QUESTIONS, draftsFromForm(QUESTIONS, form), MESSAGES);
    expect(problems).toEqual([{ field: 'answers.impact', message: 'geen getal' }]);
  });
});

describe('draftFromAnswer', () => {
  const answer = (overrides: Partial<StoryAnswer>): StoryAnswer => ({
    questionId: 'x',
    kind: 'text',
    archetypeIds: null,
    optionIds: null,
    number: null,
    x: null,
    y: null,
    text: null,
    ...overrides,
  });
  const [gevoel, , , , , cijfer, regie, impact] = QUESTIONS;

  it('fills the form from the stored answers', () => {
    expect(draftFromAnswer(gevoel, answer({ kind: 'archetypes', archetypeIds: ['a2'] }))).toMatchObject({
      state: 'value',
      ids: ['a2'],
    });
    expect(draftFromAnswer(cijfer, answer({ kind: 'number', number: 8 }))).toMatchObject({ number: '8' });
    expect(draftFromAnswer(impact, answer({ kind: 'point', x: 10, y: 90 }))).toMatchObject({ x: '10', y: '90' });
    expect(draftFromAnswer(regie, answer({ kind: 'notApplicable' }))).toMatchObject({ state: 'na' });
  });

  it('puts an unanswered slider in the middle, marked as not answered', () => {
    expect(draftFromAnswer(regie, undefined)).toMatchObject({ state: 'none', number: '50' });
    expect(draftFromAnswer(impact, undefined)).toMatchObject({ state: 'none', x: '50', y: '50' });
  });

  it('round-trips: a stored answer, shown and sent back unchanged, is the same answer', () => {
    const stored = answer({ questionId: 'regie', kind: 'number', number: 30 });
    const form = formOf([
      [fieldName.state('regie'), 'value'],
      [fieldName.value('regie'), draftFromAnswer(regie, stored).number],
    ]);
    expect(answersFromDrafts([regie], draftsFromForm([regie], form), MESSAGES).answers).toEqual([
      { questionId: 'regie', number: 30 },
    ]);
  });
});

describe('controls', () => {
  it('offers radios for short scales and a select for long ones', () => {
    expect(controlFor({ type: 'scale', min: 1, max: 10 })).toBe('radios');
    expect(controlFor({ type: 'scale', min: 0, max: 100 })).toBe('select');
    expect(scaleSteps({ min: 1, max: 5 })).toEqual([1, 2, 3, 4, 5]);
    expect(scaleSteps({ min: 5, max: 1 })).toEqual([]);
  });

  it('reads Dutch decimal commas and refuses words', () => {
    expect(parseNumber('7,5')).toBe(7.5);
    expect(parseNumber(' 42 ')).toBe(42);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1e3')).toBeNull();
  });
});

describe('problemsByField', () => {
  it('puts each message at its field and keeps the rest for the summary', () => {
    const { byField, rest } = problemsByField(
      [
        { field: 'answers.gevoel', message: 'Kies 1 tot 2 verschillende archetypen.' },
        { field: 'answers.gevoel', message: 'tweede' },
        { field: 'answers.weg', message: 'Deze vraag bestaat niet (meer).' },
      ],
      ['answers.gevoel'],
    );
    expect(byField).toEqual({ 'answers.gevoel': 'Kies 1 tot 2 verschillende archetypen.' });
    expect(rest).toEqual([{ field: 'answers.weg', message: 'Deze vraag bestaat niet (meer).' }]);
  });
});
