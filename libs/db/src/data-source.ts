import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export type DataSourceOptions = { url: string; poolSize?: number; applicationName?: string };

/** The one place that knows how we talk to Postgres. Never `synchronize`: migrations own the schema. */
export const createDataSource = ({ url, poolSize = 10, applicationName = 'vertelpunt' }: DataSourceOptions) =>
  new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    applicationName,
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  });

export const runMigrations = async (url: string) => {
  const dataSource = await createDataSource({ url, poolSize: 1, applicationName: 'vertelpunt-migrate' }).initialize();
  try {
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
};
