import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts a chart counts come from these tables. `story_answer_option` and `story_answer_number` are written only by
 * triggers on `answer`, so a change there is already marked through `answer`.
 */
const FACT_TABLES = ['answer', 'story_tag'];

/** A story's cell in the chart cube: its organisation, wijk and month (Dutch time). */
const CELL_OF = (alias: string) =>
  `${alias}.organisation_id, ${alias}.wijk_id, date_trunc('month', ${alias}.told_at AT TIME ZONE 'Europe/Amsterdam')::date`;

/**
 * The chart cube (issue 6): per organisation, wijk and month, and within that per vertelpunt, teller and questionnaire
 * version, how many explorable stories there are and how often each chosen option, tag and dyad/scale value occurs.
 * Canvas points are counted per cell of the canvas grid. "Vergelijk" and the charts over whole wijken, vertelpunten,
 * tellers and whole months sum a few thousand of these rows instead of joining every fact of every story.
 *
 * It is kept lazily: statement triggers on `story`, `answer` and `story_tag` note which cells changed in
 * `chart_cube_dirty`, and a chart that reads the cube first recounts those cells from the facts, in its own
 * transaction (`refreshChartCube` in libs/db/src/patterns/chart-cube.ts). So a cube cell
 * is never out of step with the facts a reader can see. Marks are plain inserts without a key: a reader removes only
 * the marks it can see, so a mark committed while it recounts stays for the next reader.
 */
export class ChartCube1764700000000 implements MigrationInterface {
  name = 'ChartCube1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "chart_cube" (
        "organisation_id" uuid NOT NULL REFERENCES "organisation"("id") ON DELETE CASCADE,
        "wijk_id" uuid,
        "month" date NOT NULL,
        "vertelpunt_id" uuid NOT NULL,
        "teller_kind" text NOT NULL,
        "version_id" uuid NOT NULL,
        "fact" text NOT NULL CHECK ("fact" IN ('story', 'archetype', 'choice', 'leefgebied', 'tag', 'number', 'point')),
        "key" text NOT NULL,
        "option_id" text NOT NULL,
        "value" double precision,
        "x_bin" smallint,
        "y_bin" smallint,
        "count" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_chart_cube_cell" ON "chart_cube" ("organisation_id", "wijk_id", "month")`);
    await queryRunner.query(`
      CREATE TABLE "chart_cube_dirty" (
        "organisation_id" uuid NOT NULL REFERENCES "organisation"("id") ON DELETE CASCADE,
        "wijk_id" uuid,
        "month" date NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_chart_cube_dirty_organisation" ON "chart_cube_dirty" ("organisation_id")`);

    // A story that appears, goes, or moves to another cell or in or out of the explorable set: its old and new cells.
    await queryRunner.query(`CREATE FUNCTION chart_cube_mark_story() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO chart_cube_dirty (organisation_id, wijk_id, month) SELECT DISTINCT ${CELL_OF('n')} FROM new_rows n;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO chart_cube_dirty (organisation_id, wijk_id, month) SELECT DISTINCT ${CELL_OF('o')} FROM old_rows o;
        ELSE
          INSERT INTO chart_cube_dirty (organisation_id, wijk_id, month)
          SELECT DISTINCT cell.* FROM old_rows o JOIN new_rows n ON n.id = o.id
                 CROSS JOIN LATERAL (VALUES (${CELL_OF('o')}), (${CELL_OF('n')})) AS cell(organisation_id, wijk_id, month)
           WHERE n.status IS DISTINCT FROM o.status OR (n.redacted_text IS NULL) <> (o.redacted_text IS NULL)
              OR n.wijk_id IS DISTINCT FROM o.wijk_id OR n.told_at IS DISTINCT FROM o.told_at
              OR n.vertelpunt_id IS DISTINCT FROM o.vertelpunt_id OR n.teller_kind IS DISTINCT FROM o.teller_kind
              OR n.questionnaire_version_id IS DISTINCT FROM o.questionnaire_version_id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER chart_cube_story_insert AFTER INSERT ON "story" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chart_cube_mark_story()`);
    await queryRunner.query(`CREATE TRIGGER chart_cube_story_update AFTER UPDATE ON "story" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chart_cube_mark_story()`);
    await queryRunner.query(`CREATE TRIGGER chart_cube_story_delete AFTER DELETE ON "story" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chart_cube_mark_story()`);

    // A fact of a story changed: the story's cell. (When the story itself was deleted, its own trigger marked it.)
    await queryRunner.query(`CREATE FUNCTION chart_cube_mark_fact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO chart_cube_dirty (organisation_id, wijk_id, month)
          SELECT DISTINCT ${CELL_OF('s')} FROM story s WHERE s.id IN (SELECT story_id FROM new_rows);
        ELSE
          INSERT INTO chart_cube_dirty (organisation_id, wijk_id, month)
          SELECT DISTINCT ${CELL_OF('s')} FROM story s WHERE s.id IN (SELECT story_id FROM old_rows);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of FACT_TABLES) {
      await queryRunner.query(`CREATE TRIGGER chart_cube_${table}_insert AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chart_cube_mark_fact()`);
      await queryRunner.query(`CREATE TRIGGER chart_cube_${table}_update AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chart_cube_mark_fact()`);
      await queryRunner.query(`CREATE TRIGGER chart_cube_${table}_delete AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chart_cube_mark_fact()`);
    }
    // Stories told before this migration: every cell is counted by the first chart that needs it.
    await queryRunner.query(`INSERT INTO chart_cube_dirty (organisation_id, wijk_id, month) SELECT DISTINCT ${CELL_OF('s')} FROM story s`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of FACT_TABLES) {
      for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER chart_cube_${table}_${op} ON "${table}"`);
    }
    for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER chart_cube_story_${op} ON "story"`);
    await queryRunner.query(`DROP FUNCTION chart_cube_mark_fact()`);
    await queryRunner.query(`DROP FUNCTION chart_cube_mark_story()`);
    await queryRunner.query(`DROP TABLE "chart_cube_dirty"`);
    await queryRunner.query(`DROP TABLE "chart_cube"`);
  }
}
