import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@vertelpunt/config';
import { WorkersModule } from './workers.module';

/** No HTTP: a Nest application context that runs BullMQ processors until SIGTERM. */
const main = async () => {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkersModule.forRoot(config), { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
};

main().catch((error: unknown) => {
  process.stderr.write(`Workers konden niet starten: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
