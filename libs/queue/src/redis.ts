import IORedis, { type RedisOptions } from 'ioredis';

/** BullMQ needs `maxRetriesPerRequest: null` on worker connections so a Redis restart pauses instead of failing jobs. */
export const createRedis = (url: string, options: RedisOptions = {}) =>
  new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
