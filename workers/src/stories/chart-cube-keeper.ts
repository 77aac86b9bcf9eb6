import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { ChartCubeRepository } from '@vertelpunt/db';
import { LOGGER } from '../tokens';

/** How often changed cells of the chart cube are recounted in the background. */
const EVERY_MS = 30_000;

/**
 * Keeps the chart cube (issue 6) close to the facts: every half minute it recounts the cells that stories changed in
 * (processing, tag decisions, answers, erasure). A chart recounts what is still left itself, so this is for speed
 * and to keep the list of changed cells short, not for correctness.
 */
@Injectable()
export class ChartCubeKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly cube: ChartCubeRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.keep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }

  async keep(): Promise<number> {
    let refreshed = 0;
    try {
      for (const organisationId of await this.cube.organisationsWithChanges()) {
        await this.cube.refresh(organisationId);
        refreshed += 1;
      }
    } catch (error) {
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'chart cube refresh failed; next round retries');
    }
    return refreshed;
  }
}
