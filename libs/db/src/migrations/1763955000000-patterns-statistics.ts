import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 6 (Patronen): the charts filter answers on `value ->> 'kind'` (number, point, archetypes, choice). Without
 * statistics on that expression Postgres guesses 0.5 % of the rows, and on 100 000 stories it then looks every
 * answer's story up one by one (≈ 0,5 s) instead of hashing the selection (≈ 0,1 s). Statistics only; no index to keep up.
 */
export class PatternsStatistics1763955000000 implements MigrationInterface {
  name = 'PatternsStatistics1763955000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE STATISTICS "STAT_answer_value_kind" ON (("value" ->> 'kind')) FROM "answer"`);
    await queryRunner.query(`ANALYZE "answer"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP STATISTICS "STAT_answer_value_kind"`);
  }
}
