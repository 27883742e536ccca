import type { Migration } from 'kysely';
import * as createLedger from './2026_11_26_000100_create_ledger';
import * as addSubmission from './2026_11_26_000200_add_submission';
import * as addClaimSampling from './2026_12_01_000100_add_claim_sampling';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_26_000100_create_ledger': createLedger,
  '2026_11_26_000200_add_submission': addSubmission,
  '2026_12_01_000100_add_claim_sampling': addClaimSampling,
};
