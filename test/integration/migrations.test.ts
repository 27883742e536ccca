import { sql } from 'kysely';
import { migrateToLatest, rollbackAll } from '../../src/db/migrate';
import { createEmptyDatabase, type TestDatabase } from '../support/database';

const LEDGER_TABLES = [
  'aggregate_recipe',
  'audit_event',
  'benchmark',
  'benchmark_metric',
  'claim',
  'metric',
  'model',
  'model_alias',
  'paper',
  'submission',
];

async function tables(database: TestDatabase): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%'
    order by table_name`.execute(database.db);
  return result.rows.map((r) => r.table_name);
}

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(() => database.drop());

  test('when migrated up, then every ledger table exists; down removes them; up again restores them', async () => {
    expect(await migrateToLatest(database.db)).toEqual([
      'up 2026_11_26_000100_create_ledger',
      'up 2026_11_26_000200_add_submission',
      'up 2026_12_01_000100_add_claim_sampling',
    ]);
    expect(await tables(database)).toEqual(LEDGER_TABLES);

    expect(await rollbackAll(database.db)).toEqual([
      'down 2026_12_01_000100_add_claim_sampling',
      'down 2026_11_26_000200_add_submission',
      'down 2026_11_26_000100_create_ledger',
    ]);
    expect(await tables(database)).toEqual([]);

    await migrateToLatest(database.db);
    expect(await tables(database)).toEqual(LEDGER_TABLES);
    expect(await migrateToLatest(database.db)).toEqual([]);
  });
});
