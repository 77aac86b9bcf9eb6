import { describe, expect, it } from 'vitest';
import { neighbours, progressFraction, questionProgress, stepsFor, validStep } from './steps';

const questions = [{ id: 'gevoel' }, { id: 'wijk' }, { id: 'regie' }];

describe('steps', () => {
  it('orders the screens: mode, telling, title, one question each, consent', () => {
    expect(stepsFor(questions, 'audio')).toEqual([
      'mode',
      'record',
      'title',
      'q:gevoel',
      'q:wijk',
      'q:regie',
      'consent',
    ]);
    expect(stepsFor(questions, 'text')[1]).toBe('type');
    expect(stepsFor(questions, null)).toEqual(['mode']);
  });

  it('goes back and forward', () => {
    const steps = stepsFor(questions, 'text');
    expect(neighbours(steps, 'q:wijk')).toEqual({ previous: 'q:gevoel', next: 'q:regie' });
    expect(neighbours(steps, 'consent').next).toBeNull();
    expect(neighbours(steps, 'mode').previous).toBeNull();
  });

  it('says "Vraag 2 van 3" on question screens only', () => {
    expect(questionProgress(questions, 'q:wijk')).toEqual({ number: 2, total: 3 });
    expect(questionProgress(questions, 'title')).toBeNull();
  });

  it('falls back to the first screen for a step that no longer exists', () => {
    const steps = stepsFor(questions, 'text');
    expect(validStep(steps, 'q:verdwenen')).toBe('mode');
    expect(validStep(steps, 'record')).toBe('mode');
    expect(validStep(steps, 'sent')).toBe('sent');
  });

  it('measures progress from 0 to 1', () => {
    const steps = stepsFor(questions, 'text');
    expect(progressFraction(steps, 'mode')).toBe(0);
    expect(progressFraction(steps, 'consent')).toBe(1);
  });
});
