import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * AVG rights (issue 8): tombstones so every API process drops an erased story from its similarity index, a durable
 * list of stored files still to remove after an erasure, the audit log page's filter by action, and insights that
 * may lose every linked story (an erased story leaves the list; the insight keeps its text).
 */
export class PrivacyErasure1764200000000 implements MigrationInterface {
  name = 'PrivacyErasure1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tafel_insight" DROP CONSTRAINT "tafel_insight_has_stories"`);
    await queryRunner.query(`CREATE TABLE "pending_file_deletion" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "kind" text NOT NULL, "key" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_873ca150205b1478fea18427762" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_56b3ac52ead1e4dee7e593b668" ON "pending_file_deletion" ("created_at") `);
    await queryRunner.query(`CREATE TABLE "story_vector_removal" ("story_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7cf42d9489e7dccf4036799b2d" PRIMARY KEY ("story_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_1cc70fe0eb47ff8bccb42426cd" ON "story_vector_removal" ("organisation_id", "removed_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_ecf885bb53eccd81858e6fafea" ON "audit_event" ("organisation_id", "action", "created_at") `);
    await queryRunner.query(`ALTER TABLE "pending_file_deletion" ADD CONSTRAINT "FK_a60d4f4c3479dd77deb4fe0a8a2" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "story_vector_removal" ADD CONSTRAINT "FK_1ed887aea550579cfa321f3946c" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "story_vector_removal" DROP CONSTRAINT "FK_1ed887aea550579cfa321f3946c"`);
    await queryRunner.query(`ALTER TABLE "pending_file_deletion" DROP CONSTRAINT "FK_a60d4f4c3479dd77deb4fe0a8a2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ecf885bb53eccd81858e6fafea"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1cc70fe0eb47ff8bccb42426cd"`);
    await queryRunner.query(`DROP TABLE "story_vector_removal"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_56b3ac52ead1e4dee7e593b668"`);
    await queryRunner.query(`DROP TABLE "pending_file_deletion"`);
    // Insights that lost every story keep their text; NOT VALID leaves them be and checks new rows only.
    await queryRunner.query(`ALTER TABLE "tafel_insight" ADD CONSTRAINT "tafel_insight_has_stories" CHECK ((cardinality(story_ids) > 0)) NOT VALID`);
  }
}
