import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7: impact over a whole organisation or wijk read per-client summaries instead of every chip. The summaries are
 * recomputed for the clients a statement touched, by statement triggers on measurements and chips, in the same
 * transaction; the recomputation is the same first/latest rule as `WatTeltRepository.impactChanges` (and the domain's
 * `changesOf`). Existing data is summarised here once.
 */
/** The measurements of the clients `ids`, numbered per client in conversation order (via the client: its index leads with the organisation). */
const SELECTED = `sel AS (
            SELECT m.id, m.organisation_id, m.client_id, m.rapportcijfer,
                   row_number() OVER (PARTITION BY m.client_id ORDER BY m.measured_on, m.created_at, m.id)::int AS nr,
                   count(*) OVER (PARTITION BY m.client_id)::int AS total
              FROM wat_telt_client c JOIN wat_telt_measurement m ON m.organisation_id = c.organisation_id AND m.client_id = c.id
             WHERE c.id = ANY(ids))`;

export class WatTeltSummaries1764100000000 implements MigrationInterface {
  name = 'WatTeltSummaries1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "wat_telt_client_summary" ("client_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "measurements" integer NOT NULL, "first_rapportcijfer" smallint NOT NULL, "latest_rapportcijfer" smallint NOT NULL, CONSTRAINT "PK_95851fd624bf3d11620e2619756" PRIMARY KEY ("client_id"))`);
    await queryRunner.query(`CREATE TABLE "wat_telt_leefgebied_summary" ("client_id" uuid NOT NULL, "leefgebied" text NOT NULL, "organisation_id" uuid NOT NULL, "chips" integer NOT NULL, "first_tenths" integer NOT NULL, "latest_tenths" integer NOT NULL, "change_tenths" integer, "latest_gap_tenths" integer, CONSTRAINT "PK_cfe7bf063d1b337ec94c088a364" PRIMARY KEY ("client_id", "leefgebied"))`);
    await queryRunner.query(`ALTER TABLE "wat_telt_client_summary" ADD CONSTRAINT "FK_95851fd624bf3d11620e2619756" FOREIGN KEY ("client_id") REFERENCES "wat_telt_client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_client_summary" ADD CONSTRAINT "FK_e5f0d00be98fbea225007c7c85e" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_leefgebied_summary" ADD CONSTRAINT "FK_cab0d240836a2282a3664965ff4" FOREIGN KEY ("client_id") REFERENCES "wat_telt_client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "wat_telt_leefgebied_summary" ADD CONSTRAINT "FK_590ab2661786adbc00be1937a95" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "wat_telt_client_summary_organisation" ON "wat_telt_client_summary" ("organisation_id")`);
    await queryRunner.query(`CREATE INDEX "wat_telt_leefgebied_summary_organisation" ON "wat_telt_leefgebied_summary" ("organisation_id")`);
    // Impact over a period still reads chips: a measurement's inwoner chips and the professional's beside them come
    // from the index alone (index-only scans), without visiting the table.
    await queryRunner.query(
      `CREATE INDEX "wat_telt_score_chip" ON "wat_telt_score" ("measurement_id", "perspective", "leefgebied") INCLUDE ("position", "organisation_id")`,
    );

    // Encodings as in impactChanges: `nr * 1000 + tenths` sorts by measurement first, so min/max pick the first/latest
    // chip and `% 1000` gives back its position; the gap (−100…100) is shifted by 500 the same way.
    await queryRunner.query(`CREATE FUNCTION wat_telt_refresh_summaries(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        -- One writer per client at a time (NO KEY UPDATE does not block the measurements' foreign-key checks), so a
        -- concurrent conversation of the same client is summarised after it commits, never overwritten.
        PERFORM 1 FROM wat_telt_client WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM wat_telt_client_summary WHERE client_id = ANY(ids);
        DELETE FROM wat_telt_leefgebied_summary WHERE client_id = ANY(ids);
        INSERT INTO wat_telt_client_summary (client_id, organisation_id, measurements, first_rapportcijfer, latest_rapportcijfer)
          WITH ${SELECTED}
          SELECT client_id, organisation_id, max(total), max(rapportcijfer) FILTER (WHERE nr = 1), max(rapportcijfer) FILTER (WHERE nr = total)
            FROM sel GROUP BY client_id, organisation_id;
        INSERT INTO wat_telt_leefgebied_summary (client_id, leefgebied, organisation_id, chips, first_tenths, latest_tenths, change_tenths, latest_gap_tenths)
          WITH ${SELECTED}
          SELECT sel.client_id, i.leefgebied, sel.organisation_id, count(*),
                 min(sel.nr * 1000 + round(i.position * 10)::int) % 1000,
                 max(sel.nr * 1000 + round(i.position * 10)::int) % 1000,
                 CASE WHEN max(sel.total) >= 2 AND count(*) >= 2
                      THEN max(sel.nr * 1000 + round(i.position * 10)::int) % 1000 - min(sel.nr * 1000 + round(i.position * 10)::int) % 1000 END,
                 max(sel.nr * 1000 + 500 + round(i.position * 10)::int - round(p.position * 10)::int) % 1000 - 500
            FROM sel
            JOIN wat_telt_score i ON i.measurement_id = sel.id AND i.organisation_id = sel.organisation_id AND i.perspective = 'inwoner'
            LEFT JOIN wat_telt_score p ON p.measurement_id = i.measurement_id AND p.organisation_id = sel.organisation_id AND p.leefgebied = i.leefgebied AND p.perspective = 'professional'
           GROUP BY sel.client_id, sel.organisation_id, i.leefgebied;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION wat_telt_measurement_summarise() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM wat_telt_refresh_summaries(ARRAY(SELECT DISTINCT client_id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM wat_telt_refresh_summaries(ARRAY(SELECT client_id FROM new_rows UNION SELECT client_id FROM old_rows));
        ELSE
          PERFORM wat_telt_refresh_summaries(ARRAY(SELECT DISTINCT client_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    // A chip deleted with its measurement finds no measurement any more; the measurement's own trigger covers that.
    await queryRunner.query(`CREATE FUNCTION wat_telt_score_summarise() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM wat_telt_refresh_summaries(ARRAY(SELECT DISTINCT m.client_id FROM new_rows s JOIN wat_telt_measurement m ON m.id = s.measurement_id));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM wat_telt_refresh_summaries(ARRAY(SELECT m.client_id FROM (SELECT measurement_id FROM new_rows UNION SELECT measurement_id FROM old_rows) s JOIN wat_telt_measurement m ON m.id = s.measurement_id GROUP BY m.client_id));
        ELSE
          PERFORM wat_telt_refresh_summaries(ARRAY(SELECT DISTINCT m.client_id FROM old_rows s JOIN wat_telt_measurement m ON m.id = s.measurement_id));
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, fn] of [
      ['wat_telt_measurement', 'wat_telt_measurement_summarise'],
      ['wat_telt_score', 'wat_telt_score_summarise'],
    ]) {
      await queryRunner.query(`CREATE TRIGGER ${table}_summarise_insert AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_summarise_update AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_summarise_delete AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    await queryRunner.query(`SELECT wat_telt_refresh_summaries(ARRAY(SELECT DISTINCT client_id FROM wat_telt_measurement))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['wat_telt_score', 'wat_telt_measurement']) {
      for (const event of ['delete', 'update', 'insert']) await queryRunner.query(`DROP TRIGGER ${table}_summarise_${event} ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION wat_telt_score_summarise()`);
    await queryRunner.query(`DROP FUNCTION wat_telt_measurement_summarise()`);
    await queryRunner.query(`DROP FUNCTION wat_telt_refresh_summaries(uuid[])`);
    await queryRunner.query(`DROP INDEX "public"."wat_telt_score_chip"`);
    await queryRunner.query(`DROP INDEX "public"."wat_telt_leefgebied_summary_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."wat_telt_client_summary_organisation"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_leefgebied_summary" DROP CONSTRAINT "FK_590ab2661786adbc00be1937a95"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_leefgebied_summary" DROP CONSTRAINT "FK_cab0d240836a2282a3664965ff4"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_client_summary" DROP CONSTRAINT "FK_e5f0d00be98fbea225007c7c85e"`);
    await queryRunner.query(`ALTER TABLE "wat_telt_client_summary" DROP CONSTRAINT "FK_95851fd624bf3d11620e2619756"`);
    await queryRunner.query(`DROP TABLE "wat_telt_leefgebied_summary"`);
    await queryRunner.query(`DROP TABLE "wat_telt_client_summary"`);
  }
}
