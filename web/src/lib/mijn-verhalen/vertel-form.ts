import { QUESTION_TYPES, type QuestionType } from '@vertelpunt/domain';

/** A choice as the API shows it: an option, a wijk, or an archetype (with description and icon). */
export type FormOption = { id: string; label: string; description: string | null; icon: string | null };

/** One question of a questionnaire version as the API shows it; fields that do not apply are null. */
export type FormQuestion = {
  id: string;
  type: QuestionType;
  prompt: string;
  help: string | null;
  required: boolean;
  allowNotApplicable: boolean;
  options: FormOption[];
  archetypeSetId: string | null;
  min: number | null;
  max: number | null;
  maxChoices: number | null;
  minLabel: string | null;
  maxLabel: string | null;
  leftLabel: string | null;
  rightLabel: string | null;
  xLeftLabel: string | null;
  xRightLabel: string | null;
  yBottomLabel: string | null;
  yTopLabel: string | null;
  maxLength: number | null;
  multiline: boolean | null;
};

/** An exact questionnaire version, as told with or as it is now. */
export type VertelForm = {
  questionnaireVersionId: string;
  version: number;
  intro: string;
  storyPrompt: string;
  titlePrompt: string;
  questions: FormQuestion[];
};

export const FORM_FRAGMENT = /* GraphQL */ `
  fragment Form on VertelForm {
    questionnaireVersionId
    version
    intro
    storyPrompt
    titlePrompt
    questions {
      id
      type
      prompt
      help
      required
      allowNotApplicable
      options {
        id
        label
        description
        icon
      }
      archetypeSetId
      min
      max
      maxChoices
      minLabel
      maxLabel
      leftLabel
      rightLabel
      xLeftLabel
      xRightLabel
      yBottomLabel
      yTopLabel
      maxLength
      multiline
    }
  }
`;

export const isQuestionType = (value: unknown): value is QuestionType =>
  typeof value === 'string' && (QUESTION_TYPES as readonly string[]).includes(value);

/** Questions of a type this app does not know (a newer API) are left out rather than shown wrongly. */
export const knownQuestions = (form: { questions: { type: string }[] }): FormQuestion[] =>
  form.questions.filter((q): q is FormQuestion => isQuestionType(q.type));
