import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 6 (Verhalen explorer): Dutch full-text search over the REDACTED title and text, a word count for the
 * length filter, and the indexes the filters use. A trigger keeps both columns current: they stay NULL until the
 * redact step stores redacted text, so raw text or a raw transcript never reaches the search index.
 * `story_answer_option` holds the answers' chosen options as rows for the archetype, leefgebied and choice filters.
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
    // The answers' chosen options as rows, so "stories with archetype X / option Y" is an index-only lookup.
    await queryRunner.query(`CREATE TABLE "story_answer_option" ("organisation_id" uuid NOT NULL, "question_id" text NOT NULL, "option_id" text NOT NULL, "story_id" uuid NOT NULL, "kind" text NOT NULL, CONSTRAINT "story_answer_option_kind_valid" CHECK (kind IN ('archetype','leefgebied','choice')), CONSTRAINT "PK_bb98d8c01992dee4868e1f0ead9" PRIMARY KEY ("organisation_id", "question_id", "option_id", "story_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_story_answer_option_kind" ON "story_answer_option" ("organisation_id", "kind", "option_id", "story_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_story_answer_option_story" ON "story_answer_option" ("story_id", "question_id")`);
    await queryRunner.query(`ALTER TABLE "story_answer_option" ADD CONSTRAINT "FK_bd91b7ebf9af325be343826eed9" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "story_answer_option" ADD CONSTRAINT "FK_2e8029f483203cef57596bc7875" FOREIGN KEY ("story_id") REFERENCES "story"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Set-based statement triggers (transition tables): a bulk insert of answers costs one extra statement, not one per row.
    await queryRunner.query(`CREATE FUNCTION story_answer_option_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          DELETE FROM story_answer_option o USING old_rows d WHERE o.story_id = d.story_id AND o.question_id = d.question_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO story_answer_option (organisation_id, question_id, option_id, story_id, kind)
          SELECT n.organisation_id, n.question_id, o.option_id, n.story_id,
                 CASE WHEN n.value ->> 'kind' = 'archetypes' THEN 'archetype'
                      WHEN EXISTS (SELECT 1 FROM story s JOIN questionnaire_version qv ON qv.id = s.questionnaire_version_id,
                                          jsonb_array_elements(qv.questions) q
                                    WHERE s.id = n.story_id AND q ->> 'id' = n.question_id AND q ->> 'type' = 'leefgebied') THEN 'leefgebied'
                      ELSE 'choice' END
            FROM new_rows n,
                 jsonb_array_elements_text(CASE n.value ->> 'kind' WHEN 'archetypes' THEN n.value -> 'archetypeIds'
                                                                   WHEN 'choice' THEN n.value -> 'optionIds' ELSE '[]'::jsonb END) AS o(option_id)
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER story_answer_option_insert AFTER INSERT ON "answer" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_answer_option_sync()`);
    await queryRunner.query(`CREATE TRIGGER story_answer_option_update AFTER UPDATE ON "answer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_answer_option_sync()`);
    await queryRunner.query(`CREATE TRIGGER story_answer_option_delete AFTER DELETE ON "answer" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION story_answer_option_sync()`);
    // Answers given before this migration.
    await queryRunner.query(`UPDATE "answer" SET value = value`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER story_answer_option_delete ON "answer"`);
    await queryRunner.query(`DROP TRIGGER story_answer_option_update ON "answer"`);
    await queryRunner.query(`DROP TRIGGER story_answer_option_insert ON "answer"`);
    await queryRunner.query(`DROP FUNCTION story_answer_option_sync()`);
    await queryRunner.query(`DROP TABLE "story_answer_option"`);
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
