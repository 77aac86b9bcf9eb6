import { createHash } from 'node:crypto';
import type IORedis from 'ioredis';

const WINDOW_MS = 60_000;

/** Who a request counts against: the logged-in user, else the vertel-link it tells through; else nobody. */
export const rateLimitSubject = (userId: string | null | undefined, variables: Record<string, unknown> | undefined): string | null => {
  if (userId) return `user:${userId}`;
  const input = variables?.input as Record<string, unknown> | undefined;
  const token = [input?.vertelToken, variables?.vertelToken, variables?.token].find((v): v is string => typeof v === 'string' && v.length > 0);
  // The link itself is a secret: only its hash goes to Redis.
  return token ? `link:${createHash('sha256').update(token).digest('hex').slice(0, 32)}` : null;
};

/**
 * Requests per subject per minute, counted in Redis so every API instance shares the count. When Redis is away the
 * request is let through: a teller's story matters more than the limit, and the database still has its own guards.
 */
export class RateLimiter {
  constructor(
    private readonly redis: IORedis,
    private readonly keyPrefix: string,
    private readonly perMinute: number,
  ) {}

  async allow(subject: string): Promise<boolean> {
    if (this.perMinute <= 0) return true;
    const key = `${this.keyPrefix}:rate:${subject}:${Math.floor(Date.now() / WINDOW_MS)}`;
    try {
      const results = await this.redis.multi().incr(key).pexpire(key, WINDOW_MS + 1000).exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      return count <= this.perMinute;
    } catch {
      return true;
    }
  }
}
