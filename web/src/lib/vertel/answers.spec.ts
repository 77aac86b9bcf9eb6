import { describe, expect, it } from 'vitest';
import {
  answerProblem,
  buildAnswers,
  firstProblem,
  isAnswered,
  movePoint,
  pointFromPosition,
  togglePick,
} from './answers';
import { buildQuestion, coachForm } from './form.builder';
import type { AnswerValue } from './types';

const question = (id: string) => coachForm().questions.find((q) => q.id === id)!;

describe('answerProblem (mirror of validateAnswers in libs/domain)', () => {
  it('asks for 1 or 2 archetypes, known ones, each once', () => {
    const q = question('gevoel');
    expect(answerProblem(q, { kind: 'archetypes', archetypeIds: ['a1', 'a2'] })).toBeNull();
    expect(answerProblem(q, { kind: 'archetypes', archetypeIds: ['a1', 'a2', 'a3'] })).toEqual({
      code: 'chooseBetween',
      min: 1,
      max: 2,
    });
    expect(answerProblem(q, { kind: 'archetypes', archetypeIds: ['a1', 'a1'] })?.code).toBe('chooseBetween');
    expect(answerProblem(q, { kind: 'archetypes', archetypeIds: ['zz'] })?.code).toBe('unknownOption');
  });

  it('says a required question is required, and lets an optional one be skipped', () => {
    expect(answerProblem(question('gevoel'), undefined)).toEqual({ code: 'required' });
    expect(answerProblem(question('gevoel'), { kind: 'archetypes', archetypeIds: [] })).toEqual({ code: 'required' });
    expect(answerProblem(question('regie'), undefined)).toBeNull();
  });

  it('allows "past niet" only where the question offers it', () => {
    expect(answerProblem(question('wijk'), { kind: 'notApplicable' })).toBeNull();
    expect(answerProblem(question('gevoel'), { kind: 'notApplicable' })).toEqual({ code: 'notApplicableNotAllowed' });
  });

  it('holds multiple choice to its maximum and single choice to one', () => {
    expect(
      answerProblem(question('werkzame-elementen'), { kind: 'choice', optionIds: ['e1', 'e2', 'e3', 'e4'] }),
    ).toEqual({
      code: 'chooseAtMost',
      max: 3,
    });
    expect(answerProblem(question('wijk'), { kind: 'choice', optionIds: ['w1', 'w2'] })).toEqual({ code: 'chooseOne' });
    expect(answerProblem(question('wijk'), { kind: 'choice', optionIds: ['w9'] })).toEqual({ code: 'unknownOption' });
  });

  it('keeps scales whole and in range, dyads and canvas points within 0–100', () => {
    expect(answerProblem(question('tevredenheid'), { kind: 'number', value: 7 })).toBeNull();
    expect(answerProblem(question('tevredenheid'), { kind: 'number', value: 7.5 })?.code).toBe('wholeNumber');
    expect(answerProblem(question('tevredenheid'), { kind: 'number', value: 11 })?.code).toBe('wholeNumber');
    expect(answerProblem(question('regie'), { kind: 'number', value: 0 })).toBeNull();
    expect(answerProblem(question('regie'), { kind: 'number', value: 101 })).toEqual({ code: 'pickPoint' });
    expect(answerProblem(question('impact'), { kind: 'point', x: 25, y: 75 })).toBeNull();
    expect(answerProblem(question('impact'), { kind: 'point', x: -1, y: 75 })).toEqual({ code: 'pickPoint' });
  });

  it('limits free text to its maximum length', () => {
    expect(answerProblem(question('toelichting'), { kind: 'text', text: 'x'.repeat(21) })).toEqual({
      code: 'textTooLong',
      max: 20,
    });
    expect(answerProblem(question('toelichting'), { kind: 'text', text: '   ' })).toBeNull();
    expect(
      answerProblem(buildQuestion({ id: 't', type: 'text', required: true }), { kind: 'text', text: ' ' }),
    ).toEqual({
      code: 'required',
    });
  });
});

describe('buildAnswers', () => {
  it('sends one flat AnswerInput per answered question, in question order', () => {
    const answers: Record<string, AnswerValue> = {
      regie: { kind: 'number', value: 30 },
      gevoel: { kind: 'archetypes', archetypeIds: ['a1', 'a2'] },
      impact: { kind: 'point', x: 25, y: 75 },
      wijk: { kind: 'notApplicable' },
      toelichting: { kind: 'text', text: '  Goed gegaan.  ' },
      leefgebieden: { kind: 'choice', optionIds: ['l1'] },
    };
    expect(buildAnswers(coachForm().questions, answers)).toEqual([
      { questionId: 'gevoel', archetypeIds: ['a1', 'a2'] },
      { questionId: 'leefgebieden', optionIds: ['l1'] },
      { questionId: 'wijk', notApplicable: true },
      { questionId: 'regie', number: 30 },
      { questionId: 'impact', x: 25, y: 75 },
      { questionId: 'toelichting', text: 'Goed gegaan.' },
    ]);
  });

  it('leaves out skipped questions, empty picks, blank text and questions of another version', () => {
    const answers: Record<string, AnswerValue> = {
      'werkzame-elementen': { kind: 'choice', optionIds: [] },
      toelichting: { kind: 'text', text: '   ' },
      'oude-vraag': { kind: 'number', value: 3 },
    };
    expect(buildAnswers(coachForm().questions, answers)).toEqual([]);
    expect(isAnswered({ kind: 'choice', optionIds: [] })).toBe(false);
  });

  it('finds the first question that still needs an answer', () => {
    expect(firstProblem(coachForm().questions, {})).toEqual({ questionId: 'gevoel', problem: { code: 'required' } });
  });
});

describe('picking and pointing', () => {
  it('toggles picks without going past the maximum', () => {
    expect(togglePick(['a'], 'b', 2)).toEqual(['a', 'b']);
    expect(togglePick(['a', 'b'], 'c', 2)).toEqual(['a', 'b']);
    expect(togglePick(['a', 'b'], 'a', 2)).toEqual(['b']);
    expect(togglePick(['a'], 'b', 1)).toEqual(['b']);
  });

  it('turns a tap into a point with y growing upwards', () => {
    expect(pointFromPosition(0, 0, 200, 200)).toEqual({ x: 0, y: 100 });
    expect(pointFromPosition(50, 150, 200, 200)).toEqual({ x: 25, y: 25 });
    expect(pointFromPosition(-10, 999, 200, 200)).toEqual({ x: 0, y: 0 });
  });

  it('moves a point with the arrow keys, starting in the middle, within the square', () => {
    expect(movePoint(null, 'ArrowRight')).toEqual({ x: 55, y: 50 });
    expect(movePoint({ x: 98, y: 2 }, 'ArrowRight')).toEqual({ x: 100, y: 2 });
    expect(movePoint({ x: 40, y: 2 }, 'ArrowDown')).toEqual({ x: 40, y: 0 });
    expect(movePoint({ x: 40, y: 50 }, 'ArrowUp', 1)).toEqual({ x: 40, y: 51 });
    expect(movePoint({ x: 40, y: 50 }, 'Enter')).toBeNull();
  });
});
