import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 8: OpenID Connect sign-in. An issuer + subject belongs to one account; an account may have several. */
export class OidcIdentity1764300000000 implements MigrationInterface {
  name = 'OidcIdentity1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "oidc_identity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issuer" text NOT NULL, "subject" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_login_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ca0beb3424fdbfed4fb4e765ecc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fb6f0015c8473be84c5fe1d6a7" ON "oidc_identity" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0fdb83f438b6d11a7c7ddfca7d" ON "oidc_identity" ("issuer", "subject") `);
    await queryRunner.query(
      `ALTER TABLE "oidc_identity" ADD CONSTRAINT "FK_fb6f0015c8473be84c5fe1d6a77" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "oidc_identity" DROP CONSTRAINT "FK_fb6f0015c8473be84c5fe1d6a77"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0fdb83f438b6d11a7c7ddfca7d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fb6f0015c8473be84c5fe1d6a7"`);
    await queryRunner.query(`DROP TABLE "oidc_identity"`);
  }
}
