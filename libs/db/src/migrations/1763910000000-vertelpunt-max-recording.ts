import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 4: a configurable maximum recording length per vertelpunt (default 15 minutes). */
export class VertelpuntMaxRecording1763910000000 implements MigrationInterface {
  name = 'VertelpuntMaxRecording1763910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vertelpunt" ADD "max_recording_seconds" integer NOT NULL DEFAULT '900'`);
    await queryRunner.query(
      `ALTER TABLE "vertelpunt" ADD CONSTRAINT "vertelpunt_max_recording_valid" CHECK (max_recording_seconds BETWEEN 30 AND 7200)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vertelpunt" DROP CONSTRAINT "vertelpunt_max_recording_valid"`);
    await queryRunner.query(`ALTER TABLE "vertelpunt" DROP COLUMN "max_recording_seconds"`);
  }
}
