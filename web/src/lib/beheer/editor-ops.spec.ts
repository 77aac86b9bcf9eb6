import { describe, expect, it } from 'vitest';
import { addableTypes, applyOp, freeId, newQuestion, parseOp } from './editor-ops';
import type { QuestionDraft, QuestionnaireDraft } from './questionnaire-editor';

const q = (id: string, overrides: Partial<QuestionDraft> = {}): QuestionDraft => ({
  id,
  type: 'single',
  prompt: id,
  help: '',
  required: false,
  allowNotApplicable: true,
  options: [
    { id: 'ja', label: 'Ja' },
    { id: 'nee', label: 'Nee' },
  ],
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
  ...overrides,
});

const draft = (questions: QuestionDraft[]): QuestionnaireDraft => ({
  intro: '',
  storyPrompt: '',
  titlePrompt: '',
  questions,
});
const ids = (d: QuestionnaireDraft) => d.questions.map((x) => x.id);

describe('parseOp', () => {
  it('reads the buttons the editor has', () => {
    expect(parseOp('question-up:2', null)).toEqual({ kind: 'question-up', question: 2 });
    expect(parseOp('option-remove:1:0', null)).toEqual({ kind: 'option-remove', question: 1, option: 0 });
    expect(parseOp('question-add', 'dyad')).toEqual({ kind: 'question-add', type: 'dyad' });
  });

  it('ignores anything else', () => {
    expect(parseOp('', null)).toBeNull();
    expect(parseOp('question-add', 'poll')).toBeNull();
    expect(parseOp('option-up:1', null)).toBeNull();
    expect(parseOp('drop-table:1', null)).toBeNull();
    expect(parseOp(null, null)).toBeNull();
  });
});

describe('applyOp', () => {
  const start = draft([q('a'), q('b'), q('c')]);

  it('moves questions up and down and keeps focus on the moved one', () => {
    const up = applyOp(start, { kind: 'question-up', question: 2 });
    expect(ids(up.draft)).toEqual(['a', 'c', 'b']);
    expect(up.focus).toBe('vraag-1');
    expect(ids(applyOp(start, { kind: 'question-down', question: 0 }).draft)).toEqual(['b', 'a', 'c']);
  });

  it('does nothing when a question cannot move further', () => {
    expect(applyOp(start, { kind: 'question-up', question: 0 })).toEqual({ draft: start, focus: null });
    expect(applyOp(start, { kind: 'question-down', question: 2 })).toEqual({ draft: start, focus: null });
  });

  it('removes a question', () => {
    expect(ids(applyOp(start, { kind: 'question-remove', question: 1 }).draft)).toEqual(['a', 'c']);
  });

  it('adds, moves and removes answers with ids that stay unique', () => {
    const added = applyOp(start, { kind: 'option-add', question: 0 });
    expect(added.draft.questions[0].options.at(-1)).toEqual({ id: 'optie-1', label: '' });
    expect(added.focus).toBe('vraag-0-antwoord-2');
    const moved = applyOp(added.draft, { kind: 'option-up', question: 0, option: 2 });
    expect(moved.draft.questions[0].options.map((o) => o.id)).toEqual(['ja', 'optie-1', 'nee']);
    const removed = applyOp(moved.draft, { kind: 'option-remove', question: 0, option: 0 });
    expect(removed.draft.questions[0].options.map((o) => o.id)).toEqual(['optie-1', 'nee']);
    // The other questions are untouched.
    expect(removed.draft.questions[1]).toBe(start.questions[1]);
  });

  it('adds a new question of the chosen type at the end, with a fresh id, and focuses its prompt', () => {
    const result = applyOp(start, { kind: 'question-add', type: 'scale' });
    expect(result.draft.questions[3]).toMatchObject({ id: 'vraag-1', type: 'scale', min: '1', max: '10' });
    expect(result.focus).toBe('vraag-3-prompt');
  });
});

describe('new questions', () => {
  it('give an archetype question the set the questionnaire already uses', () => {
    const withSet = draft([q('gevoel', { type: 'archetype', archetypeSetId: 'set-1', options: [] })]);
    expect(newQuestion(withSet, 'archetype')).toMatchObject({ archetypeSetId: 'set-1', min: '1', max: '2' });
    expect(addableTypes(withSet)).toContain('archetype');
    expect(addableTypes(draft([q('a')]))).not.toContain('archetype');
  });

  it('start a leefgebied question with the leefgebieden', () => {
    expect(newQuestion(draft([]), 'leefgebied').options.length).toBeGreaterThan(5);
  });

  it('pick the first free id', () => {
    expect(freeId('vraag', ['vraag-1', 'vraag-3'])).toBe('vraag-2');
  });
});
