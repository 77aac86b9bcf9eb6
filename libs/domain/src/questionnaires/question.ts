/** Question definitions live as JSON inside an immutable questionnaire version. */
export const QUESTION_TYPES = [
  'archetype',
  'single',
  'multi',
  'scale',
  'dyad',
  'canvas',
  'text',
  'leefgebied',
  'wijk',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type ChoiceOption = { id: string; label: string };

type QuestionBase = {
  /** Stable within a questionnaire across versions, e.g. `gevoel`. */
  id: string;
  prompt: string;
  help?: string;
  required: boolean;
  /** Offer "past niet / weet ik niet". */
  allowNotApplicable: boolean;
};

export type ArchetypeQuestion = QuestionBase & { type: 'archetype'; archetypeSetId: string; min: number; max: number };
export type SingleQuestion = QuestionBase & { type: 'single'; options: ChoiceOption[] };
export type MultiQuestion = QuestionBase & { type: 'multi'; options: ChoiceOption[]; maxChoices: number | null };
export type ScaleQuestion = QuestionBase & { type: 'scale'; min: number; max: number; minLabel: string; maxLabel: string };
export type DyadQuestion = QuestionBase & { type: 'dyad'; leftLabel: string; rightLabel: string };
export type CanvasQuestion = QuestionBase & {
  type: 'canvas';
  xLeftLabel: string;
  xRightLabel: string;
  yBottomLabel: string;
  yTopLabel: string;
};
export type TextQuestion = QuestionBase & { type: 'text'; maxLength: number; multiline: boolean };
export type LeefgebiedQuestion = QuestionBase & { type: 'leefgebied'; options: ChoiceOption[]; maxChoices: number | null };
export type WijkQuestion = QuestionBase & { type: 'wijk' };

export type Question =
  | ArchetypeQuestion
  | SingleQuestion
  | MultiQuestion
  | ScaleQuestion
  | DyadQuestion
  | CanvasQuestion
  | TextQuestion
  | LeefgebiedQuestion
  | WijkQuestion;

/** Dyads and canvas points are stored 0–100. */
export const SIGNIFIER_MIN = 0;
export const SIGNIFIER_MAX = 100;
