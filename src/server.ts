import type { Server } from 'node:http';
import pino from 'pino';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { prepareDatabase } from './startup';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  const connection = await prepareDatabase(config, logger);
  const app = createApp({ db: connection.db, config, databaseKind: connection.kind, logger });

  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(`benchledger on http://localhost:${port} (${connection.describe})`);
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'server failed');
    void connection.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => {
      connection
        .close()
        .then(() => {
          clearTimeout(force);
          logger.info('stopped');
          process.exit(0);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'database close failed');
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(
    `benchledger failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
