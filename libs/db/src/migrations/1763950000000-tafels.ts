import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 6: ErvaringenTafels with their basket of stories, print pack state, insights and interventions. */
export class Tafels1763950000000 implements MigrationInterface {
  name = 'Tafels1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "ervaringen_tafel" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "title" text NOT NULL, "date" date NOT NULL, "question" text NOT NULL, "wijk_id" uuid, "facilitator_user_id" uuid NOT NULL, "print_status" text NOT NULL DEFAULT 'none', "print_version" integer NOT NULL DEFAULT '0', "print_key" text, "print_error" text, "printed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ervaringen_tafel_title_not_empty" CHECK (length(trim(title)) > 0), CONSTRAINT "ervaringen_tafel_print_status_valid" CHECK (print_status IN ('none','pending','ready','failed')), CONSTRAINT "PK_991462ad0da951acab0564c3ea7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_fd4d8b2d2c9edef371e92484e4" ON "ervaringen_tafel" ("organisation_id", "date")`);
    await queryRunner.query(`CREATE TABLE "tafel_insight" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "tafel_id" uuid NOT NULL, "text" text NOT NULL, "story_ids" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "tafel_insight_has_stories" CHECK (cardinality(story_ids) > 0), CONSTRAINT "PK_a4cc6bfd8bdddc5b0b3ac2fd4b5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a9a77abac6dc7d57844fe36a5f" ON "tafel_insight" ("organisation_id", "tafel_id")`);
    await queryRunner.query(`CREATE TABLE "tafel_intervention" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "tafel_id" uuid NOT NULL, "action" text NOT NULL, "owner" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "due_date" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "tafel_intervention_status_valid" CHECK (status IN ('open','bezig','klaar')), CONSTRAINT "PK_52d96f44e8b0db12a7979efb5ee" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f7c41aee9a291f8524fefc50b5" ON "tafel_intervention" ("organisation_id", "status")`);
    await queryRunner.query(`CREATE INDEX "IDX_f7bb24b849cbb9f328580f72d1" ON "tafel_intervention" ("organisation_id", "tafel_id")`);
    await queryRunner.query(`CREATE TABLE "tafel_story" ("tafel_id" uuid NOT NULL, "story_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "position" integer NOT NULL, "note" text NOT NULL DEFAULT '', "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_925e902a247f2bea57c131af19b" PRIMARY KEY ("tafel_id", "story_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_09c81d845637b589c4e483dc89" ON "tafel_story" ("tafel_id", "position")`);
    await queryRunner.query(`ALTER TABLE "ervaringen_tafel" ADD CONSTRAINT "FK_f342119adff67d1143777707799" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ervaringen_tafel" ADD CONSTRAINT "FK_1acad4dd1f2eb0e69eb3ca14d71" FOREIGN KEY ("wijk_id") REFERENCES "wijk"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ervaringen_tafel" ADD CONSTRAINT "FK_6f2644915af5abe6fc6d919b895" FOREIGN KEY ("facilitator_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tafel_insight" ADD CONSTRAINT "FK_4ab94bf12cab73a3a59bd0690d9" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tafel_insight" ADD CONSTRAINT "FK_37c96efd552a60aaefb0373fe03" FOREIGN KEY ("tafel_id") REFERENCES "ervaringen_tafel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tafel_intervention" ADD CONSTRAINT "FK_ed7afee952925b2b2ff2929f619" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tafel_intervention" ADD CONSTRAINT "FK_5e9319801c2202f1d28f742a944" FOREIGN KEY ("tafel_id") REFERENCES "ervaringen_tafel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tafel_story" ADD CONSTRAINT "FK_73c068c84f730926d68a221f95d" FOREIGN KEY ("tafel_id") REFERENCES "ervaringen_tafel"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tafel_story" ADD CONSTRAINT "FK_771960ec0933f1043ba5724e64e" FOREIGN KEY ("story_id") REFERENCES "story"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tafel_story" ADD CONSTRAINT "FK_f031105697f1c9b1b86142cb8d2" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping a table drops its indexes and foreign keys; children first.
    await queryRunner.query(`DROP TABLE "tafel_story"`);
    await queryRunner.query(`DROP TABLE "tafel_intervention"`);
    await queryRunner.query(`DROP TABLE "tafel_insight"`);
    await queryRunner.query(`DROP TABLE "ervaringen_tafel"`);
  }
}
