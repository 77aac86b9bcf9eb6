import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { env } from '$env/dynamic/private';
import { ApiError, UNAVAILABLE_MESSAGE, graphql, toApiError } from './api';

type Received = { headers: IncomingMessage['headers']; body: { query: string; variables: Record<string, unknown> } };
type Reply = { status?: number; json?: unknown; raw?: string };

/** A real HTTP server that answers like a GraphQL endpoint, with the reply each test sets. */
let server: Server;
let reply: Reply = {};
let received: Received[] = [];

const answer = (request: IncomingMessage, response: ServerResponse) => {
  let text = '';
  request.on('data', (chunk: Buffer) => (text += chunk.toString()));
  request.on('end', () => {
    received.push({ headers: request.headers, body: JSON.parse(text) });
    response.statusCode = reply.status ?? 200;
    if (reply.raw !== undefined) {
      response.setHeader('content-type', 'text/html');
      response.end(reply.raw);
      return;
    }
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(reply.json));
  });
};

const catchApiError = async (promise: Promise<unknown>): Promise<ApiError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
};

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env.API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  reply = {};
  received = [];
});

describe('graphql', () => {
  it('posts the query and variables to /graphql with the session and organisation headers', async () => {
    reply = { json: { data: { stories: { edges: [] } } } };

    const data = await graphql<{ stories: { edges: unknown[] } }>(
      'query Stories($first: Int) { stories(first: $first) { edges { cursor } } }',
      { first: 20 },
      { token: 'abc123', organisationId: 'org-1' },
    );

    expect(data).toEqual({ stories: { edges: [] } });
    expect(received).toHaveLength(1);
    expect(received[0].headers.authorization).toBe('Bearer abc123');
    expect(received[0].headers['x-organisation-id']).toBe('org-1');
    expect(received[0].headers['content-type']).toBe('application/json');
    expect(received[0].body.variables).toEqual({ first: 20 });
  });

  it('sends no authorization or organisation header without a session', async () => {
    reply = { json: { data: { login: { token: 't' } } } };
    await graphql('mutation { login }');
    expect(received[0].headers.authorization).toBeUndefined();
    expect(received[0].headers['x-organisation-id']).toBeUndefined();
  });

  it('passes on the Dutch message of wrong credentials as UNAUTHENTICATED', async () => {
    reply = {
      json: {
        data: null,
        errors: [{ message: 'E-mailadres of wachtwoord klopt niet.', extensions: { code: 'UNAUTHENTICATED' } }],
      },
    };
    const error = await catchApiError(graphql('mutation Login { login }'));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toBe('E-mailadres of wachtwoord klopt niet.');
    expect(error.fields).toEqual([]);
  });

  it('keeps the field problems of BAD_USER_INPUT', async () => {
    reply = {
      json: {
        errors: [
          {
            message: 'Controleer wat je hebt ingevuld.',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [{ field: 'email', message: 'Vul een geldig e-mailadres in.' }],
            },
          },
        ],
      },
    };
    const error = await catchApiError(graphql('mutation Login { login }'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual([{ field: 'email', message: 'Vul een geldig e-mailadres in.' }]);
  });

  it('reads a 400 answer with GraphQL errors as those errors', async () => {
    reply = {
      status: 400,
      json: {
        errors: [
          { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        ],
      },
    };
    const error = await catchApiError(graphql('{ nope }'));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('Er ging iets mis aan onze kant. Probeer het later opnieuw.');
  });

  it('says the server is unreachable when a gateway answers with HTML', async () => {
    reply = { status: 502, raw: '<html><body>Bad Gateway</body></html>' };
    const error = await catchApiError(graphql('{ me { id } }'));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe('De server is even niet bereikbaar. Probeer het zo opnieuw.');
  });

  it('says the server is unreachable when nothing listens', async () => {
    const previous = env.API_URL;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    env.API_URL = `http://127.0.0.1:${port}`;
    try {
      const error = await catchApiError(graphql('{ me { id } }'));
      expect(error.code).toBe('UNAVAILABLE');
      expect(error.message).toBe(UNAVAILABLE_MESSAGE);
    } finally {
      env.API_URL = previous;
    }
  });
});

describe('toApiError', () => {
  it.each(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT', 'CONFLICT'] as const)(
    'keeps %s with the API message',
    (code) => {
      const error = toApiError([{ message: 'Bericht van de API.', extensions: { code } }]);
      expect(error).toBeInstanceOf(ApiError);
      expect(error.code).toBe(code);
      expect(error.message).toBe('Bericht van de API.');
    },
  );

  it("keeps the API's own INTERNAL message", () => {
    const error = toApiError([{ message: 'Er ging iets mis bij het opslaan.', extensions: { code: 'INTERNAL' } }]);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('Er ging iets mis bij het opslaan.');
  });

  it('turns an error without a code into INTERNAL with a Dutch message', () => {
    const error = toApiError([{ message: 'Unexpected token < in JSON' }]);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('Er ging iets mis aan onze kant. Probeer het later opnieuw.');
  });

  it('drops field problems that are not {field, message}', () => {
    const error = toApiError([
      {
        message: 'Niet goed.',
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'a', message: 'x' }, { field: 1 }, 'b', null] },
      },
    ]);
    expect(error.fields).toEqual([{ field: 'a', message: 'x' }]);
  });

  it('copes with something that is not a list of errors', () => {
    expect(toApiError(undefined).code).toBe('INTERNAL');
    expect(toApiError([]).code).toBe('INTERNAL');
  });
});
