/** The closed list of expected failures; one GraphQL filter maps them to `extensions.code`. */
export type DomainErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'BAD_USER_INPUT' | 'CONFLICT';

export type FieldProblem = { field: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} niet gevonden.`);
export const forbidden = (message = 'Je hebt geen toegang tot dit onderdeel.') => new DomainError('FORBIDDEN', message);
