import { describe, expect, it } from 'vitest';
import {
  initialSendState,
  isSendable,
  nextAction,
  receiptStatus,
  retryDelaySeconds,
  summarise,
  transition,
  uploadPercent,
  type SendEvent,
  type SendState,
} from './outbox-machine';

const run = (events: SendEvent[], hasAudio: boolean, from: SendState = initialSendState(1000)) =>
  events.reduce((state, event) => transition(state, event, hasAudio), from);

const AT = '2025-11-23T10:00:00.000Z';

describe('outbox state machine', () => {
  it('sends a typed story with one createStory', () => {
    const state = run(
      [
        { type: 'start', at: AT },
        { type: 'created', serverStatus: 'RECEIVED' },
      ],
      false,
    );
    expect(state.status).toBe('done');
    expect(nextAction(state, false)).toBe('none');
  });

  it('creates the story first, then uploads its recording', () => {
    let state = initialSendState(1000);
    expect(nextAction(state, true)).toBe('create');
    state = run([{ type: 'start', at: AT }, { type: 'created' }], true, state);
    expect(state.status).toBe('uploading');
    expect(nextAction(state, true)).toBe('upload');
    state = run([{ type: 'progress', bytesSent: 400, bytesTotal: 1000 }], true, state);
    expect(uploadPercent(state)).toBe(40);
    state = run([{ type: 'uploaded', serverStatus: 'RECEIVED' }], true, state);
    expect(state).toMatchObject({ status: 'done', audioUploaded: true, bytesSent: 1000, serverStatus: 'RECEIVED' });
  });

  it('waits when the network goes mid-upload, and resumes the upload, not the story', () => {
    const lost = run([{ type: 'start', at: AT }, { type: 'created' }, { type: 'offline', reason: 'offline' }], true);
    expect(lost).toMatchObject({ status: 'waiting', storyCreated: true, waitReason: 'offline' });
    expect(isSendable(lost)).toBe(true);
    const again = run([{ type: 'start', at: AT }], true, lost);
    expect(again.status).toBe('uploading');
    expect(nextAction(again, true)).toBe('upload');
    expect(again.attempts).toBe(2);
  });

  it('keeps a story that a page closed mid-send sendable', () => {
    const interrupted = run([{ type: 'start', at: AT }], true);
    expect(interrupted.status).toBe('sending');
    expect(isSendable(interrupted)).toBe(true);
    expect(nextAction(interrupted, true)).toBe('create');
  });

  it('asks the teller to fix answers the server refused, with the problems per field', () => {
    const problems = [{ field: 'answers.gevoel', message: 'Kies 1 tot 2 verschillende archetypen.' }];
    const state = run(
      [
        { type: 'start', at: AT },
        { type: 'rejected', problems },
      ],
      false,
    );
    expect(state).toMatchObject({ status: 'needsFix', problems });
    expect(isSendable(state)).toBe(false);
    expect(receiptStatus(state, false, true)).toBe('needsFix');
  });

  it('stops for good on a revoked link, and after refused audio keeps the story', () => {
    expect(
      run(
        [
          { type: 'start', at: AT },
          { type: 'refused', message: 'Deze vertel-link werkt niet (meer).' },
        ],
        false,
      ).status,
    ).toBe('failed');
    const refused = run(
      [{ type: 'start', at: AT }, { type: 'created' }, { type: 'audioRefused', message: 'Dit bestand is leeg.' }],
      true,
    );
    expect(refused).toMatchObject({ status: 'audioRefused', storyCreated: true, message: 'Dit bestand is leeg.' });
    expect(nextAction(refused, true)).toBe('none');
  });

  it('never leaves done', () => {
    const done = run([{ type: 'start', at: AT }, { type: 'created' }], false);
    expect(
      run(
        [
          { type: 'offline', reason: 'server' },
          { type: 'start', at: AT },
        ],
        false,
        done,
      ).status,
    ).toBe('done');
  });

  it('ignores an upload that claims success before the story exists', () => {
    expect(run([{ type: 'uploaded' }], true).status).toBe('waiting');
  });

  it('backs off after server failures: 5 s, 15 s, 45 s, then at most 2 minutes', () => {
    expect([1, 2, 3, 4, 9].map(retryDelaySeconds)).toEqual([5, 15, 45, 120, 120]);
  });

  it('says honestly where the story is', () => {
    const waiting = run([{ type: 'offline', reason: 'offline' }], true);
    expect(receiptStatus(waiting, false, false)).toBe('waitingOffline');
    expect(receiptStatus(run([{ type: 'offline', reason: 'server' }], true), false, true)).toBe('waitingServer');
    expect(receiptStatus(run([{ type: 'offline', reason: 'session' }], true), false, true)).toBe('waitingSession');
    expect(receiptStatus(null, true, false)).toBe('onServer');
    expect(receiptStatus(run([{ type: 'start', at: AT }], true), false, true)).toBe('sending');
  });

  it('counts what waits, what goes and what needs the teller', () => {
    const states = [
      initialSendState(),
      run([{ type: 'start', at: AT }], false),
      run([{ type: 'rejected', problems: [] }], false),
    ];
    expect(summarise(states)).toEqual({ waiting: 1, sending: 1, attention: 1 });
  });
});
