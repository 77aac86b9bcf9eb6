import { loadConfigOrExit } from '@vertelpunt/config';
import { createApp } from './app';

const main = async () => {
  const config = loadConfigOrExit();
  const { app, logger } = await createApp(config);
  await app.listen(config.api.port, config.api.host);
  logger.info({ url: `http://${config.api.host}:${config.api.port}/graphql` }, 'api ready');
};

main().catch((error: unknown) => {
  process.stderr.write(`API kon niet starten: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
