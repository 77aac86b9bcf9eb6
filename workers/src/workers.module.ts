import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '@vertelpunt/config';
import { AnalysisRepository, AuditRepository, ChartCubeRepository, createDataSource, DataSubjectRepository, RetentionRepository, StoryRecoveryRepository, StoryRepository, TafelRepository } from '@vertelpunt/db';
import { createAudioStorage } from '@vertelpunt/storage';
import { createRedis, JobProducer } from '@vertelpunt/queue';
import { JOB_PROCESSORS, type JobProcessor } from './job-processor';
import { ChartCubeKeeper } from './stories/chart-cube-keeper';
import { RecoverySweep } from './stories/recovery-sweep';
import { AnalyseStoryProcessor } from './stories/analyse-story.processor';
import { RedactStoryProcessor } from './stories/redact-story.processor';
import { RetrainTaxonomyProcessor } from './stories/retrain-taxonomy.processor';
import { StoryReceivedProcessor } from './stories/story-received.processor';
import { StoryVectors } from './stories/story-vectors';
import { TaggersService } from './stories/taggers.service';
import { TranscribeStoryProcessor } from './stories/transcribe-story.processor';
import { TranscriberProvider } from './stories/transcriber.provider';
import { TafelPrintPackProcessor } from './tafels/print-pack.processor';
import { RetentionProcessor } from './privacy/retention.processor';
import { AUDIO_STORAGE, CONFIG, DATA_SOURCE, LOGGER, REDIS } from './tokens';
import { WorkerHost } from './worker-host';

const PROCESSORS = [StoryReceivedProcessor, TranscribeStoryProcessor, RedactStoryProcessor, AnalyseStoryProcessor, RetrainTaxonomyProcessor, TafelPrintPackProcessor, RetentionProcessor];

const repository = <T>(cls: new (ds: DataSource) => T) => ({ provide: cls, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new cls(ds) });

@Module({})
export class WorkersModule implements OnApplicationShutdown {
  static forRoot(config: Config): DynamicModule {
    return {
      module: WorkersModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: LOGGER, useValue: pino({ level: config.log.level, base: { app: 'workers' } }) },
        {
          provide: DATA_SOURCE,
          useFactory: () => createDataSource({ url: config.db.url, poolSize: config.db.poolSize, applicationName: 'vertelpunt-workers' }).initialize(),
        },
        { provide: REDIS, useFactory: () => createRedis(config.redis.url) },
        {
          provide: JobProducer,
          inject: [REDIS, LOGGER],
          useFactory: (redis: IORedis, logger: Logger) => new JobProducer(redis, config.redis.keyPrefix, (err) => logger.warn({ err }, 'queue connection error')),
        },
        repository(StoryRepository),
        repository(StoryRecoveryRepository),
        repository(AnalysisRepository),
        repository(TafelRepository),
        repository(AuditRepository),
        repository(DataSubjectRepository),
        repository(RetentionRepository),
        repository(ChartCubeRepository),
        { provide: AUDIO_STORAGE, useFactory: () => createAudioStorage(config) },
        TranscriberProvider,
        TaggersService,
        StoryVectors,
        ...PROCESSORS,
        { provide: JOB_PROCESSORS, inject: PROCESSORS, useFactory: (...processors: JobProcessor[]) => processors },
        WorkerHost,
        RecoverySweep,
        ChartCubeKeeper,
      ],
    };
  }

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly producer: JobProducer,
  ) {}

  async onApplicationShutdown() {
    await this.producer.close();
    this.redis.disconnect();
    await this.dataSource.destroy();
  }
}
