import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 6 (Patronen, "Vergelijk"): the dyad and scale answers' numbers as narrow rows, so comparing two whole wijken
 * reads 250 000 small rows instead of hashing every answer's JSON (750 000 rows over 100 000 stories). Kept by
 * statement triggers on `answer`, like `story_answer_option` (migration 1763945000000); nothing writes it directly.
 */
export class StoryAnswerNumber1764000000000 implements MigrationInterface {
  name = 'StoryAnswerNumber1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "story_answer_number" ("story_id" uuid NOT NULL, "question_id" text NOT NULL, "organisation_id" uuid NOT NULL, "value" double precision NOT NULL, CONSTRAINT "PK_story_answer_number" PRIMARY KEY ("story_id", "question_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "story_answer_number" ADD CONSTRAINT "FK_c19c0aba18d4b3cc759a9b6ea89" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "story_answer_number" ADD CONSTRAINT "FK_c0bfd852d0f8bd395aa29d1a58e" FOREIGN KEY ("story_id") REFERENCES "story"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Set-based statement triggers (transition tables): a bulk insert of answers costs one extra statement, not one per row.
    await queryRunner.query(`CREATE FUNCTION story_answer_number_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          DELETE FROM story_answer_number n USING old_rows d WHERE n.story_id = d.story_id AND n.question_id = d.question_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO story_answer_number (story_id, question_id, organisation_id, value)
          SELECT n.story_id, n.question_id, n.organisation_id, (n.value ->> 'value')::double precision
            FROM new_rows n
           WHERE n.value ->> 'kind' = 'number' AND jsonb_typeof(n.value -> 'value') = 'number'
          ON CONFLICT (story_id, question_id) DO UPDATE SET value = EXCLUDED.value, organisation_id = EXCLUDED.organisation_id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER story_answer_number_insert AFTER INSERT ON "answer" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_answer_number_sync()`);
    await queryRunner.query(`CREATE TRIGGER story_answer_number_update AFTER UPDATE ON "answer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION story_answer_number_sync()`);
    await queryRunner.query(`CREATE TRIGGER story_answer_number_delete AFTER DELETE ON "answer" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION story_answer_number_sync()`);
    // Answers given before this migration.
    await queryRunner.query(
      `INSERT INTO story_answer_number (story_id, question_id, organisation_id, value)
       SELECT a.story_id, a.question_id, a.organisation_id, (a.value ->> 'value')::double precision
         FROM answer a WHERE a.value ->> 'kind' = 'number' AND jsonb_typeof(a.value -> 'value') = 'number'`,
    );
    await queryRunner.query(`ANALYZE "story_answer_number"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER story_answer_number_delete ON "answer"`);
    await queryRunner.query(`DROP TRIGGER story_answer_number_update ON "answer"`);
    await queryRunner.query(`DROP TRIGGER story_answer_number_insert ON "answer"`);
    await queryRunner.query(`DROP FUNCTION story_answer_number_sync()`);
    await queryRunner.query(`DROP TABLE "story_answer_number"`);
  }
}
