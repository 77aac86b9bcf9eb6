import type { GivenAnswer } from './answer';
import type { Question } from './question';
import { validateAnswers, type AnswerContext } from './validate-answers';

const questions: Question[] = [
  { id: 'gevoel', type: 'archetype', prompt: 'Hoe voelde je je?', required: true, allowNotApplicable: false, archetypeSetId: 'set-1', min: 1, max: 2 },
  { id: 'elementen', type: 'multi', prompt: 'Wat speelde mee?', required: false, allowNotApplicable: true, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }], maxChoices: 2 },
  { id: 'regie', type: 'dyad', prompt: 'Wie had de regie?', required: true, allowNotApplicable: true, leftLabel: 'Inwoner', rightLabel: 'Ik' },
  { id: 'cijfer', type: 'scale', prompt: 'Cijfer', required: false, allowNotApplicable: false, min: 1, max: 10, minLabel: 'slecht', maxLabel: 'goed' },
  { id: 'wijk', type: 'wijk', prompt: 'Welke wijk?', required: false, allowNotApplicable: true },
  { id: 'vlak', type: 'canvas', prompt: 'Waar?', required: false, allowNotApplicable: false, xLeftLabel: 'l', xRightLabel: 'r', yBottomLabel: 'o', yTopLabel: 'b' },
  { id: 'toelichting', type: 'text', prompt: 'Toelichting', required: false, allowNotApplicable: false, maxLength: 10, multiline: true },
];
const context: AnswerContext = { archetypeIdsBySet: new Map([['set-1', new Set(['x', 'y', 'z'])]]), wijkIds: new Set(['w1']) };
const valid: GivenAnswer[] = [
  { questionId: 'gevoel', value: { kind: 'archetypes', archetypeIds: ['x', 'y'] } },
  { questionId: 'elementen', value: { kind: 'choice', optionIds: ['a'] } },
  { questionId: 'regie', value: { kind: 'number', value: 35 } },
];
const fieldsOf = (answers: GivenAnswer[]) => validateAnswers(questions, answers, context).map((p) => p.field);
const replace = (questionId: string, value: GivenAnswer['value']) =>
  [...valid.filter((a) => a.questionId !== questionId), { questionId, value }];

describe('validateAnswers', () => {
  it('accepts two archetypes, a choice and a dyad', () => {
    expect(validateAnswers(questions, valid, context)).toEqual([]);
  });

  it('refuses three archetypes, a repeated one and one from another set', () => {
    expect(fieldsOf(replace('gevoel', { kind: 'archetypes', archetypeIds: ['x', 'y', 'z'] }))).toEqual(['answers.gevoel']);
    expect(fieldsOf(replace('gevoel', { kind: 'archetypes', archetypeIds: ['x', 'x'] }))).toEqual(['answers.gevoel']);
    expect(fieldsOf(replace('gevoel', { kind: 'archetypes', archetypeIds: ['other'] }))).toEqual(['answers.gevoel']);
  });

  it('names each missing required question', () => {
    expect(fieldsOf([])).toEqual(['answers.gevoel', 'answers.regie']);
  });

  it('allows "weet ik niet" only where the question offers it', () => {
    expect(fieldsOf(replace('regie', { kind: 'notApplicable' }))).toEqual([]);
    expect(fieldsOf(replace('gevoel', { kind: 'notApplicable' }))).toEqual(['answers.gevoel']);
  });

  it('checks ranges, option ids, wijk ids, lengths and unknown questions', () => {
    expect(fieldsOf(replace('regie', { kind: 'number', value: 101 }))).toEqual(['answers.regie']);
    expect(fieldsOf([...valid, { questionId: 'cijfer', value: { kind: 'number', value: 7.5 } }])).toEqual(['answers.cijfer']);
    expect(fieldsOf(replace('elementen', { kind: 'choice', optionIds: ['a', 'b', 'c'] }))).toEqual(['answers.elementen']);
    expect(fieldsOf(replace('elementen', { kind: 'choice', optionIds: ['q'] }))).toEqual(['answers.elementen']);
    expect(fieldsOf([...valid, { questionId: 'wijk', value: { kind: 'choice', optionIds: ['w2'] } }])).toEqual(['answers.wijk']);
    expect(fieldsOf([...valid, { questionId: 'vlak', value: { kind: 'point', x: 50, y: -1 } }])).toEqual(['answers.vlak']);
    expect(fieldsOf([...valid, { questionId: 'toelichting', value: { kind: 'text', text: 'veel te lang hier' } }])).toEqual(['answers.toelichting']);
    expect(fieldsOf([...valid, { questionId: 'bestaat-niet', value: { kind: 'text', text: 'x' } }])).toEqual(['answers.bestaat-niet']);
  });

  it('refuses a value of the wrong kind', () => {
    expect(fieldsOf(replace('regie', { kind: 'text', text: '35' }))).toEqual(['answers.regie']);
  });
});
