import type { DataSource } from 'typeorm';

/** Tables whose rows belong to one organisation (they carry organisation_id), found in the live schema. */
export const organisationTables = async (ds: DataSource): Promise<string[]> =>
  (
    await ds.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'organisation_id' ORDER BY table_name`,
    )
  ).map((r) => r.table_name);

const USERS_OF = 'SELECT user_id FROM membership WHERE organisation_id = $1';

/**
 * One checksum per table over every row of the organisation, its own row, its members' accounts and their sessions:
 * a change anywhere shows as a different value for that table.
 */
export const organisationChecksums = async (ds: DataSource, organisationId: string): Promise<Record<string, string>> => {
  const queries: Record<string, string> = {
    organisation: 'SELECT t.*::text AS r FROM organisation t WHERE id = $1',
    app_user: `SELECT t.*::text AS r FROM app_user t WHERE id IN (${USERS_OF})`,
    user_session: `SELECT t.*::text AS r FROM user_session t WHERE user_id IN (${USERS_OF})`,
  };
  for (const table of await organisationTables(ds)) queries[table] = `SELECT t.*::text AS r FROM "${table}" t WHERE organisation_id = $1`;
  const sums: Record<string, string> = {};
  for (const [table, sql] of Object.entries(queries)) {
    const [row] = await ds.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS sum FROM (${sql}) x`, [organisationId]);
    sums[table] = `${row.n}:${row.sum}`;
  }
  return sums;
};

/** Everything that identifies the organisation's data: every id of its rows and of its members, and its link tokens. */
export const organisationSecrets = async (ds: DataSource, organisationId: string): Promise<string[]> => {
  const secrets = new Set<string>([organisationId]);
  for (const table of await organisationTables(ds)) {
    const hasId = await ds.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = 'id'`,
      [table],
    );
    if (hasId.length === 0) continue;
    for (const r of await ds.query(`SELECT id::text AS id FROM "${table}" WHERE organisation_id = $1`, [organisationId])) secrets.add(r.id);
  }
  for (const r of await ds.query(`SELECT id::text AS id, email FROM app_user WHERE id IN (${USERS_OF})`, [organisationId])) {
    secrets.add(r.id);
    secrets.add(r.email);
  }
  for (const r of await ds.query('SELECT link_token FROM vertelpunt WHERE organisation_id = $1 AND link_token IS NOT NULL', [organisationId]))
    secrets.add(r.link_token);
  for (const r of await ds.query('SELECT code FROM wat_telt_client WHERE organisation_id = $1', [organisationId])) secrets.add(r.code);
  return [...secrets];
};
