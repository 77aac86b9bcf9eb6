import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '@vertelpunt/config';
import { AnalysisRepository, AuditRepository, createDataSource, DataSubjectRepository, OrganisationRepository, TagRepository, QuestionnaireRepository, StoryRepository, UserRepository, VertelpuntRepository } from '@vertelpunt/db';
import { createAudioStorage } from '@vertelpunt/storage';
import { AUDIO_STORAGE } from './common/tokens';
import { createRedis, JobProducer } from '@vertelpunt/queue';
import { LOGGER } from './common/logger.provider';
import { CONFIG, DATA_SOURCE, REDIS } from './common/tokens';

const repository = <T>(cls: new (ds: DataSource) => T) => ({
  provide: cls,
  inject: [DATA_SOURCE],
  useFactory: (ds: DataSource) => new cls(ds),
});

/** Connections and repositories every module uses; closed in order on shutdown. */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        {
          provide: DATA_SOURCE,
          useFactory: () => createDataSource({ url: config.db.url, poolSize: config.db.poolSize, applicationName: 'vertelpunt-api' }).initialize(),
        },
        // Producers fail fast when Redis is away; the story is already stored and the recovery sweep re-queues it.
        { provide: REDIS, useFactory: () => createRedis(config.redis.url, { maxRetriesPerRequest: 2 }) },
        { provide: JobProducer, inject: [REDIS], useFactory: (redis: IORedis) => new JobProducer(redis, config.redis.keyPrefix, (err) => logger.warn({ err }, 'queue connection error')) },
        repository(StoryRepository),
        repository(UserRepository),
        repository(VertelpuntRepository),
        repository(OrganisationRepository),
        repository(QuestionnaireRepository),
        repository(TagRepository),
        repository(AnalysisRepository),
        repository(AuditRepository),
        repository(DataSubjectRepository),
        { provide: AUDIO_STORAGE, useFactory: () => createAudioStorage(config) },
      ],
      exports: [CONFIG, LOGGER, DATA_SOURCE, REDIS, JobProducer, StoryRepository, UserRepository, VertelpuntRepository, OrganisationRepository, QuestionnaireRepository, TagRepository, AuditRepository, AnalysisRepository, DataSubjectRepository, AUDIO_STORAGE],
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
