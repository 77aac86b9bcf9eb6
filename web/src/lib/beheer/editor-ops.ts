import { LEEFGEBIEDEN, QUESTION_TYPES, type QuestionType } from '@vertelpunt/domain';
import { editorId, hasOwnOptions, type QuestionDraft, type QuestionnaireDraft } from './questionnaire-editor';

/**
 * The editor's buttons besides Publish. Each one posts the whole form with `op` set, so the editor
 * works without JavaScript: the server applies the step and shows the changed draft again.
 */
export type EditorOp =
  | { kind: 'question-up' | 'question-down' | 'question-remove' | 'option-add'; question: number }
  | { kind: 'option-up' | 'option-down' | 'option-remove'; question: number; option: number }
  | { kind: 'question-add'; type: QuestionType };

const QUESTION_OPS = ['question-up', 'question-down', 'question-remove', 'option-add'] as const;
const OPTION_OPS = ['option-up', 'option-down', 'option-remove'] as const;

const index = (value: string | undefined): number | null =>
  value !== undefined && /^\d{1,3}$/.test(value) ? Number(value) : null;

/** `question-up:2`, `option-remove:2:0`, or `question-add` with the chosen type. */
export const parseOp = (op: unknown, newType: unknown): EditorOp | null => {
  if (typeof op !== 'string') return null;
  const [kind, a, b] = op.split(':');
  if (kind === 'question-add') {
    return typeof newType === 'string' && (QUESTION_TYPES as readonly string[]).includes(newType)
      ? { kind, type: newType as QuestionType }
      : null;
  }
  const question = index(a);
  if (question === null) return null;
  if ((QUESTION_OPS as readonly string[]).includes(kind)) {
    return { kind: kind as (typeof QUESTION_OPS)[number], question };
  }
  const option = index(b);
  if (option !== null && (OPTION_OPS as readonly string[]).includes(kind)) {
    return { kind: kind as (typeof OPTION_OPS)[number], question, option };
  }
  return null;
};

const move = <T>(list: readonly T[], from: number, to: number): T[] => {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
};

/** The first `prefix-<n>` not in use: ids of new questions and options, stable once published. */
export const freeId = (prefix: string, used: Iterable<string>): string => {
  const taken = new Set(used);
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
};

const blankQuestion = (id: string, type: QuestionType): QuestionDraft => ({
  id,
  type,
  prompt: '',
  help: '',
  required: false,
  allowNotApplicable: true,
  options: [],
  archetypeSetId: '',
  min: '',
  max: '',
  maxChoices: '',
  minLabel: '',
  maxLabel: '',
  leftLabel: '',
  rightLabel: '',
  xLeftLabel: '',
  xRightLabel: '',
  yBottomLabel: '',
  yTopLabel: '',
  maxLength: '',
  multiline: true,
});

/** The archetype set a new archetype question uses: the one the questionnaire already asks about. */
export const knownArchetypeSet = (draft: QuestionnaireDraft): string | null =>
  draft.questions.find((q) => q.type === 'archetype' && q.archetypeSetId)?.archetypeSetId ?? null;

/** Types a new question can have here; an archetype question needs a set the questionnaire knows. */
export const addableTypes = (draft: QuestionnaireDraft): QuestionType[] =>
  QUESTION_TYPES.filter((type) => type !== 'archetype' || knownArchetypeSet(draft) !== null);

export const newQuestion = (draft: QuestionnaireDraft, type: QuestionType): QuestionDraft => {
  const question = blankQuestion(
    freeId(
      'vraag',
      draft.questions.map((q) => q.id),
    ),
    type,
  );
  switch (type) {
    case 'archetype':
      return {
        ...question,
        archetypeSetId: knownArchetypeSet(draft) ?? '',
        min: '1',
        max: '2',
        allowNotApplicable: false,
      };
    case 'single':
    case 'multi':
      return {
        ...question,
        options: [
          { id: 'optie-1', label: '' },
          { id: 'optie-2', label: '' },
        ],
      };
    case 'leefgebied': {
      // The organisation's own leefgebieden, when another question already lists them.
      const existing = draft.questions.find((q) => q.type === 'leefgebied')?.options;
      const options = existing ?? LEEFGEBIEDEN.tags.map((tag) => ({ id: tag.key, label: tag.label }));
      return { ...question, options: options.map((o) => ({ ...o })), maxChoices: '3' };
    }
    case 'scale':
      return { ...question, min: '1', max: '10' };
    case 'text':
      return { ...question, maxLength: '1000', multiline: true };
    default:
      return question;
  }
};

/** Applies one step; `focus` is the DOM id that should have focus afterwards (for keyboard users). */
export const applyOp = (
  draft: QuestionnaireDraft,
  op: EditorOp,
): { draft: QuestionnaireDraft; focus: string | null } => {
  const questions = draft.questions;
  const withQuestions = (next: QuestionDraft[]) => ({ ...draft, questions: next });
  const updateQuestion = (i: number, change: (q: QuestionDraft) => QuestionDraft) =>
    withQuestions(questions.map((q, k) => (k === i ? change(q) : q)));

  switch (op.kind) {
    case 'question-add': {
      const next = withQuestions([...questions, newQuestion(draft, op.type)]);
      return { draft: next, focus: editorId.field(questions.length, 'prompt') };
    }
    case 'question-up':
    case 'question-down': {
      const to = op.kind === 'question-up' ? op.question - 1 : op.question + 1;
      if (!questions[op.question] || !questions[to]) return { draft, focus: null };
      return { draft: withQuestions(move(questions, op.question, to)), focus: editorId.question(to) };
    }
    case 'question-remove': {
      if (!questions[op.question]) return { draft, focus: null };
      const next = withQuestions(questions.filter((_, k) => k !== op.question));
      const focusIndex = Math.min(op.question, next.questions.length - 1);
      return { draft: next, focus: focusIndex >= 0 ? editorId.question(focusIndex) : 'vragen' };
    }
    case 'option-add': {
      const question = questions[op.question];
      if (!question || !hasOwnOptions(question.type)) return { draft, focus: null };
      const option = {
        id: freeId(
          'optie',
          question.options.map((o) => o.id),
        ),
        label: '',
      };
      return {
        draft: updateQuestion(op.question, (q) => ({ ...q, options: [...q.options, option] })),
        focus: editorId.option(op.question, question.options.length),
      };
    }
    case 'option-up':
    case 'option-down': {
      const question = questions[op.question];
      const to = op.kind === 'option-up' ? op.option - 1 : op.option + 1;
      if (!question?.options[op.option] || !question.options[to]) return { draft, focus: null };
      return {
        draft: updateQuestion(op.question, (q) => ({ ...q, options: move(q.options, op.option, to) })),
        focus: editorId.option(op.question, to),
      };
    }
    case 'option-remove': {
      const question = questions[op.question];
      if (!question?.options[op.option]) return { draft, focus: null };
      return {
        draft: updateQuestion(op.question, (q) => ({ ...q, options: q.options.filter((_, k) => k !== op.option) })),
        focus: editorId.field(op.question, 'antwoorden'),
      };
    }
  }
};
