import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { TafelRepository } from '@vertelpunt/db';
import { DATA_SOURCE } from '../common/tokens';
import { AuthModule } from '../auth/auth.module';
import { PrintPackController } from './print-pack.controller';
import { TafelsResolver } from './tafels.resolver';
import { TafelsService } from './tafels.service';

@Module({
  imports: [AuthModule],
  controllers: [PrintPackController],
  providers: [
    { provide: TafelRepository, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new TafelRepository(ds) },
    TafelsService,
    TafelsResolver,
  ],
})
export class TafelsModule {}
