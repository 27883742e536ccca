import fs from 'node:fs';
import type { Config } from '../../src/config';
import { connect, type Connection } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { seedCatalogue, seedLedger, type SeedReport } from '../../src/db/seed';
import {
  currentTemplates,
  databaseUrl,
  dumpPath,
  seedReport,
  testDatabaseName,
  withAdmin,
  type TemplateName,
} from './templates';

export interface TestDatabase extends Connection {
  /** Where this database lives, to hand to a child process through DATABASE_URL or DATA_DIR. */
  config: Config['database'];
  drop(): Promise<void>;
}

/** The server under test when DATABASE_URL is set (CI sets it); PGlite otherwise. */
export const onPostgres = Boolean(process.env.DATABASE_URL);

/** A database of its own for one test file, empty or cloned from a template of this run. */
async function openDatabase(template?: TemplateName): Promise<TestDatabase> {
  const templates = currentTemplates();
  if (!onPostgres) {
    const config = { kind: 'pglite', dataDir: 'memory://' } as const;
    const dump = template && templates ? fs.readFileSync(dumpPath(templates.dir, template)) : null;
    const loadDataDir = dump ? new Blob([dump]) : undefined;
    const connection = await connect(config, undefined, { loadDataDir });
    return { ...connection, config, drop: () => connection.close() };
  }
  const name = testDatabaseName(templates);
  const from = template && templates?.databases ? ` template ${templates.databases[template]}` : '';
  await withAdmin((client) => client.query(`create database ${name}${from}`));
  const config = { kind: 'postgres', url: databaseUrl(name), poolSize: 5 } as const;
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

/** A new database without even a schema, for tests of migrations and start-up. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return openDatabase();
}

/** Schema and catalogue, no claims: cloned from this run's template (built by global setup). */
export async function createMigratedDatabase(): Promise<TestDatabase> {
  if (currentTemplates()) return openDatabase('migrated');
  const database = await openDatabase();
  await migrateToLatest(database.db);
  await seedCatalogue(database.db);
  return database;
}

/** The demo ledger, with the report of the seed run that built it. */
export async function createSeededDatabase(): Promise<TestDatabase & { report: SeedReport }> {
  const templates = currentTemplates();
  if (templates) {
    return Object.assign(await openDatabase('seeded'), { report: seedReport(templates) });
  }
  const database = await createMigratedDatabase();
  return Object.assign(database, { report: await seedLedger(database.db) });
}
