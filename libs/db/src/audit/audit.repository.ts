import type { DataSource } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

export type AuditEntry = {
  organisationId: string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details?: Record<string, string | number | boolean | null>;
};

/** Who did what to which subject; never the content itself. */
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.dataSource.getRepository(AuditEventEntity).insert({ ...entry, details: entry.details ?? {} });
  }
}
