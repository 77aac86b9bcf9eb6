import type { FieldProblem, SendEvent } from './outbox-machine';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const problemsOf = (value: unknown): FieldProblem[] =>
  Array.isArray(value)
    ? value.flatMap((p) =>
        isRecord(p) && typeof p.field === 'string' && typeof p.message === 'string'
          ? [{ field: p.field, message: p.message }]
          : [],
      )
    : [];

/**
 * What a createStory answer means for the outbox. `body` is the parsed JSON, or undefined when the
 * answer was not JSON (a proxy's error page): then nobody we trust answered, so we try again later.
 */
export const eventForCreateStory = (httpStatus: number, body: unknown): SendEvent => {
  if (!isRecord(body)) return { type: 'offline', reason: 'server' };
  const errors = Array.isArray(body.errors) ? body.errors : [];
  if (errors.length > 0) {
    const first = isRecord(errors[0]) ? errors[0] : {};
    const extensions = isRecord(first.extensions) ? first.extensions : {};
    const message = typeof first.message === 'string' ? first.message : '';
    switch (extensions.code) {
      case 'UNAUTHENTICATED':
        return { type: 'offline', reason: 'session', message: message || null };
      case 'BAD_USER_INPUT': {
        const problems = problemsOf(extensions.fields);
        return { type: 'rejected', problems: problems.length > 0 ? problems : [{ field: '', message }] };
      }
      case 'FORBIDDEN':
      case 'NOT_FOUND':
      case 'CONFLICT':
        return { type: 'refused', message };
      default:
        // INTERNAL, UNAVAILABLE, a gateway: not the story's fault, so it waits and goes again.
        return { type: 'offline', reason: 'server' };
    }
  }
  if (httpStatus >= 500) return { type: 'offline', reason: 'server' };
  const data = isRecord(body.data) ? body.data : {};
  const result = isRecord(data.createStory) ? data.createStory : null;
  if (result?.__typename === 'StoryCreated') {
    const story = isRecord(result.story) ? result.story : {};
    return { type: 'created', serverStatus: typeof story.status === 'string' ? story.status : null };
  }
  if (result?.__typename === 'StoryRejected') return { type: 'rejected', problems: problemsOf(result.problems) };
  return { type: 'offline', reason: 'server' };
};

/**
 * What a failed tus upload means. `status` is the HTTP status of the last answer (0 when none came:
 * the network is gone), `body` its text. 422 and 413 carry the API's Dutch sentence about the audio.
 */
export const eventForUploadError = (status: number, body: string, online: boolean): SendEvent => {
  if (status === 0) return { type: 'offline', reason: online ? 'server' : 'offline' };
  if (status === 422 || status === 413 || status === 415) {
    return { type: 'audioRefused', message: body.trim().slice(0, 500) };
  }
  if (status === 401) return { type: 'offline', reason: 'session' };
  if (status === 403) return { type: 'refused', message: body.trim().slice(0, 500) };
  return { type: 'offline', reason: 'server' };
};
