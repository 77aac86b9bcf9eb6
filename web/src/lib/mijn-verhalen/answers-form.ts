import { SIGNIFIER_MAX, SIGNIFIER_MIN } from '@vertelpunt/domain';
import type { FormQuestion } from './vertel-form';

/** An answer as the API stores it (`Story.answers`). */
export type StoryAnswer = {
  questionId: string;
  kind: string;
  archetypeIds: string[] | null;
  optionIds: string[] | null;
  number: number | null;
  x: number | null;
  y: number | null;
  text: string | null;
};

/** What `updateStoryAnswers` takes: a question id and exactly one kind of value. */
export type AnswerInput = {
  questionId: string;
  archetypeIds?: string[];
  optionIds?: string[];
  number?: number;
  x?: number;
  y?: number;
  text?: string;
  notApplicable?: true;
};

export type FieldProblem = { field: string; message: string };

/**
 * One answer as the edit form holds it: strings, exactly as typed, so a rejected form comes back
 * with what the person entered. `none` is "no answer", `na` is "past niet / weet ik niet".
 */
export type AnswerDraft = {
  state: 'value' | 'na' | 'none';
  ids: string[];
  number: string;
  x: string;
  y: string;
  text: string;
};

/** How a question is answered in the form, which decides how "no answer" and "weet ik niet" are offered. */
export type Control = 'checkboxes' | 'radios' | 'select' | 'range' | 'point' | 'text';

/** Scales with more steps than this get a select instead of a row of radios. */
export const MAX_SCALE_RADIOS = 11;

export const controlFor = (question: Pick<FormQuestion, 'type' | 'min' | 'max'>): Control => {
  switch (question.type) {
    case 'archetype':
    case 'multi':
    case 'leefgebied':
      return 'checkboxes';
    case 'single':
      return 'radios';
    case 'wijk':
      return 'select';
    case 'scale':
      return scaleSteps(question).length <= MAX_SCALE_RADIOS ? 'radios' : 'select';
    case 'dyad':
      return 'range';
    case 'canvas':
      return 'point';
    case 'text':
      return 'text';
  }
};

/** The numbers a scale offers, `min` to `max`; a broken scale offers nothing rather than thousands. */
export const scaleSteps = (question: Pick<FormQuestion, 'min' | 'max'>): number[] => {
  const min = question.min ?? 1;
  const max = question.max ?? 10;
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min || max - min > 100) return [];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
};

/** Radio and select values for the two non-answers; option ids never start with an underscore. */
export const NOT_APPLICABLE_VALUE = '__na';
export const NO_ANSWER_VALUE = '__none';

/** Form field names, one place so the page and the parser agree. */
export const fieldName = {
  value: (questionId: string) => `a.${questionId}`,
  x: (questionId: string) => `a.${questionId}.x`,
  y: (questionId: string) => `a.${questionId}.y`,
  state: (questionId: string) => `a.${questionId}.state`,
  notApplicable: (questionId: string) => `a.${questionId}.na`,
};

/** The API's problem field for a question, and the DOM id its message gets. */
export const answerField = (questionId: string) => `answers.${questionId}`;

const emptyDraft = (): AnswerDraft => ({ state: 'none', ids: [], number: '', x: '', y: '', text: '' });

const SIGNIFIER_MIDDLE = String((SIGNIFIER_MIN + SIGNIFIER_MAX) / 2);

/** The form's starting point for a question, from the stored answer (or its absence). */
export const draftFromAnswer = (question: FormQuestion, answer: StoryAnswer | undefined): AnswerDraft => {
  const draft = emptyDraft();
  // A slider always has a position; it only counts when the state says "value".
  if (question.type === 'dyad') draft.number = SIGNIFIER_MIDDLE;
  if (question.type === 'canvas') {
    draft.x = SIGNIFIER_MIDDLE;
    draft.y = SIGNIFIER_MIDDLE;
  }
  if (!answer) return draft;
  if (answer.kind === 'notApplicable') return { ...draft, state: 'na' };
  const withValue = { ...draft, state: 'value' as const };
  switch (answer.kind) {
    case 'archetypes':
      return { ...withValue, ids: answer.archetypeIds ?? [] };
    case 'choice':
      return { ...withValue, ids: answer.optionIds ?? [] };
    case 'number':
      return { ...withValue, number: answer.number === null ? draft.number : String(answer.number) };
    case 'point':
      return {
        ...withValue,
        x: answer.x === null ? draft.x : String(answer.x),
        y: answer.y === null ? draft.y : String(answer.y),
      };
    case 'text':
      return { ...withValue, text: answer.text ?? '' };
    default:
      return draft;
  }
};

export type FormValues = { get(name: string): unknown; getAll(name: string): unknown[] };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (values: unknown[]): string[] => values.filter((v): v is string => typeof v === 'string' && v !== '');

/** Reads one question's part of the submitted form back into a draft. */
export const draftFromForm = (question: FormQuestion, form: FormValues): AnswerDraft => {
  const draft = emptyDraft();
  const id = question.id;
  switch (controlFor(question)) {
    case 'checkboxes': {
      const ids = texts(form.getAll(fieldName.value(id)));
      const na = form.get(fieldName.notApplicable(id)) !== null;
      return { ...draft, ids, state: na ? 'na' : ids.length > 0 ? 'value' : 'none' };
    }
    case 'radios':
    case 'select': {
      const chosen = text(form.get(fieldName.value(id)));
      if (chosen === NOT_APPLICABLE_VALUE) return { ...draft, state: 'na' };
      if (chosen === '' || chosen === NO_ANSWER_VALUE) return draft;
      return question.type === 'scale'
        ? { ...draft, state: 'value', number: chosen }
        : { ...draft, state: 'value', ids: [chosen] };
    }
    case 'range':
    case 'point': {
      const state = text(form.get(fieldName.state(id)));
      return {
        ...draft,
        // The state field is always in the form (a hidden input when there is no choice); without it, no answer.
        state: state === 'na' || state === 'value' ? state : 'none',
        number: text(form.get(fieldName.value(id))),
        x: text(form.get(fieldName.x(id))),
        y: text(form.get(fieldName.y(id))),
      };
    }
    case 'text': {
      const value = text(form.get(fieldName.value(id)));
      const na = form.get(fieldName.notApplicable(id)) !== null;
      return { ...draft, text: value, state: na ? 'na' : value.trim() !== '' ? 'value' : 'none' };
    }
  }
};

/** A number as typed, Dutch decimal comma allowed; null when it is not one. */
export const parseNumber = (value: string): number | null => {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '' || !/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
};

export type AnswerMessages = {
  /** Both answers and "weet ik niet" were chosen. */
  bothChosen: string;
  /** A number field did not hold a number. */
  notANumber: string;
};

/** One question's draft as an API answer, `null` for "no answer", or a problem to show next to it. */
const answerFromDraft = (
  question: FormQuestion,
  draft: AnswerDraft,
  messages: AnswerMessages,
): AnswerInput | null | FieldProblem => {
  const field = answerField(question.id);
  const questionId = question.id;
  if (draft.state === 'na') {
    if (draft.ids.length > 0 || (question.type === 'text' && draft.text.trim() !== '')) {
      return { field, message: messages.bothChosen };
    }
    return { questionId, notApplicable: true };
  }
  if (draft.state === 'none') return null;
  switch (question.type) {
    case 'archetype':
      return { questionId, archetypeIds: draft.ids };
    case 'single':
    case 'multi':
    case 'leefgebied':
    case 'wijk':
      return { questionId, optionIds: draft.ids };
    case 'scale':
    case 'dyad': {
      const number = parseNumber(draft.number);
      return number === null ? { field, message: messages.notANumber } : { questionId, number };
    }
    case 'canvas': {
      const x = parseNumber(draft.x);
      const y = parseNumber(draft.y);
      return x === null || y === null ? { field, message: messages.notANumber } : { questionId, x, y };
    }
    case 'text':
      return { questionId, text: draft.text };
  }
};

const isProblem = (value: AnswerInput | FieldProblem): value is FieldProblem => 'message' in value;

/**
 * Turns the drafts of every question into the answers to send. Checking the answers themselves
 * (how many archetypes, ranges, required questions) is the API's job: it knows the version's rules
 * and says what is wrong per field. Here only what cannot be sent at all becomes a problem.
 */
export const answersFromDrafts = (
  questions: FormQuestion[],
  drafts: Record<string, AnswerDraft>,
  messages: AnswerMessages,
): { answers: AnswerInput[]; problems: FieldProblem[] } => {
  const answers: AnswerInput[] = [];
  const problems: FieldProblem[] = [];
  for (const question of questions) {
    const draft = drafts[question.id];
    if (!draft) continue;
    const result = answerFromDraft(question, draft, messages);
    if (result === null) continue;
    if (isProblem(result)) problems.push(result);
    else answers.push(result);
  }
  return { answers, problems };
};

export const draftsFromAnswers = (questions: FormQuestion[], answers: StoryAnswer[]): Record<string, AnswerDraft> => {
  const byQuestion = new Map(answers.map((answer) => [answer.questionId, answer]));
  return Object.fromEntries(questions.map((q) => [q.id, draftFromAnswer(q, byQuestion.get(q.id))]));
};

export const draftsFromForm = (questions: FormQuestion[], form: FormValues): Record<string, AnswerDraft> =>
  Object.fromEntries(questions.map((q) => [q.id, draftFromForm(q, form)]));

/** The message for each field, first one wins; problems for other fields stay in `rest`. */
export const problemsByField = (
  problems: readonly FieldProblem[],
  fields: readonly string[],
): { byField: Record<string, string>; rest: FieldProblem[] } => {
  const known = new Set(fields);
  const byField: Record<string, string> = {};
  const rest: FieldProblem[] = [];
  for (const problem of problems) {
    if (!known.has(problem.field)) rest.push(problem);
    else byField[problem.field] ??= problem.message;
  }
  return { byField, rest };
};
