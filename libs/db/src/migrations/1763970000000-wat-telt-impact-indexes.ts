import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7: impact computed in SQL. Selections by wijk and by period find their clients and measurements by index;
 * first/latest per client read measurements in (client, date, created_at, id) order with the rapportcijfer included.
 */
export class WatTeltImpactIndexes1763970000000 implements MigrationInterface {
  name = 'WatTeltImpactIndexes1763970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "wat_telt_client_wijk" ON "wat_telt_client" ("organisation_id", "wijk_id")`);
    await queryRunner.query(`CREATE INDEX "wat_telt_measurement_period" ON "wat_telt_measurement" ("organisation_id", "measured_on")`);
    await queryRunner.query(
      `CREATE INDEX "wat_telt_measurement_order" ON "wat_telt_measurement" ("organisation_id", "client_id", "measured_on", "created_at", "id") INCLUDE ("rapportcijfer")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."wat_telt_measurement_order"`);
    await queryRunner.query(`DROP INDEX "public"."wat_telt_measurement_period"`);
    await queryRunner.query(`DROP INDEX "public"."wat_telt_client_wijk"`);
  }
}
