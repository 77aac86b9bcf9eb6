import type { Request } from 'express';
import type { Role } from '@vertelpunt/domain';

export type Actor = {
  userId: string;
  organisationId: string;
  roles: Role[];
  tokenHash: string;
};

/** What resolvers get: the request, its id, and who is asking (null when anonymous). */
export type RequestContext = {
  req: Request & { id?: string };
  actor: Actor | null;
  tokenHash: string | null;
};
