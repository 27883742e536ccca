import { Migrator, NO_MIGRATIONS, type MigrationResultSet } from 'kysely';
import { migrations } from '../../migrations';
import type { DB } from './database';

function migrator(db: DB): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause =
      result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return (result.results ?? []).map((r) => `${r.direction.toLowerCase()} ${r.migrationName}`);
}

export async function migrateToLatest(db: DB): Promise<string[]> {
  return unwrap(await migrator(db).migrateToLatest());
}

export async function rollbackOne(db: DB): Promise<string[]> {
  return unwrap(await migrator(db).migrateDown());
}

export async function rollbackAll(db: DB): Promise<string[]> {
  return unwrap(await migrator(db).migrateTo(NO_MIGRATIONS));
}
