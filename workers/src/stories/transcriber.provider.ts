import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@vertelpunt/config';
import { createTranscriber, type Transcriber } from '@vertelpunt/ml';
import { CONFIG } from '../tokens';

/** One Whisper model per worker process, loaded on the first recording (loading takes seconds and memory). */
@Injectable()
export class TranscriberProvider implements OnApplicationShutdown {
  private loading: Promise<Transcriber> | null = null;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  get(): Promise<Transcriber> {
    this.loading ??= createTranscriber({
      modelsDir: this.config.models.dir,
      modelId: this.config.models.whisperModel,
      dtype: this.config.models.whisperDtype,
      threads: this.config.models.threads,
    }).catch((error: unknown) => {
      this.loading = null; // a later job may find the weights installed
      throw error;
    });
    return this.loading;
  }

  async onApplicationShutdown() {
    if (this.loading) await (await this.loading.catch(() => null))?.close();
  }
}
