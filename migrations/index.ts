import type { Migration } from 'kysely';
import * as createLedger from './2026_11_26_000100_create_ledger';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_26_000100_create_ledger': createLedger,
};
