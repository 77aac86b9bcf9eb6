import type { FieldProblem } from '../errors/domain-error';
import type { AnswerValue, GivenAnswer } from './answer';
import { SIGNIFIER_MAX, SIGNIFIER_MIN, type Question } from './question';

/** What the questions refer to outside the questionnaire version itself. */
export type AnswerContext = {
  archetypeIdsBySet: ReadonlyMap<string, ReadonlySet<string>>;
  wijkIds: ReadonlySet<string>;
};

const inRange = (n: number, min: number, max: number) => Number.isFinite(n) && n >= min && n <= max;
const unique = (ids: string[]) => new Set(ids).size === ids.length;

const problemFor = (question: Question, value: AnswerValue, context: AnswerContext): string | null => {
  if (value.kind === 'notApplicable') {
    return question.allowNotApplicable ? null : 'Bij deze vraag kun je niet "past niet / weet ik niet" kiezen.';
  }
  switch (question.type) {
    case 'archetype': {
      if (value.kind !== 'archetypes') return 'Kies een of meer archetypen.';
      const { archetypeIds } = value;
      if (archetypeIds.length < question.min || archetypeIds.length > question.max || !unique(archetypeIds)) {
        return question.min === question.max
          ? `Kies precies ${question.min} archetype(n).`
          : `Kies ${question.min} tot ${question.max} verschillende archetypen.`;
      }
      const known = context.archetypeIdsBySet.get(question.archetypeSetId) ?? new Set<string>();
      return archetypeIds.every((id) => known.has(id)) ? null : 'Dit archetype hoort niet bij deze vraag.';
    }
    case 'single':
    case 'multi':
    case 'leefgebied': {
      if (value.kind !== 'choice') return 'Kies uit de antwoorden die er staan.';
      const ids = value.optionIds;
      const max = question.type === 'single' ? 1 : (question.maxChoices ?? question.options.length);
      if (ids.length < 1 || !unique(ids)) return 'Kies minstens één antwoord.';
      if (ids.length > max) return max === 1 ? 'Kies één antwoord.' : `Kies hoogstens ${max} antwoorden.`;
      const known = new Set(question.options.map((o) => o.id));
      return ids.every((id) => known.has(id)) ? null : 'Dit antwoord hoort niet bij deze vraag.';
    }
    case 'wijk':
      if (value.kind !== 'choice' || value.optionIds.length !== 1) return 'Kies één wijk.';
      return context.wijkIds.has(value.optionIds[0]) ? null : 'Deze wijk is onbekend.';
    case 'scale':
      if (value.kind !== 'number' || !Number.isInteger(value.value) || !inRange(value.value, question.min, question.max)) {
        return `Kies een heel getal van ${question.min} tot en met ${question.max}.`;
      }
      return null;
    case 'dyad':
      return value.kind === 'number' && inRange(value.value, SIGNIFIER_MIN, SIGNIFIER_MAX)
        ? null
        : `Kies een punt op de schuif (${SIGNIFIER_MIN}–${SIGNIFIER_MAX}).`;
    case 'canvas':
      return value.kind === 'point' && inRange(value.x, SIGNIFIER_MIN, SIGNIFIER_MAX) && inRange(value.y, SIGNIFIER_MIN, SIGNIFIER_MAX)
        ? null
        : 'Zet één punt in het vlak.';
    case 'text':
      if (value.kind !== 'text' || value.text.trim() === '') return 'Vul hier tekst in.';
      return value.text.length <= question.maxLength ? null : `Gebruik hoogstens ${question.maxLength} tekens.`;
  }
};

/**
 * Checks answers against the exact questionnaire version the teller saw.
 * Returns one problem per field (`answers.<questionId>`), in question order; empty means valid.
 */
export const validateAnswers = (questions: Question[], answers: GivenAnswer[], context: AnswerContext): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const byQuestion = new Map<string, GivenAnswer[]>();
  for (const answer of answers) byQuestion.set(answer.questionId, [...(byQuestion.get(answer.questionId) ?? []), answer]);

  const known = new Set(questions.map((q) => q.id));
  for (const questionId of byQuestion.keys()) {
    if (!known.has(questionId)) problems.push({ field: `answers.${questionId}`, message: 'Deze vraag bestaat niet (meer).' });
  }
  for (const question of questions) {
    const given = byQuestion.get(question.id) ?? [];
    const field = `answers.${question.id}`;
    if (given.length > 1) problems.push({ field, message: 'Deze vraag is meer dan één keer beantwoord.' });
    else if (given.length === 0) {
      if (question.required) problems.push({ field, message: 'Deze vraag is verplicht.' });
    } else {
      const message = problemFor(question, given[0].value, context);
      if (message) problems.push({ field, message });
    }
  }
  return problems;
};
