import { DEFAULT_INWONER_QUESTIONNAIRE, DEFAULT_WIJKCOACH_QUESTIONNAIRE } from '../defaults';
import type { Question } from './question';
import { validateQuestions } from './validate-questions';

describe('validateQuestions', () => {
  it('accepts the default questionnaires', () => {
    expect(validateQuestions(DEFAULT_WIJKCOACH_QUESTIONNAIRE.questions)).toEqual([]);
    expect(validateQuestions(DEFAULT_INWONER_QUESTIONNAIRE.questions)).toEqual([]);
  });

  it('names duplicate ids, empty option lists and impossible ranges', () => {
    const questions: Question[] = [
      { id: 'a', type: 'single', prompt: 'Welke?', required: true, allowNotApplicable: false, options: [{ id: 'x', label: 'X' }] },
      { id: 'a', type: 'scale', prompt: 'Cijfer?', required: false, allowNotApplicable: false, min: 5, max: 1, minLabel: '', maxLabel: '' },
      { id: 'Fout Id', type: 'archetype', prompt: 'Gevoel?', required: true, allowNotApplicable: false, archetypeSetId: 's', min: 2, max: 1 },
    ];
    expect(validateQuestions(questions).map((p) => p.field)).toEqual([
      'questions.0.options',
      'questions.1.id',
      'questions.1.max',
      'questions.2.id',
      'questions.2.max',
    ]);
  });
});
