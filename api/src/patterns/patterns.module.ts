import { Module } from '@nestjs/common';
import { PatternsRepository } from '@vertelpunt/db';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../common/tokens';
import { ProcessingModule } from '../processing/processing.module';
import { PatternsResolver } from './patterns.resolver';
import { PatternsService } from './patterns.service';

@Module({
  imports: [ProcessingModule],
  providers: [
    { provide: PatternsRepository, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new PatternsRepository(ds) },
    PatternsService,
    PatternsResolver,
  ],
})
export class PatternsModule {}
