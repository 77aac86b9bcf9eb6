import type { GivenAnswer } from '../questionnaires/answer';
import type { Question } from '../questionnaires/question';

export type KeyAnswer = { prompt: string; answer: string };

/**
 * The answers worth printing on a story card: choices, leefgebieden, wijk and scales, as readable text.
 * Free-text answers are left out on purpose: they are not anonymised. Archetypes get their own line on the card.
 */
export const keyAnswersFor = (
  questions: readonly Question[],
  answers: readonly GivenAnswer[],
  wijkNames: ReadonlyMap<string, string>,
): KeyAnswer[] => {
  const byId = new Map(answers.map((a) => [a.questionId, a.value]));
  return questions.flatMap((q): KeyAnswer[] => {
    const value = byId.get(q.id);
    if (!value) return [];
    if (value.kind === 'notApplicable') return [{ prompt: q.prompt, answer: 'past niet / weet ik niet' }];
    switch (q.type) {
      case 'single':
      case 'multi':
      case 'leefgebied': {
        if (value.kind !== 'choice') return [];
        const labels = value.optionIds.flatMap((id) => q.options.filter((o) => o.id === id).map((o) => o.label));
        return labels.length ? [{ prompt: q.prompt, answer: labels.join(', ') }] : [];
      }
      case 'wijk': {
        if (value.kind !== 'choice') return [];
        const names = value.optionIds.flatMap((id) => (wijkNames.has(id) ? [wijkNames.get(id)!] : []));
        return names.length ? [{ prompt: q.prompt, answer: names.join(', ') }] : [];
      }
      case 'scale':
        return value.kind === 'number'
          ? [{ prompt: q.prompt, answer: `${value.value} (${q.min} = ${q.minLabel}, ${q.max} = ${q.maxLabel})` }]
          : [];
      default:
        return [];
    }
  });
};

/** The archetype ids a story's answers name, in answer order, each once. */
export const archetypeIdsOf = (answers: readonly GivenAnswer[]): string[] => [
  ...new Set(answers.flatMap((a) => (a.value.kind === 'archetypes' ? a.value.archetypeIds : []))),
];
