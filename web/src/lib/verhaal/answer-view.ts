import type { StoryAnswer } from '$lib/mijn-verhalen/answers-form';
import type { FormQuestion } from '$lib/mijn-verhalen/vertel-form';

export type ChosenItem = { id: string; label: string; description: string | null };

/** One answer, ready to show against the question as the teller saw it. */
export type AnswerView =
  | { kind: 'none' }
  | { kind: 'notApplicable' }
  | { kind: 'choices'; items: ChosenItem[]; archetypes: boolean }
  | { kind: 'scale'; value: number; min: number; max: number; minLabel: string | null; maxLabel: string | null }
  | { kind: 'dyad'; position: number; leftLabel: string; rightLabel: string; side: 'left' | 'middle' | 'right' }
  | {
      kind: 'canvas';
      x: number;
      y: number;
      xLeftLabel: string;
      xRightLabel: string;
      yBottomLabel: string;
      yTopLabel: string;
    }
  | { kind: 'text'; text: string };

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));
/** Within 10 of the middle counts as "in het midden"; a facilitator reads a lean, not a decimal. */
const sideOf = (position: number): 'left' | 'middle' | 'right' =>
  position < 40 ? 'left' : position > 60 ? 'right' : 'middle';

const chosen = (question: FormQuestion, ids: readonly string[]): ChosenItem[] =>
  ids.flatMap((id) => {
    const option = question.options.find((o) => o.id === id);
    // An option removed from a later version still has its label in this version; an unknown id is left out.
    return option ? [{ id, label: option.label, description: option.description }] : [];
  });

export const viewAnswer = (question: FormQuestion, answer: StoryAnswer | undefined): AnswerView => {
  if (!answer) return { kind: 'none' };
  if (answer.kind === 'notApplicable') return { kind: 'notApplicable' };
  switch (question.type) {
    case 'archetype':
    case 'single':
    case 'multi':
    case 'leefgebied':
    case 'wijk': {
      const items = chosen(question, answer.archetypeIds ?? answer.optionIds ?? []);
      return items.length > 0
        ? { kind: 'choices', items, archetypes: question.type === 'archetype' }
        : { kind: 'none' };
    }
    case 'scale':
      return answer.number === null
        ? { kind: 'none' }
        : {
            kind: 'scale',
            value: answer.number,
            min: question.min ?? 1,
            max: question.max ?? 5,
            minLabel: question.minLabel,
            maxLabel: question.maxLabel,
          };
    case 'dyad': {
      if (answer.number === null) return { kind: 'none' };
      const position = clampPercent(answer.number);
      return {
        kind: 'dyad',
        position,
        leftLabel: question.leftLabel ?? '',
        rightLabel: question.rightLabel ?? '',
        side: sideOf(position),
      };
    }
    case 'canvas':
      return answer.x === null || answer.y === null
        ? { kind: 'none' }
        : {
            kind: 'canvas',
            x: clampPercent(answer.x),
            y: clampPercent(answer.y),
            xLeftLabel: question.xLeftLabel ?? '',
            xRightLabel: question.xRightLabel ?? '',
            yBottomLabel: question.yBottomLabel ?? '',
            yTopLabel: question.yTopLabel ?? '',
          };
    case 'text':
      return answer.text?.trim() ? { kind: 'text', text: answer.text } : { kind: 'none' };
  }
};

/** Every question of the version, in its order, with the story's answer (or none). */
export const viewAnswers = (questions: readonly FormQuestion[], answers: readonly StoryAnswer[]) => {
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  return questions.map((question) => ({ question, view: viewAnswer(question, byQuestion.get(question.id)) }));
};
