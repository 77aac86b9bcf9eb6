import { describe, expect, it } from 'vitest';
import type { FormQuestion, VertelForm } from '$lib/mijn-verhalen/vertel-form';
import {
  draftFromForm,
  draftFromFormData,
  editorName,
  problemLinks,
  sortProblems,
  versionInputFromDraft,
  type QuestionnaireDraft,
} from './questionnaire-editor';

const question = (overrides: Partial<FormQuestion> & Pick<FormQuestion, 'id' | 'type'>): FormQuestion => ({
  prompt: 'Vraag?',
  help: null,
  required: false,
  allowNotApplicable: true,
  options: [],
  archetypeSetId: null,
  min: null,
  max: null,
  maxChoices: null,
  minLabel: null,
  maxLabel: null,
  leftLabel: null,
  rightLabel: null,
  xLeftLabel: null,
  xRightLabel: null,
  yBottomLabel: null,
  yTopLabel: null,
  maxLength: null,
  multiline: null,
  ...overrides,
});

const opt = (id: string, label = id) => ({ id, label, description: null, icon: null });

const FORM: VertelForm = {
  questionnaireVersionId: 'v1',
  version: 1,
  intro: 'Welkom',
  storyPrompt: 'Vertel',
  titlePrompt: 'Titel?',
  questions: [
    question({
      id: 'gevoel',
      type: 'archetype',
      required: true,
      allowNotApplicable: false,
      archetypeSetId: 'set-1',
      min: 1,
      max: 2,
      options: [opt('a1', 'De Wegwijzer')],
    }),
    question({
      id: 'elementen',
      type: 'multi',
      help: 'Denk na',
      maxChoices: 3,
      options: [opt('e1', 'Eén'), opt('e2', 'Twee')],
    }),
    question({ id: 'wijk', type: 'wijk', options: [opt('w1', 'Noord')] }),
    question({ id: 'regie', type: 'dyad', leftLabel: 'Inwoner', rightLabel: 'Ik' }),
    question({ id: 'impact', type: 'canvas', xLeftLabel: 'a', xRightLabel: 'b', yBottomLabel: 'c', yTopLabel: 'd' }),
    question({ id: 'cijfer', type: 'scale', min: 1, max: 10, minLabel: 'Slecht', maxLabel: 'Goed' }),
    question({ id: 'beter', type: 'text', maxLength: 1000, multiline: true }),
  ],
};

/** What the browser sends for a draft: the editor's own field names. */
const formDataOf = (draft: QuestionnaireDraft): FormData => {
  const form = new FormData();
  form.set('intro', draft.intro);
  form.set('storyPrompt', draft.storyPrompt);
  form.set('titlePrompt', draft.titlePrompt);
  draft.questions.forEach((q, i) => {
    for (const [field, value] of Object.entries(q)) {
      if (field === 'options') continue;
      if (typeof value === 'boolean') {
        if (value) form.set(editorName.question(i, field as keyof typeof q), '1');
      } else form.set(editorName.question(i, field as keyof typeof q), String(value));
    }
    q.options.forEach((o, j) => {
      form.set(editorName.option(i, j, 'id'), o.id);
      form.set(editorName.option(i, j, 'label'), o.label);
    });
  });
  return form;
};

const MESSAGES = { notAWholeNumber: 'Vul een heel getal in.' };

describe('the questionnaire editor', () => {
  it('keeps only the answers an admin writes: archetypes and wijken come from elsewhere', () => {
    const draft = draftFromForm(FORM);
    expect(draft.questions[0]).toMatchObject({
      id: 'gevoel',
      archetypeSetId: 'set-1',
      min: '1',
      max: '2',
      options: [],
    });
    expect(draft.questions[1].options).toEqual([
      { id: 'e1', label: 'Eén' },
      { id: 'e2', label: 'Twee' },
    ]);
    expect(draft.questions[2].options).toEqual([]);
  });

  it('reads back exactly what it showed', () => {
    const draft = draftFromForm(FORM);
    expect(draftFromFormData(formDataOf(draft))).toEqual(draft);
  });

  it('reads an unticked checkbox as false', () => {
    const draft = draftFromForm(FORM);
    const form = formDataOf(draft);
    form.delete(editorName.question(0, 'required'));
    expect(draftFromFormData(form).questions[0].required).toBe(false);
  });

  it('publishes each question with only the fields of its type', () => {
    const { input, problems } = versionInputFromDraft(draftFromForm(FORM), MESSAGES);
    expect(problems).toEqual([]);
    expect(input.intro).toBe('Welkom');
    expect(input.questions).toEqual([
      {
        id: 'gevoel',
        type: 'archetype',
        prompt: 'Vraag?',
        required: true,
        allowNotApplicable: false,
        archetypeSetId: 'set-1',
        min: 1,
        max: 2,
      },
      {
        id: 'elementen',
        type: 'multi',
        prompt: 'Vraag?',
        help: 'Denk na',
        required: false,
        allowNotApplicable: true,
        options: [
          { id: 'e1', label: 'Eén' },
          { id: 'e2', label: 'Twee' },
        ],
        maxChoices: 3,
      },
      { id: 'wijk', type: 'wijk', prompt: 'Vraag?', required: false, allowNotApplicable: true },
      {
        id: 'regie',
        type: 'dyad',
        prompt: 'Vraag?',
        required: false,
        allowNotApplicable: true,
        leftLabel: 'Inwoner',
        rightLabel: 'Ik',
      },
      {
        id: 'impact',
        type: 'canvas',
        prompt: 'Vraag?',
        required: false,
        allowNotApplicable: true,
        xLeftLabel: 'a',
        xRightLabel: 'b',
        yBottomLabel: 'c',
        yTopLabel: 'd',
      },
      {
        id: 'cijfer',
        type: 'scale',
        prompt: 'Vraag?',
        required: false,
        allowNotApplicable: true,
        min: 1,
        max: 10,
        minLabel: 'Slecht',
        maxLabel: 'Goed',
      },
      {
        id: 'beter',
        type: 'text',
        prompt: 'Vraag?',
        required: false,
        allowNotApplicable: true,
        maxLength: 1000,
        multiline: true,
      },
    ]);
  });

  it('sends "no maximum" as null and refuses numbers that are not whole', () => {
    const draft = draftFromForm(FORM);
    draft.questions[1].maxChoices = ' ';
    draft.questions[5].max = 'tien';
    const { input, problems } = versionInputFromDraft(draft, MESSAGES);
    expect(input.questions[1].maxChoices).toBeNull();
    expect(problems).toEqual([{ field: 'questions.5.max', message: 'Vul een heel getal in.' }]);
  });
});

describe('sortProblems', () => {
  const draft = draftFromForm(FORM);

  it('puts the API problems next to the fields the editor shows', () => {
    const sorted = sortProblems(
      [
        { field: 'storyPrompt', message: 'Schrijf de vraag uit.' },
        { field: 'questions.1.options', message: 'Elk antwoord heeft een tekst.' },
        { field: 'input.questions.3.leftLabel', message: 'Geef beide polen een naam.' },
        { field: 'questions.0.id', message: 'Gebruik kleine letters.' },
        { field: 'questions', message: 'Een vragenlijst heeft minstens één vraag.' },
        { field: 'questions.99.prompt', message: 'Onbekend' },
      ],
      draft,
    );
    expect(sorted.top).toEqual({ storyPrompt: 'Schrijf de vraag uit.' });
    expect(sorted.questions[1].byField).toEqual({ options: 'Elk antwoord heeft een tekst.' });
    expect(sorted.questions[3].byField).toEqual({ leftLabel: 'Geef beide polen een naam.' });
    // The id is not editable, so its problem belongs to the question as a whole.
    expect(sorted.questions[0]).toEqual({ byField: {}, general: ['Gebruik kleine letters.'] });
    expect(sorted.general).toEqual(['Een vragenlijst heeft minstens één vraag.', 'Onbekend']);
  });

  it('links every problem in the summary to its field', () => {
    const sorted = sortProblems(
      [
        { field: 'intro', message: 'a' },
        { field: 'questions.1.options', message: 'b' },
        { field: 'questions.5.max', message: 'c' },
      ],
      draft,
    );
    expect(problemLinks(sorted)).toEqual([
      { target: 'intro', message: 'a' },
      { target: 'vraag-1-antwoorden', message: 'b' },
      { target: 'vraag-5-max', message: 'c' },
    ]);
  });
});
