import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { access, constants, mkdir } from 'node:fs/promises';
import type IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { Config } from '@vertelpunt/config';
import { CONFIG, DATA_SOURCE, REDIS } from '../common/tokens';

const withTimeout = <T>(promise: Promise<T>, ms = 2000) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

const check = async (fn: () => Promise<unknown>) => {
  try {
    await withTimeout(fn());
    return 'ok';
  } catch {
    return 'down';
  }
};

@Controller()
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  @HttpCode(200)
  healthz() {
    return { status: 'ok' };
  }

  /** Readiness: Postgres, Redis and audio storage are reachable. */
  @Get('readyz')
  async readyz(@Res() res: Response) {
    const checks = {
      postgres: await check(() => this.dataSource.query('SELECT 1')),
      redis: await check(() => this.redis.ping()),
      storage: await check(async () => {
        await mkdir(this.config.storage.audioDir, { recursive: true });
        await access(this.config.storage.audioDir, constants.W_OK);
      }),
    };
    const ready = Object.values(checks).every((c) => c === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', checks });
  }
}
