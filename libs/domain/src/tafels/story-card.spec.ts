import type { Question } from '../questionnaires/question';
import { archetypeIdsOf, keyAnswersFor } from './story-card';

const base = { required: false, allowNotApplicable: true };
const questions: Question[] = [
  { ...base, id: 'gevoel', type: 'archetype', prompt: 'Hoe voelde je je?', archetypeSetId: 's', min: 1, max: 2 },
  {
    ...base,
    id: 'thema',
    type: 'multi',
    prompt: 'Waar ging het over?',
    options: [
      { id: 'geld', label: 'Geld' },
      { id: 'zorg', label: 'Zorg' },
    ],
    maxChoices: null,
  },
  { ...base, id: 'wijk', type: 'wijk', prompt: 'In welke wijk?' },
  {
    ...base,
    id: 'rapport',
    type: 'scale',
    prompt: 'Hoe ging het?',
    min: 1,
    max: 5,
    minLabel: 'slecht',
    maxLabel: 'goed',
  },
  { ...base, id: 'toelichting', type: 'text', prompt: 'Nog iets?', maxLength: 500, multiline: true },
];

describe('keyAnswersFor', () => {
  it('prints choices, wijk and scales as text and leaves free text out', () => {
    const answers = keyAnswersFor(
      questions,
      [
        { questionId: 'gevoel', value: { kind: 'archetypes', archetypeIds: ['a1'] } },
        { questionId: 'thema', value: { kind: 'choice', optionIds: ['geld', 'zorg'] } },
        { questionId: 'wijk', value: { kind: 'choice', optionIds: ['w1'] } },
        { questionId: 'rapport', value: { kind: 'number', value: 4 } },
        { questionId: 'toelichting', value: { kind: 'text', text: 'Mevrouw Jansen belde' } },
      ],
      new Map([['w1', 'Noord']]),
    );
    expect(answers).toEqual([
      { prompt: 'Waar ging het over?', answer: 'Geld, Zorg' },
      { prompt: 'In welke wijk?', answer: 'Noord' },
      { prompt: 'Hoe ging het?', answer: '4 (1 = slecht, 5 = goed)' },
    ]);
    expect(JSON.stringify(answers)).not.toContain('Jansen');
  });

  it('says "past niet" for a not-applicable answer', () => {
    expect(keyAnswersFor(questions, [{ questionId: 'thema', value: { kind: 'notApplicable' } }], new Map())).toEqual([
      { prompt: 'Waar ging het over?', answer: 'past niet / weet ik niet' },
    ]);
  });
});

describe('archetypeIdsOf', () => {
  it('collects the named archetypes once', () => {
    expect(
      archetypeIdsOf([
        { questionId: 'a', value: { kind: 'archetypes', archetypeIds: ['x', 'y'] } },
        { questionId: 'b', value: { kind: 'archetypes', archetypeIds: ['y'] } },
      ]),
    ).toEqual(['x', 'y']);
  });
});
