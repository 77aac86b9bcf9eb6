import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 6 (Verhalen explorer): Dutch full-text search over the REDACTED title and text, a word count for the
 * length filter, and the indexes the filters use. A trigger keeps both columns current: they stay NULL until the
 * redact step stores redacted text, so raw text or a raw transcript never reaches the search index.
 */
export class ExplorerSearch1763945000000 implements MigrationInterface {
  name = 'ExplorerSearch1763945000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "story" ADD "search_document" tsvector`);
    await queryRunner.query(`ALTER TABLE "story" ADD "word_count" integer`);
    await queryRunner.query(`CREATE FUNCTION story_search_fields() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.redacted_text IS NULL THEN
          NEW.search_document := NULL;
          NEW.word_count := NULL;
        ELSE
          NEW.search_document := setweight(to_tsvector('dutch', coalesce(NEW.redacted_title, '')), 'A')
                              || setweight(to_tsvector('dutch', NEW.redacted_text), 'B');
          NEW.word_count := coalesce(array_length(regexp_split_to_array(btrim(NEW.redacted_text), '\\s+'), 1), 0);
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER story_search_fields BEFORE INSERT OR UPDATE OF redacted_text, redacted_title ON "story" FOR EACH ROW EXECUTE FUNCTION story_search_fields()`,
    );
    // Fire the trigger once for stories that were redacted before this migration.
    await queryRunner.query(`UPDATE "story" SET redacted_text = redacted_text WHERE redacted_text IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_story_search_document" ON "story" USING gin ("search_document")`);
    await queryRunner.query(`CREATE INDEX "IDX_story_explore_told_at" ON "story" ("organisation_id", "told_at") WHERE status IN ('READY', 'REDACTED')`);
    await queryRunner.query(
      `CREATE INDEX "IDX_story_explore_created" ON "story" ("organisation_id", "created_at" DESC, "id" DESC) WHERE status IN ('READY', 'REDACTED')`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_story_tag_explore" ON "story_tag" ("organisation_id", "tag_id", "story_id") WHERE state <> 'rejected'`);
    await queryRunner.query(`CREATE INDEX "IDX_answer_explore_question" ON "answer" ("organisation_id", "question_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_answer_explore_options" ON "answer" USING gin (("value" -> 'optionIds'))`);
    await queryRunner.query(`CREATE INDEX "IDX_answer_explore_archetypes" ON "answer" USING gin (("value" -> 'archetypeIds'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_answer_explore_archetypes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_answer_explore_options"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_answer_explore_question"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_story_tag_explore"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_story_explore_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_story_explore_told_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_story_search_document"`);
    await queryRunner.query(`DROP TRIGGER story_search_fields ON "story"`);
    await queryRunner.query(`DROP FUNCTION story_search_fields()`);
    await queryRunner.query(`ALTER TABLE "story" DROP COLUMN "word_count"`);
    await queryRunner.query(`ALTER TABLE "story" DROP COLUMN "search_document"`);
  }
}
