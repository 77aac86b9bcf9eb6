import type { AnswerInput, AnswerValue, FormQuestion } from './types';

/**
 * The browser's mirror of `validateAnswers` in libs/domain: it lets the teller fix a problem on the
 * screen where it is. The API checks again against the same questionnaire version and has the last word.
 */
export type AnswerProblem =
  | { code: 'required' }
  | { code: 'notApplicableNotAllowed' }
  | { code: 'chooseBetween'; min: number; max: number }
  | { code: 'chooseAtMost'; max: number }
  | { code: 'chooseOne' }
  | { code: 'unknownOption' }
  | { code: 'wholeNumber'; min: number; max: number }
  | { code: 'pickPoint' }
  | { code: 'textEmpty' }
  | { code: 'textTooLong'; max: number };

export const SIGNIFIER_MIN = 0;
export const SIGNIFIER_MAX = 100;

const inRange = (n: number, min: number, max: number) => Number.isFinite(n) && n >= min && n <= max;
const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;

/** How many archetypes may be picked: the question's min–max, 1–2 when the form leaves them out. */
export const archetypeRange = (q: FormQuestion): { min: number; max: number } => {
  const min = Math.max(1, q.min ?? 1);
  return { min, max: Math.max(min, q.max ?? 2) };
};

/** How many options a multi or leefgebied question allows; single and wijk allow one. */
export const maxChoicesOf = (q: FormQuestion): number => {
  if (q.type === 'single' || q.type === 'wijk') return 1;
  if (q.type === 'archetype') return archetypeRange(q).max;
  return Math.max(1, q.maxChoices ?? q.options.length);
};

export const scaleRange = (q: FormQuestion): { min: number; max: number } => {
  const min = q.min ?? 1;
  return { min, max: Math.max(min, q.max ?? 10) };
};

export const textMaxLength = (q: FormQuestion): number => q.maxLength ?? 2000;

/** The problem with one answer, or null when it is fine. An absent answer is only a problem when required. */
export const answerProblem = (q: FormQuestion, value: AnswerValue | undefined): AnswerProblem | null => {
  if (value === undefined) return q.required ? { code: 'required' } : null;
  if (value.kind === 'notApplicable') return q.allowNotApplicable ? null : { code: 'notApplicableNotAllowed' };
  const known = new Set(q.options.map((o) => o.id));
  switch (q.type) {
    case 'archetype': {
      const { min, max } = archetypeRange(q);
      if (value.kind !== 'archetypes') return { code: 'chooseBetween', min, max };
      const ids = value.archetypeIds;
      if (ids.length === 0) return q.required ? { code: 'required' } : null;
      if (ids.length < min || ids.length > max || !unique(ids)) return { code: 'chooseBetween', min, max };
      return ids.every((id) => known.has(id)) ? null : { code: 'unknownOption' };
    }
    case 'single':
    case 'wijk':
    case 'multi':
    case 'leefgebied': {
      if (value.kind !== 'choice') return { code: 'chooseOne' };
      const ids = value.optionIds;
      if (ids.length === 0) return q.required ? { code: 'required' } : null;
      const max = maxChoicesOf(q);
      if (!unique(ids)) return { code: 'chooseOne' };
      if (ids.length > max) return max === 1 ? { code: 'chooseOne' } : { code: 'chooseAtMost', max };
      return ids.every((id) => known.has(id)) ? null : { code: 'unknownOption' };
    }
    case 'scale': {
      const { min, max } = scaleRange(q);
      return value.kind === 'number' && Number.isInteger(value.value) && inRange(value.value, min, max)
        ? null
        : { code: 'wholeNumber', min, max };
    }
    case 'dyad':
      return value.kind === 'number' && inRange(value.value, SIGNIFIER_MIN, SIGNIFIER_MAX)
        ? null
        : { code: 'pickPoint' };
    case 'canvas':
      return value.kind === 'point' &&
        inRange(value.x, SIGNIFIER_MIN, SIGNIFIER_MAX) &&
        inRange(value.y, SIGNIFIER_MIN, SIGNIFIER_MAX)
        ? null
        : { code: 'pickPoint' };
    case 'text': {
      if (value.kind !== 'text') return { code: 'textEmpty' };
      if (value.text.trim() === '') return q.required ? { code: 'required' } : null;
      const max = textMaxLength(q);
      return value.text.length <= max ? null : { code: 'textTooLong', max };
    }
  }
};

/** Whether the teller gave something for this question (an empty pick or blank text counts as nothing). */
export const isAnswered = (value: AnswerValue | undefined): value is AnswerValue => {
  if (value === undefined) return false;
  switch (value.kind) {
    case 'archetypes':
      return value.archetypeIds.length > 0;
    case 'choice':
      return value.optionIds.length > 0;
    case 'text':
      return value.text.trim() !== '';
    default:
      return true;
  }
};

/** One answer as the API's flat `AnswerInput`. */
export const toAnswerInput = (questionId: string, value: AnswerValue): AnswerInput => {
  switch (value.kind) {
    case 'archetypes':
      return { questionId, archetypeIds: [...value.archetypeIds] };
    case 'choice':
      return { questionId, optionIds: [...value.optionIds] };
    case 'number':
      return { questionId, number: value.value };
    case 'point':
      return { questionId, x: value.x, y: value.y };
    case 'text':
      return { questionId, text: value.text.trim() };
    case 'notApplicable':
      return { questionId, notApplicable: true };
  }
};

/**
 * The answers to send, in question order: skipped questions and empty answers are left out, and so
 * are answers to questions that are not in this version.
 */
export const buildAnswers = (
  questions: readonly FormQuestion[],
  answers: Readonly<Record<string, AnswerValue>>,
): AnswerInput[] =>
  questions.flatMap((q) => {
    const value = answers[q.id];
    return isAnswered(value) ? [toAnswerInput(q.id, value)] : [];
  });

/** The first question with a problem, with the problem; null when all answers can go. */
export const firstProblem = (
  questions: readonly FormQuestion[],
  answers: Readonly<Record<string, AnswerValue>>,
): { questionId: string; problem: AnswerProblem } | null => {
  for (const q of questions) {
    const value = answers[q.id];
    const problem = answerProblem(q, isAnswered(value) ? value : undefined);
    if (problem) return { questionId: q.id, problem };
  }
  return null;
};

/** Toggles an id in a pick, refusing to go past `max`; returns the same array when nothing changes. */
export const togglePick = (ids: readonly string[], id: string, max: number): string[] => {
  if (ids.includes(id)) return ids.filter((other) => other !== id);
  if (max === 1) return [id];
  return ids.length >= max ? [...ids] : [...ids, id];
};

export const clampSignifier = (n: number): number =>
  Math.round(Math.min(SIGNIFIER_MAX, Math.max(SIGNIFIER_MIN, Number.isFinite(n) ? n : 50)));

/** A point from a pointer position inside a square; y grows upwards, like the labels say. */
export const pointFromPosition = (
  offsetX: number,
  offsetY: number,
  width: number,
  height: number,
): { x: number; y: number } => ({
  x: clampSignifier((offsetX / Math.max(1, width)) * 100),
  y: clampSignifier(100 - (offsetY / Math.max(1, height)) * 100),
});

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/** Moves a canvas point with the keyboard: arrows by `step`, Page keys by 20, Home/End to the x edges. */
export const movePoint = (
  point: { x: number; y: number } | null,
  key: string,
  step = 5,
): { x: number; y: number } | null => {
  const { x, y } = point ?? { x: 50, y: 50 };
  switch (key) {
    case 'ArrowLeft':
      return { x: clampSignifier(x - step), y };
    case 'ArrowRight':
      return { x: clampSignifier(x + step), y };
    case 'ArrowUp':
      return { x, y: clampSignifier(y + step) };
    case 'ArrowDown':
      return { x, y: clampSignifier(y - step) };
    case 'PageUp':
      return { x, y: clampSignifier(y + 20) };
    case 'PageDown':
      return { x, y: clampSignifier(y - 20) };
    case 'Home':
      return { x: SIGNIFIER_MIN, y };
    case 'End':
      return { x: SIGNIFIER_MAX, y };
    default:
      return null;
  }
};

/** Which pole a 0–100 value leans to, for a spoken description: 'left' below 45, 'right' above 55. */
export const leaning = (value: number): 'left' | 'middle' | 'right' =>
  value < 45 ? 'left' : value > 55 ? 'right' : 'middle';
