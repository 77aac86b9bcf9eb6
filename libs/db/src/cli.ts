import { loadConfigOrExit } from '@vertelpunt/config';
import { createDataSource, runMigrations } from './data-source';
import { OrganisationEntity } from './organisations/organisation.entity';
import { seedOrganisation } from './seed/seed-organisation';
import { MemberRepository } from './users/member.repository';
import { hashPassword, temporaryPassword } from './users/password';
import { seedDemo } from './seed/seed-demo';

/** `--naam "Gemeente X"` → "Gemeente X"; null when absent. */
const option = (args: string[], name: string): string | null => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] && !args[at + 1].startsWith('--') ? args[at + 1].trim() : null;
};

const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * A real organisation for production (no demo data): default taxonomies, archetypes, questionnaires and vertelpunten,
 * its wijken, and a first admin who gets a temporary password, printed once.
 */
const createOrganisation = async (url: string, args: string[]) => {
  const name = option(args, 'naam');
  const email = option(args, 'beheerder-email');
  const adminName = option(args, 'beheerder-naam') ?? email;
  const wijken = (option(args, 'wijken') ?? '').split(',').map((w) => w.trim()).filter(Boolean);
  if (!name || !email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    console.error('Gebruik: cli.ts create-organisation --naam "Gemeente X" --beheerder-email naam@gemeente.nl [--beheerder-naam "Naam"] [--wijken "Noord,Zuid"]');
    process.exit(64);
  }
  const dataSource = await createDataSource({ url, poolSize: 2 }).initialize();
  try {
    const slug = slugOf(name);
    if (await dataSource.getRepository(OrganisationEntity).findOneBy({ slug })) {
      console.error(`Er is al een organisatie "${name}". Voeg mensen toe via Beheer → Gebruikers.`);
      process.exit(1);
    }
    const seeded = await seedOrganisation(dataSource, { name, slug, wijken });
    const password = temporaryPassword();
    const added = await new MemberRepository(dataSource).add(seeded.organisation.id, { email, name: adminName ?? email, roles: ['admin'], passwordHash: await hashPassword(password) });
    console.log(`Organisatie "${name}" gemaakt met ${wijken.length} wijk(en).`);
    console.log(added?.isNewAccount ? `Beheerder ${email}, tijdelijk wachtwoord (één keer getoond): ${password}` : `Beheerder ${email} had al een account en logt in met het eigen wachtwoord.`);
  } finally {
    await dataSource.destroy();
  }
};

/** `node -r @swc-node/register libs/db/src/cli.ts <migrate|revert|seed-demo|create-organisation>` — npm start, docker, production. */
const main = async (command: string | undefined, args: string[]) => {
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
    case 'create-organisation':
      return createOrganisation(config.db.url, args);
    default:
      console.error('Gebruik: cli.ts migrate | revert | seed-demo | create-organisation');
      process.exit(64);
  }
};

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
