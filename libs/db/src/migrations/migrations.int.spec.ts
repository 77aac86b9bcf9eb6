import { createDataSource } from '../data-source';
import { testDatabaseUrl } from '@vertelpunt/test/support/test-env';

describe('migrations', () => {
  it('leave nothing for TypeORM to generate from the entities', async () => {
    const ds = await createDataSource({ url: testDatabaseUrl(), poolSize: 1 }).initialize();
    try {
      const sql = await ds.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});

describe('migration downs', () => {
  it('undo every migration and apply them again', async () => {
    const { Client } = await import('pg');
    const url = new URL(testDatabaseUrl());
    const name = `vp_migrate_${process.pid}`;
    const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    url.pathname = `/${name}`;
    const ds = await createDataSource({ url: url.toString(), poolSize: 1 }).initialize();
    try {
      const applied = await ds.runMigrations();
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration();
      const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration'`);
      expect(count).toBe(0);
      expect((await ds.runMigrations()).length).toBe(applied.length);
    } finally {
      await ds.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
  });
});
