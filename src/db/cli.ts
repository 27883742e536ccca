import { loadConfig } from '../config';
import { connect } from './connect';
import { migrateToLatest, rollbackOne } from './migrate';
import { formatSeedReport, seedCatalogue, seedLedger } from './seed';

const USAGE = 'usage: db <migrate|rollback|seed>';

async function main(command: string | undefined): Promise<void> {
  if (!command || !['migrate', 'rollback', 'seed'].includes(command)) {
    throw new Error(USAGE);
  }
  const config = loadConfig();
  const connection = await connect(config.database);
  try {
    if (command === 'migrate') {
      const done = await migrateToLatest(connection.db);
      console.log(done.length ? done.join('\n') : 'already at the latest migration');
    } else if (command === 'rollback') {
      const done = await rollbackOne(connection.db);
      console.log(done.length ? done.join('\n') : 'nothing to roll back');
    } else {
      await migrateToLatest(connection.db);
      await seedCatalogue(connection.db);
      console.log(formatSeedReport(await seedLedger(connection.db)));
    }
  } finally {
    await connection.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
