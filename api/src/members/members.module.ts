import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MemberRepository } from '@vertelpunt/db';
import { AuthModule } from '../auth/auth.module';
import { DATA_SOURCE } from '../common/tokens';
import { MembersResolver } from './members.resolver';
import { MembersService } from './members.service';

@Module({
  imports: [AuthModule],
  providers: [{ provide: MemberRepository, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new MemberRepository(ds) }, MembersService, MembersResolver],
})
export class MembersModule {}
