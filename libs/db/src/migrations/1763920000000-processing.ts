import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 5: processing results: redacted titles, the failed step, story vectors and trained taggers. */
export class Processing1763920000000 implements MigrationInterface {
  name = 'Processing1763920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "story_vector" ("story_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "model" text NOT NULL, "vector" real array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c9f3b8edc18a9b3c54af75484b7" PRIMARY KEY ("story_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ab3087e691c377421c1d93fb67" ON "story_vector" ("organisation_id", "updated_at") `);
    await queryRunner.query(`CREATE TABLE "tagger_model" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "taxonomy_id" uuid NOT NULL, "model" jsonb NOT NULL, "label_count" integer NOT NULL DEFAULT '0', "trained_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c31b866dd8b06d73e1b52a9c9e5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2665eb6fcb7d426e2adec23614" ON "tagger_model" ("taxonomy_id") `);
    await queryRunner.query(`ALTER TABLE "story" ADD "redacted_title" text`);
    await queryRunner.query(`ALTER TABLE "story" ADD "failed_step" text`);
    await queryRunner.query(`ALTER TABLE "story" ADD "redacted_segments" jsonb`);
    await queryRunner.query(`ALTER TABLE "story_vector" ADD CONSTRAINT "FK_c9f3b8edc18a9b3c54af75484b7" FOREIGN KEY ("story_id") REFERENCES "story"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "story_vector" ADD CONSTRAINT "FK_0ba34cc2946e2b56064643ee84a" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tagger_model" ADD CONSTRAINT "FK_ac06bb7a4799b5aea2198065545" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tagger_model" ADD CONSTRAINT "FK_2665eb6fcb7d426e2adec236147" FOREIGN KEY ("taxonomy_id") REFERENCES "taxonomy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tagger_model" DROP CONSTRAINT "FK_2665eb6fcb7d426e2adec236147"`);
    await queryRunner.query(`ALTER TABLE "tagger_model" DROP CONSTRAINT "FK_ac06bb7a4799b5aea2198065545"`);
    await queryRunner.query(`ALTER TABLE "story_vector" DROP CONSTRAINT "FK_0ba34cc2946e2b56064643ee84a"`);
    await queryRunner.query(`ALTER TABLE "story_vector" DROP CONSTRAINT "FK_c9f3b8edc18a9b3c54af75484b7"`);
    await queryRunner.query(`ALTER TABLE "story" DROP COLUMN "redacted_segments"`);
    await queryRunner.query(`ALTER TABLE "story" DROP COLUMN "failed_step"`);
    await queryRunner.query(`ALTER TABLE "story" DROP COLUMN "redacted_title"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2665eb6fcb7d426e2adec23614"`);
    await queryRunner.query(`DROP TABLE "tagger_model"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab3087e691c377421c1d93fb67"`);
    await queryRunner.query(`DROP TABLE "story_vector"`);
  }
}
