import { Module } from '@nestjs/common';
import { ExplorerRepository } from '@vertelpunt/db';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../common/tokens';
import { ProcessingModule } from '../processing/processing.module';
import { ExplorerResolver } from './explorer.resolver';
import { ExplorerService } from './explorer.service';

@Module({
  imports: [ProcessingModule],
  providers: [
    { provide: ExplorerRepository, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new ExplorerRepository(ds) },
    ExplorerService,
    ExplorerResolver,
  ],
})
export class ExplorerModule {}
