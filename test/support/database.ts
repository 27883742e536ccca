import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../../src/config';
import { connect, type Connection } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { seedCatalogue, seedLedger, type SeedReport } from '../../src/db/seed';

export interface TestDatabase extends Connection {
  /** Where this database lives, to hand to a child process through DATABASE_URL or DATA_DIR. */
  config: Config['database'];
  drop(): Promise<void>;
}

/** The server under test when DATABASE_URL is set (CI sets it); PGlite otherwise. */
export const onPostgres = Boolean(process.env.DATABASE_URL);

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database of its own for one test file: nothing left behind is relied on. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  if (!onPostgres) {
    const config = { kind: 'pglite', dataDir: 'memory://' } as const;
    const connection = await connect(config);
    return { ...connection, config, drop: () => connection.close() };
  }
  const name = `benchledger_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const config = { kind: 'postgres', url: url.toString(), poolSize: 5 } as const;
  const connection = await connect(config);
  return {
    ...connection,
    config,
    drop: async () => {
      await connection.close();
      await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export async function createMigratedDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  await migrateToLatest(database.db);
  await seedCatalogue(database.db);
  return database;
}

export async function createSeededDatabase(): Promise<TestDatabase & { report: SeedReport }> {
  const database = await createMigratedDatabase();
  const report = await seedLedger(database.db);
  return Object.assign(database, { report });
}
