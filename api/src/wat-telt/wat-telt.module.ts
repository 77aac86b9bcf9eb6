import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { WatTeltRepository } from '@vertelpunt/db';
import { DATA_SOURCE } from '../common/tokens';
import { ImpactService } from './impact.service';
import { WatTeltResolver } from './wat-telt.resolver';
import { WatTeltService } from './wat-telt.service';

@Module({
  providers: [
    { provide: WatTeltRepository, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new WatTeltRepository(ds) },
    WatTeltService,
    ImpactService,
    WatTeltResolver,
  ],
})
export class WatTeltModule {}
