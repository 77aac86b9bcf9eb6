import type { QuestionType } from '@vertelpunt/domain';
import { isQuestionType, type FormQuestion, type VertelForm } from '$lib/mijn-verhalen/vertel-form';

export type OptionDraft = { id: string; label: string };

/**
 * One question as the editor holds it: every field a string or a flag, exactly as typed, so a
 * refused version comes back with the admin's own text. Numbers are checked when publishing.
 */
export type QuestionDraft = {
  id: string;
  type: QuestionType;
  prompt: string;
  help: string;
  required: boolean;
  allowNotApplicable: boolean;
  /** The choices of single, multi and leefgebied questions; archetypes and wijken come from elsewhere. */
  options: OptionDraft[];
  archetypeSetId: string;
  min: string;
  max: string;
  maxChoices: string;
  minLabel: string;
  maxLabel: string;
  leftLabel: string;
  rightLabel: string;
  xLeftLabel: string;
  xRightLabel: string;
  yBottomLabel: string;
  yTopLabel: string;
  maxLength: string;
  multiline: boolean;
};

export type QuestionnaireDraft = {
  intro: string;
  storyPrompt: string;
  titlePrompt: string;
  questions: QuestionDraft[];
};

/** What `publishQuestionnaireVersion` takes. Fields that do not apply to a type are left out. */
export type QuestionInput = {
  id: string;
  type: QuestionType;
  prompt: string;
  help?: string;
  required: boolean;
  allowNotApplicable: boolean;
  options?: OptionDraft[];
  archetypeSetId?: string;
  min?: number;
  max?: number;
  maxChoices?: number | null;
  minLabel?: string;
  maxLabel?: string;
  leftLabel?: string;
  rightLabel?: string;
  xLeftLabel?: string;
  xRightLabel?: string;
  yBottomLabel?: string;
  yTopLabel?: string;
  maxLength?: number;
  multiline?: boolean;
};

export type QuestionnaireVersionInput = {
  intro: string;
  storyPrompt: string;
  titlePrompt: string;
  questions: QuestionInput[];
};

export type FieldProblem = { field: string; message: string };

/** Question types whose answers the admin writes in this editor. */
export const hasOwnOptions = (type: QuestionType): boolean =>
  type === 'single' || type === 'multi' || type === 'leefgebied';

/** The fields the editor shows for a type, after the ones every question has. */
export const FIELDS_BY_TYPE: Record<QuestionType, readonly (keyof QuestionDraft)[]> = {
  archetype: ['min', 'max'],
  single: ['options'],
  multi: ['options', 'maxChoices'],
  leefgebied: ['options', 'maxChoices'],
  scale: ['min', 'max', 'minLabel', 'maxLabel'],
  dyad: ['leftLabel', 'rightLabel'],
  canvas: ['xLeftLabel', 'xRightLabel', 'yBottomLabel', 'yTopLabel'],
  text: ['maxLength', 'multiline'],
  wijk: [],
};

export const COMMON_FIELDS = ['prompt', 'help', 'required', 'allowNotApplicable'] as const;

const str = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

export const draftFromQuestion = (q: FormQuestion): QuestionDraft => ({
  id: q.id,
  type: q.type,
  prompt: q.prompt,
  help: q.help ?? '',
  required: q.required,
  allowNotApplicable: q.allowNotApplicable,
  options: hasOwnOptions(q.type) ? q.options.map((o) => ({ id: o.id, label: o.label })) : [],
  archetypeSetId: q.archetypeSetId ?? '',
  min: str(q.min),
  max: str(q.max),
  maxChoices: str(q.maxChoices),
  minLabel: str(q.minLabel),
  maxLabel: str(q.maxLabel),
  leftLabel: str(q.leftLabel),
  rightLabel: str(q.rightLabel),
  xLeftLabel: str(q.xLeftLabel),
  xRightLabel: str(q.xRightLabel),
  yBottomLabel: str(q.yBottomLabel),
  yTopLabel: str(q.yTopLabel),
  maxLength: str(q.maxLength),
  multiline: q.multiline ?? true,
});

export const draftFromForm = (form: VertelForm): QuestionnaireDraft => ({
  intro: form.intro,
  storyPrompt: form.storyPrompt,
  titlePrompt: form.titlePrompt,
  questions: form.questions.filter((q) => isQuestionType(q.type)).map(draftFromQuestion),
});

/** Form field names, one place so the page and the parser agree. */
export const editorName = {
  question: (i: number, field: keyof QuestionDraft) => `q.${i}.${field}`,
  option: (i: number, j: number, field: keyof OptionDraft) => `q.${i}.o.${j}.${field}`,
};

/** DOM ids of the editor's fields; problems link to them. */
export const editorId = {
  question: (i: number) => `vraag-${i}`,
  field: (i: number, field: string) => `vraag-${i}-${field}`,
  option: (i: number, j: number) => `vraag-${i}-antwoord-${j}`,
};

type FormValues = { get(name: string): unknown };

const read = (form: FormValues, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

const STRING_FIELDS = [
  'id',
  'prompt',
  'help',
  'archetypeSetId',
  'min',
  'max',
  'maxChoices',
  'minLabel',
  'maxLabel',
  'leftLabel',
  'rightLabel',
  'xLeftLabel',
  'xRightLabel',
  'yBottomLabel',
  'yTopLabel',
  'maxLength',
] as const;

/** Reads the editor's form back into a draft; questions of an unknown type are dropped. */
export const draftFromFormData = (form: FormValues): QuestionnaireDraft => {
  const questions: QuestionDraft[] = [];
  // Bounded, so a hand-made request cannot make the server loop for long.
  for (let i = 0; i < 200 && form.get(editorName.question(i, 'id')) !== null; i++) {
    const type = read(form, editorName.question(i, 'type'));
    if (!isQuestionType(type)) continue;
    const strings = Object.fromEntries(
      STRING_FIELDS.map((field) => [field, read(form, editorName.question(i, field))]),
    ) as Record<(typeof STRING_FIELDS)[number], string>;
    const options: OptionDraft[] = [];
    for (let j = 0; j < 500 && form.get(editorName.option(i, j, 'id')) !== null; j++) {
      options.push({
        id: read(form, editorName.option(i, j, 'id')),
        label: read(form, editorName.option(i, j, 'label')),
      });
    }
    questions.push({
      ...strings,
      type,
      required: form.get(editorName.question(i, 'required')) !== null,
      allowNotApplicable: form.get(editorName.question(i, 'allowNotApplicable')) !== null,
      multiline: form.get(editorName.question(i, 'multiline')) !== null,
      options: hasOwnOptions(type) ? options : [],
    });
  }
  return {
    intro: read(form, 'intro'),
    storyPrompt: read(form, 'storyPrompt'),
    titlePrompt: read(form, 'titlePrompt'),
    questions,
  };
};

export type EditorMessages = { notAWholeNumber: string };

const parseWhole = (value: string): number | null => {
  const trimmed = value.trim();
  return /^-?\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
};

/**
 * The version to publish, or the problems that stop it from being sent. Only what cannot be sent
 * is checked here (a number that is not one); the API checks the rules and answers per field.
 */
export const versionInputFromDraft = (
  draft: QuestionnaireDraft,
  messages: EditorMessages,
): { input: QuestionnaireVersionInput; problems: FieldProblem[] } => {
  const problems: FieldProblem[] = [];
  const questions = draft.questions.map((q, i): QuestionInput => {
    const whole = (field: 'min' | 'max' | 'maxLength'): number => {
      const value = parseWhole(q[field]);
      if (value === null) problems.push({ field: `questions.${i}.${field}`, message: messages.notAWholeNumber });
      return value ?? 0;
    };
    const optionalWhole = (field: 'maxChoices'): number | null => {
      if (q[field].trim() === '') return null;
      const value = parseWhole(q[field]);
      if (value === null) problems.push({ field: `questions.${i}.${field}`, message: messages.notAWholeNumber });
      return value;
    };
    const base: QuestionInput = {
      id: q.id,
      type: q.type,
      prompt: q.prompt.trim(),
      ...(q.help.trim() ? { help: q.help.trim() } : {}),
      required: q.required,
      allowNotApplicable: q.allowNotApplicable,
    };
    const options = q.options.map((o) => ({ id: o.id, label: o.label.trim() }));
    switch (q.type) {
      case 'archetype':
        return { ...base, archetypeSetId: q.archetypeSetId, min: whole('min'), max: whole('max') };
      case 'single':
        return { ...base, options };
      case 'multi':
      case 'leefgebied':
        return { ...base, options, maxChoices: optionalWhole('maxChoices') };
      case 'scale':
        return {
          ...base,
          min: whole('min'),
          max: whole('max'),
          minLabel: q.minLabel.trim(),
          maxLabel: q.maxLabel.trim(),
        };
      case 'dyad':
        return { ...base, leftLabel: q.leftLabel.trim(), rightLabel: q.rightLabel.trim() };
      case 'canvas':
        return {
          ...base,
          xLeftLabel: q.xLeftLabel.trim(),
          xRightLabel: q.xRightLabel.trim(),
          yBottomLabel: q.yBottomLabel.trim(),
          yTopLabel: q.yTopLabel.trim(),
        };
      case 'text':
        return { ...base, maxLength: whole('maxLength'), multiline: q.multiline };
      case 'wijk':
        return base;
    }
  });
  return {
    input: {
      intro: draft.intro.trim(),
      storyPrompt: draft.storyPrompt.trim(),
      titlePrompt: draft.titlePrompt.trim(),
      questions,
    },
    problems,
  };
};

export type EditorProblems = {
  /** `intro`, `storyPrompt`, `titlePrompt`: their message. */
  top: Record<string, string>;
  /** Per question index: the message per field it shows, and what belongs to the question as a whole. */
  questions: Record<number, { byField: Record<string, string>; general: string[] }>;
  /** Anything else (for the whole questionnaire). */
  general: string[];
};

const TOP_FIELDS = new Set(['intro', 'storyPrompt', 'titlePrompt']);
const QUESTION_FIELD = /^questions\.(\d+)\.([A-Za-z]+)(?:\..*)?$/;

/** Sorts the API's problems (`questions.<n>.<field>`, `intro`, …) to where the editor shows them. */
export const sortProblems = (problems: readonly FieldProblem[], draft: QuestionnaireDraft): EditorProblems => {
  const sorted: EditorProblems = { top: {}, questions: {}, general: [] };
  for (const { field: rawField, message } of problems) {
    // Problems may be named after the mutation argument; the editor does not care.
    const field = rawField.replace(/^input\./, '');
    if (TOP_FIELDS.has(field)) {
      sorted.top[field] ??= message;
      continue;
    }
    const match = QUESTION_FIELD.exec(field);
    const index = match ? Number(match[1]) : -1;
    const question = draft.questions[index];
    if (!match || !question) {
      sorted.general.push(message);
      continue;
    }
    const target = (sorted.questions[index] ??= { byField: {}, general: [] });
    const name = match[2];
    const shown: readonly string[] = [...COMMON_FIELDS, ...FIELDS_BY_TYPE[question.type]];
    if (shown.includes(name) && !(name in target.byField)) target.byField[name] = message;
    else target.general.push(message);
  }
  return sorted;
};

/** Every problem once, with the id of the field it belongs to, for the summary at the top. */
export const problemLinks = (sorted: EditorProblems): { target: string; message: string }[] => [
  ...Object.entries(sorted.top).map(([field, message]) => ({ target: field, message })),
  ...Object.entries(sorted.questions).flatMap(([index, { byField, general }]) => [
    ...Object.entries(byField).map(([field, message]) => ({
      target: editorId.field(Number(index), field === 'options' ? 'antwoorden' : field),
      message,
    })),
    ...general.map((message) => ({ target: editorId.question(Number(index)), message })),
  ]),
  ...sorted.general.map((message) => ({ target: 'vragen', message })),
];
