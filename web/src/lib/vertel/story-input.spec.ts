import { describe, expect, it } from 'vitest';
import { coachForm } from './form.builder';
import { buildStoryInput, stepForField, textProblem, titleProblem } from './story-input';
import type { Draft } from './types';

const draft = (overrides: Partial<Draft> = {}): Draft => ({
  id: '2b0d7f4e-1c3a-4d5e-8f90-123456789abc',
  scopeKey: 'coach:u1:vp1',
  scope: { kind: 'coach', userId: 'u1', organisationId: 'o1', vertelpuntId: 'vp1' },
  vertelpuntName: 'Verhalen van wijkcoaches',
  organisationName: 'SMD',
  audience: 'wijkcoach',
  maxRecordingSeconds: 900,
  form: coachForm(),
  mode: 'audio',
  text: '',
  title: '  Mevrouw kwam er weer bovenop ',
  answers: { gevoel: { kind: 'archetypes', archetypeIds: ['a1', 'a2'] }, regie: { kind: 'number', value: 30 } },
  step: 'consent',
  consent: { given: true, tafel: false },
  recording: null,
  createdAt: '2025-11-23T09:00:00.000Z',
  updatedAt: '2025-11-23T09:00:00.000Z',
  submittedAt: null,
  confirmedAt: null,
  acknowledgedAt: null,
  problems: [],
  ...overrides,
});

describe('buildStoryInput', () => {
  it('names the story by the id made on the device, and the vertelpunt for a wijkcoach', () => {
    const input = buildStoryInput(draft(), '2025-11-23T10:00:00.000Z');
    expect(input).toEqual({
      id: '2b0d7f4e-1c3a-4d5e-8f90-123456789abc',
      vertelpuntId: 'vp1',
      questionnaireVersionId: coachForm().questionnaireVersionId,
      mode: 'audio',
      title: 'Mevrouw kwam er weer bovenop',
      toldAt: '2025-11-23T10:00:00.000Z',
      consentVersion: 'vertelpunt-wijkcoach-2025-11',
      consentUsage: ['leren'],
      answers: [
        { questionId: 'gevoel', archetypeIds: ['a1', 'a2'] },
        { questionId: 'regie', number: 30 },
      ],
    });
  });

  it('sends the vertel-link token, never a vertelpunt id or user, for an inwoner', () => {
    const input = buildStoryInput(
      draft({
        scope: { kind: 'link', token: 'abcdefghijklmnop', vertelpuntId: 'vp2' },
        audience: 'inwoner',
        mode: 'text',
        text: ' Ik kreeg hulp. ',
        consent: { given: true, tafel: true },
      }),
      '2025-11-23T10:00:00.000Z',
    );
    expect(input).toMatchObject({
      vertelToken: 'abcdefghijklmnop',
      mode: 'text',
      text: 'Ik kreeg hulp.',
      consentUsage: ['leren', 'ervaringentafel'],
    });
    expect(input).not.toHaveProperty('vertelpuntId');
  });
});

describe('checks before the questions', () => {
  it('asks for a title and for some text', () => {
    expect(titleProblem('  ')).toBe('leeg');
    expect(titleProblem('x'.repeat(201))).toBe('teLang');
    expect(textProblem('Er gebeurde iets.')).toBeNull();
  });

  it('brings the teller back to the screen of a field the server refused', () => {
    expect(stepForField('answers.gevoel', 'audio')).toBe('q:gevoel');
    expect(stepForField('title', 'audio')).toBe('title');
    expect(stepForField('text', 'text')).toBe('type');
  });
});
