import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * AVG erasure sticks (issue 8): the ids of erased stories, without content, and a trigger that skips an insert of such
 * an id — a phone's outbox or a retried request cannot bring an erased story back.
 */
export class ErasedStory1764500000000 implements MigrationInterface {
  name = 'ErasedStory1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "erased_story" ("story_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_46290df9067cc72238c555b8c7e" PRIMARY KEY ("story_id"))`);
    await queryRunner.query(`ALTER TABLE "erased_story" ADD CONSTRAINT "FK_d033324d459db760725ae9eb8f2" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE FUNCTION story_skip_erased() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM erased_story WHERE story_id = NEW.id) THEN
          RETURN NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER story_skip_erased BEFORE INSERT ON story FOR EACH ROW EXECUTE FUNCTION story_skip_erased()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER story_skip_erased ON story`);
    await queryRunner.query(`DROP FUNCTION story_skip_erased()`);
    await queryRunner.query(`ALTER TABLE "erased_story" DROP CONSTRAINT "FK_d033324d459db760725ae9eb8f2"`);
    await queryRunner.query(`DROP TABLE "erased_story"`);
  }
}
