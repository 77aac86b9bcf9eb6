import type { Question } from '@vertelpunt/domain';
import type { QuestionInput } from './questionnaire.model';

const text = (v: string | null | undefined) => (v ?? '').trim();

/** The flat GraphQL input as a typed domain question; validation follows in `validateQuestions`. */
export const toQuestion = (q: QuestionInput): Question => {
  const base = { id: q.id.trim(), prompt: text(q.prompt), help: q.help ? text(q.help) : undefined, required: q.required, allowNotApplicable: q.allowNotApplicable };
  const options = (q.options ?? []).map((o) => ({ id: o.id.trim(), label: text(o.label) }));
  switch (q.type) {
    case 'archetype':
      return { ...base, type: 'archetype', archetypeSetId: q.archetypeSetId ?? '', min: q.min ?? 1, max: q.max ?? 2 };
    case 'single':
      return { ...base, type: 'single', options };
    case 'multi':
      return { ...base, type: 'multi', options, maxChoices: q.maxChoices ?? null };
    case 'leefgebied':
      return { ...base, type: 'leefgebied', options, maxChoices: q.maxChoices ?? null };
    case 'scale':
      return { ...base, type: 'scale', min: q.min ?? 1, max: q.max ?? 10, minLabel: text(q.minLabel), maxLabel: text(q.maxLabel) };
    case 'dyad':
      return { ...base, type: 'dyad', leftLabel: text(q.leftLabel), rightLabel: text(q.rightLabel) };
    case 'canvas':
      return { ...base, type: 'canvas', xLeftLabel: text(q.xLeftLabel), xRightLabel: text(q.xRightLabel), yBottomLabel: text(q.yBottomLabel), yTopLabel: text(q.yTopLabel) };
    case 'text':
      return { ...base, type: 'text', maxLength: q.maxLength ?? 2000, multiline: q.multiline ?? true };
    default:
      return { ...base, type: 'wijk' };
  }
};
