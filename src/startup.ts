import type { Logger } from 'pino';
import type { Config } from './config';
import { connect, type Connection } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { formatSeedReport, isLedgerEmpty, seedCatalogue, seedLedger } from './db/seed';

/** Opens the database, brings the schema up to date and, on an empty ledger, loads the seed. */
export async function prepareDatabase(config: Config, logger: Logger): Promise<Connection> {
  const connection = await connect(config.database, (error) =>
    logger.warn({ err: error }, 'idle database connection lost; the pool will replace it'),
  );
  try {
    const migrated = await migrateToLatest(connection.db);
    if (migrated.length) logger.info({ migrated }, 'database migrated');
    await seedCatalogue(connection.db);
    if (config.seedOnStart && (await isLedgerEmpty(connection.db))) {
      const report = await seedLedger(connection.db);
      logger.info(
        { added: report.claims.added, skipped: report.skipped.length },
        'empty ledger seeded',
      );
      logger.debug(formatSeedReport(report));
    }
    return connection;
  } catch (error) {
    await connection.close();
    throw error;
  }
}
