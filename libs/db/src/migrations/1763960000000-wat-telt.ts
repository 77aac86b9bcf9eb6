import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 7: Wat telt clients (pseudonymous codes), measurements with chips per perspective, goals and their history, per-organisation leefgebieden. */
export class WatTelt1763960000000 implements MigrationInterface {
  name = 'WatTelt1763960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "wat_telt_client" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "code" text NOT NULL, "wijk_id" uuid, "team" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "wat_telt_client_code_valid" CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{2,31}$'), CONSTRAINT "PK_47e77b42cf309daf9cd248033cd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0737ad5c1cf0676e1fba652eaa" ON "wat_telt_client" ("organisation_id", "code")`);
    await queryRunner.query(`CREATE TABLE "wat_telt_measurement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "client_id" uuid NOT NULL, "measured_on" date NOT NULL, "professional_user_id" uuid, "rapportcijfer" smallint NOT NULL, "third_role" text, "note" text NOT NULL DEFAULT '', "source" text NOT NULL DEFAULT 'bord', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "wat_telt_measurement_source_valid" CHECK (source IN ('bord','import')), CONSTRAINT "wat_telt_measurement_note_length" CHECK (char_length(note) <= 500), CONSTRAINT "wat_telt_measurement_third_role_valid" CHECK (third_role IN ('mantelzorger','partner')), CONSTRAINT "wat_telt_measurement_rapportcijfer_valid" CHECK (rapportcijfer BETWEEN 1 AND 10), CONSTRAINT "PK_60c0b4f03df012cd134f6e1ba79" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_fcb3323b364246ecc0cc8b7cf5" ON "wat_telt_measurement" ("organisation_id", "client_id", "measured_on")`);
    await queryRunner.query(`CREATE TABLE "wat_telt_goal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "client_id" uuid NOT NULL, "measurement_id" uuid NOT NULL, "leefgebied" text NOT NULL, "text" text NOT NULL, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "wat_telt_goal_text_length" CHECK (char_length(text) BETWEEN 1 AND 300), CONSTRAINT "wat_telt_goal_status_valid" CHECK (status IN ('open','bezig','bereikt','gestopt')), CONSTRAINT "PK_16160a672f56db8d3d472bd668e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_874feeab9fa91de124ff217b65" ON "wat_telt_goal" ("organisation_id", "client_id")`);
    await queryRunner.query(`CREATE TABLE "wat_telt_goal_status" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "goal_id" uuid NOT NULL, "status" text NOT NULL, "changed_on" date NOT NULL, "measurement_id" uuid, CONSTRAINT "wat_telt_goal_status_status_valid" CHECK (status IN ('open','bezig','bereikt','gestopt')), CONSTRAINT "PK_5a04160625440f137e76f95c50f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_cb63dcdfc308c8a44d5e552b03" ON "wat_telt_goal_status" ("goal_id", "changed_on")`);
    await queryRunner.query(`CREATE TABLE "wat_telt_leefgebied" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "key" text NOT NULL, "label" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_d83c7945a1fe8d00756d7ed80c4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a55a8cf34ed913dc681eef79ef" ON "wat_telt_leefgebied" ("organisation_id", "key")`);
    await queryRunner.query(`CREATE TABLE "wat_telt_score" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "measurement_id" uuid NOT NULL, "leefgebied" text NOT NULL, "perspective" text NOT NULL, "position" numeric(3,1) NOT NULL, CONSTRAINT "wat_telt_score_position_valid" CHECK (position BETWEEN 0 AND 10), CONSTRAINT "wat_telt_score_perspective_valid" CHECK (perspective IN ('inwoner','professional','derde')), CONSTRAINT "PK_5f1338b9c5574f4c495be0715a3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_78db821975d6129edd86dd289f" ON "wat_telt_score" ("measurement_id", "leefgebied", "perspective")`);
    await queryRunner.query(`ALTER TABLE "wat_telt_client" ADD CONSTRAINT "FK_75e05cbf16389dfd7d82ccf3433" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_client" ADD CONSTRAINT "FK_3b602ffcffbf172f51556b20bef" FOREIGN KEY ("wijk_id") REFERENCES "wijk"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_measurement" ADD CONSTRAINT "FK_10bc28587c0be2be0c729ba875d" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_measurement" ADD CONSTRAINT "FK_ab381f6af2ba59adeeb6c0dd722" FOREIGN KEY ("client_id") REFERENCES "wat_telt_client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_measurement" ADD CONSTRAINT "FK_7d04a0e6e598b1de2544891379e" FOREIGN KEY ("professional_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal" ADD CONSTRAINT "FK_e881a33dafd0ced7cb739dead68" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal" ADD CONSTRAINT "FK_8b2d15495c2835899ff4eb652ca" FOREIGN KEY ("client_id") REFERENCES "wat_telt_client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal" ADD CONSTRAINT "FK_0130e7c7995337f18f49aa06689" FOREIGN KEY ("measurement_id") REFERENCES "wat_telt_measurement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal_status" ADD CONSTRAINT "FK_a004e00f7cd4c4cb1c20561fbe8" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal_status" ADD CONSTRAINT "FK_61cc896d4ef429d43e53dad1c0e" FOREIGN KEY ("goal_id") REFERENCES "wat_telt_goal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal_status" ADD CONSTRAINT "FK_51b43a73feec248fdd0882c86b0" FOREIGN KEY ("measurement_id") REFERENCES "wat_telt_measurement"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_leefgebied" ADD CONSTRAINT "FK_2f332f07aa2595dedf7b13c34a5" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_score" ADD CONSTRAINT "FK_137ea37e87ef778312d12114c02" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_score" ADD CONSTRAINT "FK_28eafbdcd50182e832b5da5a617" FOREIGN KEY ("measurement_id") REFERENCES "wat_telt_measurement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "wat_telt_score" DROP CONSTRAINT "FK_28eafbdcd50182e832b5da5a617"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_score" DROP CONSTRAINT "FK_137ea37e87ef778312d12114c02"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_leefgebied" DROP CONSTRAINT "FK_2f332f07aa2595dedf7b13c34a5"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal_status" DROP CONSTRAINT "FK_51b43a73feec248fdd0882c86b0"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal_status" DROP CONSTRAINT "FK_61cc896d4ef429d43e53dad1c0e"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal_status" DROP CONSTRAINT "FK_a004e00f7cd4c4cb1c20561fbe8"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal" DROP CONSTRAINT "FK_0130e7c7995337f18f49aa06689"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal" DROP CONSTRAINT "FK_8b2d15495c2835899ff4eb652ca"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_goal" DROP CONSTRAINT "FK_e881a33dafd0ced7cb739dead68"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_measurement" DROP CONSTRAINT "FK_7d04a0e6e598b1de2544891379e"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_measurement" DROP CONSTRAINT "FK_ab381f6af2ba59adeeb6c0dd722"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_measurement" DROP CONSTRAINT "FK_10bc28587c0be2be0c729ba875d"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_client" DROP CONSTRAINT "FK_3b602ffcffbf172f51556b20bef"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_client" DROP CONSTRAINT "FK_75e05cbf16389dfd7d82ccf3433"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_78db821975d6129edd86dd289f"`);
    await queryRunner.query(`DROP TABLE "wat_telt_score"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a55a8cf34ed913dc681eef79ef"`);
    await queryRunner.query(`DROP TABLE "wat_telt_leefgebied"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cb63dcdfc308c8a44d5e552b03"`);
    await queryRunner.query(`DROP TABLE "wat_telt_goal_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_874feeab9fa91de124ff217b65"`);
    await queryRunner.query(`DROP TABLE "wat_telt_goal"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fcb3323b364246ecc0cc8b7cf5"`);
    await queryRunner.query(`DROP TABLE "wat_telt_measurement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0737ad5c1cf0676e1fba652eaa"`);
    await queryRunner.query(`DROP TABLE "wat_telt_client"`);
  }
}
