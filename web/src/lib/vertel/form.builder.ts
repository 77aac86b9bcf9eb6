import type { FormQuestion, VertelForm } from './types';

/** A question with every field the API sends, for specs. */
export const buildQuestion = (overrides: Partial<FormQuestion> & Pick<FormQuestion, 'id' | 'type'>): FormQuestion => ({
  prompt: `Vraag ${overrides.id}`,
  help: null,
  required: false,
  allowNotApplicable: false,
  options: [],
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

const options = (...ids: string[]) => ids.map((id) => ({ id, label: id, description: null, icon: null }));

/** The seeded wijkcoach questionnaire, as the API's form would give it. */
export const coachForm = (): VertelForm => ({
  questionnaireVersionId: '6f0e3c1e-8a6b-4b1e-9a55-3f2b7c1d0a11',
  version: 1,
  intro: 'Deel een ervaring uit je werk.',
  storyPrompt: 'Vertel over een situatie uit je werk die je is bijgebleven.',
  titlePrompt: 'Geef je verhaal een korte titel.',
  questions: [
    buildQuestion({
      id: 'gevoel',
      type: 'archetype',
      required: true,
      min: 1,
      max: 2,
      options: options('a1', 'a2', 'a3'),
    }),
    buildQuestion({
      id: 'werkzame-elementen',
      type: 'multi',
      allowNotApplicable: true,
      maxChoices: 3,
      options: options('e1', 'e2', 'e3', 'e4'),
    }),
    buildQuestion({
      id: 'leefgebieden',
      type: 'leefgebied',
      required: true,
      allowNotApplicable: true,
      maxChoices: 3,
      options: options('l1', 'l2', 'l3', 'l4'),
    }),
    buildQuestion({ id: 'wijk', type: 'wijk', required: true, allowNotApplicable: true, options: options('w1', 'w2') }),
    buildQuestion({ id: 'regie', type: 'dyad', allowNotApplicable: true, leftLabel: 'De inwoner', rightLabel: 'Ik' }),
    buildQuestion({
      id: 'impact',
      type: 'canvas',
      allowNotApplicable: true,
      xLeftLabel: 'l',
      xRightLabel: 'r',
      yBottomLabel: 'o',
      yTopLabel: 'b',
    }),
    buildQuestion({ id: 'tevredenheid', type: 'scale', min: 1, max: 10 }),
    buildQuestion({ id: 'toelichting', type: 'text', maxLength: 20, multiline: true }),
  ],
});
