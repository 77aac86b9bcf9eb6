import { describe, expect, it } from 'vitest';
import type { StoryAnswer } from '$lib/mijn-verhalen/answers-form';
import type { FormQuestion } from '$lib/mijn-verhalen/vertel-form';
import { viewAnswer, viewAnswers } from './answer-view';

const question = (over: Partial<FormQuestion>): FormQuestion => ({
  id: 'q',
  type: 'single',
  prompt: 'Vraag',
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
  ...over,
});
const answer = (over: Partial<StoryAnswer>): StoryAnswer => ({
  questionId: 'q',
  kind: 'choice',
  archetypeIds: null,
  optionIds: null,
  number: null,
  x: null,
  y: null,
  text: null,
  ...over,
});

describe('viewAnswer', () => {
  it('shows archetypes with name and description, as in the version the story was told with', () => {
    const q = question({
      type: 'archetype',
      options: [
        { id: 'a1', label: 'De doorzetter', description: 'Geeft niet op.', icon: null },
        { id: 'a2', label: 'De zoeker', description: 'Weet de weg nog niet.', icon: null },
      ],
    });
    expect(viewAnswer(q, answer({ kind: 'archetypes', archetypeIds: ['a2', 'weg'] }))).toEqual({
      kind: 'choices',
      archetypes: true,
      items: [{ id: 'a2', label: 'De zoeker', description: 'Weet de weg nog niet.' }],
    });
  });

  it('shows choices by label and says "no answer" when none is left', () => {
    const q = question({ type: 'multi', options: [{ id: 'o1', label: 'Wonen', description: null, icon: null }] });
    expect(viewAnswer(q, answer({ optionIds: ['o1'] }))).toMatchObject({
      kind: 'choices',
      items: [{ label: 'Wonen' }],
    });
    expect(viewAnswer(q, answer({ optionIds: ['onbekend'] }))).toEqual({ kind: 'none' });
    expect(viewAnswer(q, undefined)).toEqual({ kind: 'none' });
  });

  it('places a dyad answer between its poles and says which side it leans to', () => {
    const q = question({ type: 'dyad', leftLabel: 'Alleen', rightLabel: 'Samen' });
    expect(viewAnswer(q, answer({ kind: 'number', number: 30 }))).toEqual({
      kind: 'dyad',
      position: 30,
      leftLabel: 'Alleen',
      rightLabel: 'Samen',
      side: 'left',
    });
    expect(viewAnswer(q, answer({ kind: 'number', number: 55 }))).toMatchObject({ side: 'middle' });
    expect(viewAnswer(q, answer({ kind: 'number', number: 140 }))).toMatchObject({ position: 100, side: 'right' });
  });

  it('keeps scale, canvas and text values with their labels', () => {
    expect(
      viewAnswer(
        question({ type: 'scale', min: 1, max: 5, minLabel: 'slecht', maxLabel: 'goed' }),
        answer({ kind: 'number', number: 4 }),
      ),
    ).toEqual({
      kind: 'scale',
      value: 4,
      min: 1,
      max: 5,
      minLabel: 'slecht',
      maxLabel: 'goed',
    });
    expect(
      viewAnswer(
        question({ type: 'canvas', xLeftLabel: 'l', xRightLabel: 'r', yBottomLabel: 'o', yTopLabel: 'b' }),
        answer({ kind: 'point', x: 25, y: 75 }),
      ),
    ).toMatchObject({
      kind: 'canvas',
      x: 25,
      y: 75,
    });
    expect(viewAnswer(question({ type: 'text' }), answer({ kind: 'text', text: '  ' }))).toEqual({ kind: 'none' });
  });

  it('says "past niet / weet ik niet" whatever the question type', () => {
    expect(viewAnswer(question({ type: 'dyad' }), answer({ kind: 'notApplicable' }))).toEqual({
      kind: 'notApplicable',
    });
  });
});

describe('viewAnswers', () => {
  it('lists every question in order, answered or not', () => {
    const qs = [question({ id: 'q1', type: 'text' }), question({ id: 'q2', type: 'text' })];
    const views = viewAnswers(qs, [answer({ questionId: 'q2', kind: 'text', text: 'Fijn' })]);
    expect(views.map((v) => [v.question.id, v.view.kind])).toEqual([
      ['q1', 'none'],
      ['q2', 'text'],
    ]);
  });
});
