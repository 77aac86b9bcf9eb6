import { loadConfigOrExit } from '@vertelpunt/config';
import { createDataSource, runMigrations } from './data-source';
import { seedDemo } from './seed/seed-demo';

/** `node -r @swc-node/register libs/db/src/cli.ts <migrate|revert|seed-demo>` — used by npm start and docker. */
const main = async (command: string | undefined) => {
  const config = loadConfigOrExit();
  switch (command) {
    case 'migrate': {
      const applied = await runMigrations(config.db.url);
      console.log(applied.length ? `Migraties uitgevoerd: ${applied.map((m) => m.name).join(', ')}` : 'Database is bij.');
      return;
    }
    case 'revert': {
      const dataSource = await createDataSource({ url: config.db.url, poolSize: 1 }).initialize();
      await dataSource.undoLastMigration({ transaction: 'each' });
      await dataSource.destroy();
      console.log('Laatste migratie teruggedraaid.');
      return;
    }
    case 'seed-demo': {
      const dataSource = await createDataSource({ url: config.db.url, poolSize: 2 }).initialize();
      const count = Number(process.env.DEMO_STORIES ?? 200);
      const loaded = await seedDemo(dataSource, count);
      await dataSource.destroy();
      console.log(loaded ? `Demogegevens geladen (${count} verhalen).` : 'Demogegevens waren er al.');
      return;
    }
    default:
      console.error('Gebruik: cli.ts migrate | revert | seed-demo');
      process.exit(64);
  }
};

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
