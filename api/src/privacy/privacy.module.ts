import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuditLogService } from './audit-log.service';
import { DataSubjectExportController } from './data-subject-export.controller';
import { DataSubjectsService } from './data-subjects.service';
import { PrivacyResolver } from './privacy.resolver';

@Module({
  imports: [AuthModule],
  controllers: [DataSubjectExportController],
  providers: [DataSubjectsService, AuditLogService, PrivacyResolver],
})
export class PrivacyModule {}
