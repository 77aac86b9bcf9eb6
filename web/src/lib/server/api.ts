import { env } from '$env/dynamic/private';
import { translate } from '$lib/i18n';

/**
 * The codes the API puts in `extensions.code`, plus `UNAVAILABLE` for when no GraphQL answer came
 * back at all (network down, timeout, a proxy's HTML error page). Callers tell "your session is
 * gone" (UNAUTHENTICATED) apart from "we could not ask" (UNAVAILABLE) by it.
 */
export const API_ERROR_CODES = [
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
  'UNAVAILABLE',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export type FieldProblem = { field: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApiError';
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

export const UNAVAILABLE_MESSAGE = translate('nl', 'fouten.onbereikbaar');
export const INTERNAL_MESSAGE = translate('nl', 'fouten.intern');

const DEFAULT_API_URL = 'http://127.0.0.1:4000';
const TIMEOUT_MS = 15_000;

/** Codes whose message the API writes for people (in Dutch); anything else gets our own text. */
const PASSED_ON: ReadonlySet<string> = new Set([
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const toFields = (value: unknown): FieldProblem[] =>
  Array.isArray(value)
    ? value
        .filter(
          (item): item is FieldProblem =>
            isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string',
        )
        .map(({ field, message }) => ({ field, message }))
    : [];

/**
 * The first GraphQL error as an `ApiError`. Unknown codes (Apollo's own GRAPHQL_VALIDATION_FAILED,
 * a missing code) become INTERNAL with a Dutch message; the original stays in `cause` for the log.
 */
export const toApiError = (errors: unknown): ApiError => {
  const first = Array.isArray(errors) ? errors[0] : undefined;
  if (!isRecord(first)) return new ApiError('INTERNAL', INTERNAL_MESSAGE, [], { cause: errors });
  const extensions = isRecord(first.extensions) ? first.extensions : {};
  const code = typeof extensions.code === 'string' ? extensions.code : '';
  const message = typeof first.message === 'string' && first.message.trim() !== '' ? first.message : '';
  if (PASSED_ON.has(code)) {
    return new ApiError(code as ApiErrorCode, message || INTERNAL_MESSAGE, toFields(extensions.fields), {
      cause: first,
    });
  }
  // The API's own INTERNAL message is written for people; other servers' messages are not.
  const text = code === 'INTERNAL' && message ? message : INTERNAL_MESSAGE;
  return new ApiError('INTERNAL', text, [], { cause: first });
};

/** Reads a parsed GraphQL response body: its data, or the error it carries. */
export const readGraphqlBody = <T>(status: number, body: unknown): T => {
  if (!isRecord(body)) {
    throw new ApiError(
      status >= 500 ? 'UNAVAILABLE' : 'INTERNAL',
      status >= 500 ? UNAVAILABLE_MESSAGE : INTERNAL_MESSAGE,
    );
  }
  if (Array.isArray(body.errors) && body.errors.length > 0) throw toApiError(body.errors);
  if (!isRecord(body.data)) throw new ApiError('INTERNAL', INTERNAL_MESSAGE, [], { cause: body });
  return body.data as T;
};

export const apiGraphqlUrl = (): string => {
  const base = env.API_URL?.trim() || DEFAULT_API_URL;
  return `${base.replace(/\/+$/, '')}/graphql`;
};

export type GraphqlOptions = {
  /** The session token from the `vp_session` cookie. */
  token?: string | null;
  /** The active organisation; the API scopes every query to it. */
  organisationId?: string | null;
  /** For tests and for SvelteKit's `event.fetch`; defaults to the global fetch. */
  fetch?: typeof fetch;
};

/** One GraphQL request to the API. Throws `ApiError` for every failure, never anything else. */
export const graphql = async <T>(
  query: string,
  variables: Record<string, unknown> = {},
  options: GraphqlOptions = {},
): Promise<T> => {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.organisationId) headers['x-organisation-id'] = options.organisationId;

  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(apiGraphqlUrl(), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new ApiError('UNAVAILABLE', UNAVAILABLE_MESSAGE, [], { cause });
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    // Not JSON: a gateway's error page or a half-written answer, so no GraphQL server answered.
    throw new ApiError('UNAVAILABLE', UNAVAILABLE_MESSAGE, [], { cause });
  }
  return readGraphqlBody<T>(response.status, body);
};
