import { dropTestDatabase } from './test-env';

/** The run's own test database goes away with it. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASE !== '1') await dropTestDatabase();
}
