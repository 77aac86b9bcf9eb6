import { DomainError } from '@vertelpunt/domain';
import type { StoryCursor } from '@vertelpunt/db';

export const encodeCursor = (c: StoryCursor) => Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString('base64url');

export const decodeCursor = (value: string): StoryCursor => {
  const [iso, id] = Buffer.from(value, 'base64url').toString().split('|');
  const createdAt = new Date(iso ?? '');
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) {
    throw new DomainError('BAD_USER_INPUT', 'Ongeldige cursor.', [{ field: 'after', message: 'Ongeldige cursor.' }]);
  }
  return { createdAt, id };
};
