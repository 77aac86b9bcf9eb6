import { describe, expect, it } from 'vitest';
import { eventForCreateStory, eventForUploadError } from './send-results';

describe('eventForCreateStory', () => {
  it('reads StoryCreated and StoryRejected', () => {
    expect(
      eventForCreateStory(200, {
        data: { createStory: { __typename: 'StoryCreated', story: { id: 'x', status: 'RECEIVED' } } },
      }),
    ).toEqual({ type: 'created', serverStatus: 'RECEIVED' });
    expect(
      eventForCreateStory(200, {
        data: {
          createStory: { __typename: 'StoryRejected', problems: [{ field: 'title', message: 'Geef een titel.' }] },
        },
      }),
    ).toEqual({ type: 'rejected', problems: [{ field: 'title', message: 'Geef een titel.' }] });
  });

  it('turns BAD_USER_INPUT fields into problems per field', () => {
    const body = {
      errors: [
        {
          message: 'Er klopt iets niet.',
          extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'answers.wijk', message: 'Kies één wijk.' }] },
        },
      ],
    };
    expect(eventForCreateStory(200, body)).toEqual({
      type: 'rejected',
      problems: [{ field: 'answers.wijk', message: 'Kies één wijk.' }],
    });
  });

  it('refuses for good on a revoked link or a closed vertelpunt', () => {
    const body = { errors: [{ message: 'Deze vertel-link werkt niet (meer).', extensions: { code: 'NOT_FOUND' } }] };
    expect(eventForCreateStory(200, body)).toEqual({ type: 'refused', message: 'Deze vertel-link werkt niet (meer).' });
  });

  it('waits for a new login, and for a server that is down or answered with something else', () => {
    expect(
      eventForCreateStory(401, { errors: [{ message: 'Log in.', extensions: { code: 'UNAUTHENTICATED' } }] }),
    ).toEqual({
      type: 'offline',
      reason: 'session',
      message: 'Log in.',
    });
    expect(eventForCreateStory(502, undefined)).toEqual({ type: 'offline', reason: 'server' });
    expect(eventForCreateStory(500, { errors: [{ message: 'x', extensions: { code: 'INTERNAL' } }] })).toEqual({
      type: 'offline',
      reason: 'server',
    });
    expect(eventForCreateStory(200, { data: {} })).toEqual({ type: 'offline', reason: 'server' });
  });
});

describe('eventForUploadError', () => {
  it('tells no network apart from a server that is down', () => {
    expect(eventForUploadError(0, '', false)).toEqual({ type: 'offline', reason: 'offline' });
    expect(eventForUploadError(0, '', true)).toEqual({ type: 'offline', reason: 'server' });
    expect(eventForUploadError(503, '', true)).toEqual({ type: 'offline', reason: 'server' });
  });

  it('passes on the API sentence for refused audio', () => {
    expect(eventForUploadError(422, 'Dit geluidsbestand is leeg of kapot.\n', true)).toEqual({
      type: 'audioRefused',
      message: 'Dit geluidsbestand is leeg of kapot.',
    });
  });

  it('waits for a login on 401 and stops on 403', () => {
    expect(eventForUploadError(401, '', true)).toEqual({ type: 'offline', reason: 'session' });
    expect(eventForUploadError(403, 'Niet jouw verhaal.', true)).toEqual({
      type: 'refused',
      message: 'Niet jouw verhaal.',
    });
  });
});
