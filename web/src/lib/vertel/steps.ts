import type { FormQuestion, StoryMode } from './types';

/**
 * The screens of telling, in order. `q:<id>` is one question per screen; `sent` comes after
 * `consent` and is not part of the back/forward order.
 */
export type StepId = 'mode' | 'record' | 'type' | 'title' | `q:${string}` | 'consent' | 'sent';

export const questionStep = (questionId: string): StepId => `q:${questionId}`;

export const questionIdOf = (step: string): string | null => (step.startsWith('q:') ? step.slice(2) : null);

export const stepsFor = (questions: readonly Pick<FormQuestion, 'id'>[], mode: StoryMode | null): StepId[] => {
  if (mode === null) return ['mode'];
  return [
    'mode',
    mode === 'audio' ? 'record' : 'type',
    'title',
    ...questions.map((q) => questionStep(q.id)),
    'consent',
  ];
};

/** A stored step that no longer exists (another form version, another mode) falls back to the first screen. */
export const validStep = (steps: readonly StepId[], step: string): StepId => {
  if (step === 'sent') return 'sent';
  return (steps as readonly string[]).includes(step) ? (step as StepId) : steps[0];
};

export const neighbours = (
  steps: readonly StepId[],
  step: StepId,
): { previous: StepId | null; next: StepId | null } => {
  const index = steps.indexOf(step);
  if (index < 0) return { previous: null, next: null };
  return { previous: steps[index - 1] ?? null, next: steps[index + 1] ?? null };
};

/** "Vraag 3 van 8": the question's number among the questions, or null on other screens. */
export const questionProgress = (
  questions: readonly Pick<FormQuestion, 'id'>[],
  step: string,
): { number: number; total: number } | null => {
  const id = questionIdOf(step);
  if (id === null) return null;
  const index = questions.findIndex((q) => q.id === id);
  return index < 0 ? null : { number: index + 1, total: questions.length };
};

/** Overall progress through the screens, 0–1, for the bar at the top. */
export const progressFraction = (steps: readonly StepId[], step: StepId): number => {
  if (step === 'sent') return 1;
  const index = steps.indexOf(step);
  return steps.length <= 1 || index < 0 ? 0 : index / (steps.length - 1);
};
