import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The story page reads a story's own audit trail (tag decisions, audio access) without scanning the organisation's. */
export class AuditBySubject1763947000000 implements MigrationInterface {
  name = 'AuditBySubject1763947000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_6e9df7fa23df726a717c922426" ON "audit_event" ("organisation_id", "subject_type", "subject_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_6e9df7fa23df726a717c922426"`);
  }
}
