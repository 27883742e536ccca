import { sql } from 'kysely';
import { findExistingClaim } from '../../src/claims/claim.service';
import { toIdentityRow } from '../../src/claims/claim.mappers';
import { findClaimByIdentity } from '../../src/claims/claim.repository';
import {
  CLAIM_IDENTITY_COLUMNS,
  SETTING_COLUMN,
  SETTING_FIELD_NAMES,
  settingColumns,
  settingFromColumns,
  subjectKey,
  unstatedSetting,
  type Setting,
} from '../../src/claims/claim.setting';
import { blankClaim } from '../../src/exchange/import.types';
import type { Claim } from '../../src/claims/claim.table';
import { useMigratedApp } from '../support/app';
import { buildClaim, buildPaper, unique } from '../support/factories';

const { database } = useMigratedApp();
let modelId: number;

beforeAll(async () => {
  modelId = (
    await database.db
      .insertInto('model')
      .values({
        name: unique('Identity-Model'),
        family: null,
        parameter_count: null,
        base_model_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});

const BASE: Setting = { ...unstatedSetting(), split: 'test', adaptation: 'full_ft' };

/** For each setting field, a value other than BASE's: the claim it makes is another claim. */
const OTHER: { [F in keyof Setting]: Setting[F] } = {
  split: 'dev',
  nShot: 5,
  chainOfThought: true,
  sampling: 'maj@8',
  adaptation: 'lora',
  trainableParams: 1_330_000,
  variant: 'r=8',
};

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

async function claimIn(paperId: number, setting: Setting): Promise<Claim> {
  const id = await buildClaim(database.db, {
    benchmark: 'gsm8k',
    metric: 'accuracy',
    paper_id: paperId,
    model_id: modelId,
    ...settingColumns(setting),
  });
  return database.db.selectFrom('claim').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const keyOf = (c: Claim) =>
  subjectKey({
    modelId: c.model_id,
    benchmarkId: c.benchmark_id,
    metricId: c.metric_id,
    recipeId: c.recipe_id,
    ...settingFromColumns(c),
  });

describe('the claim identity', () => {
  test('when the unique index is read from the database, then it lists exactly the identity columns, nulls not distinct', async () => {
    const { rows } = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where tablename = 'claim' and indexname = 'claim_identity'`.execute(
      database.db,
    );
    const definition = rows[0]!.indexdef;
    expect(definition).toMatch(/^CREATE UNIQUE INDEX/);
    expect(definition).toMatch(/NULLS NOT DISTINCT/);
    const columns = /\(([^)]*)\)/
      .exec(definition)![1]!
      .split(',')
      .map((c) => c.trim());
    expect(columns).toEqual([...CLAIM_IDENTITY_COLUMNS]);
    expect(CLAIM_IDENTITY_COLUMNS).toEqual(expect.arrayContaining(Object.values(SETTING_COLUMN)));
  });

  test.each(SETTING_FIELD_NAMES)(
    'when two claims of one paper differ only in %s, then both are stored and each is found as itself',
    async (field) => {
      const paperId = await buildPaper(database.db);
      const first = await claimIn(paperId, BASE);
      const second = await claimIn(paperId, { ...BASE, [field]: OTHER[field] });
      expect(keyOf(first)).not.toBe(keyOf(second));
      for (const claim of [first, second]) {
        const found = await findClaimByIdentity(database.db, claim);
        expect(found?.id).toBe(claim.id);
      }
    },
  );

  test.each([
    ['every field stated', OTHER],
    ['nothing stated', BASE],
  ])(
    'when a paper claims the same thing twice (%s), then the database refuses the copy and both sides call it the same claim',
    async (_name, setting) => {
      const paperId = await buildPaper(database.db);
      const stored = await claimIn(paperId, setting);
      const copy = await claimIn(paperId, setting).then(
        () => 'stored',
        (error: unknown) => (isUniqueViolation(error) ? 'refused' : error),
      );
      expect(copy).toBe('refused');
      const input = {
        ...settingFromColumns(stored),
        modelId,
        benchmarkId: stored.benchmark_id,
        metricId: stored.metric_id,
        recipeId: null,
      };
      expect(toIdentityRow(paperId, input)).toEqual(
        Object.fromEntries(CLAIM_IDENTITY_COLUMNS.map((c) => [c, stored[c]])),
      );
      const existing = await findExistingClaim(database.db, paperId, {
        ...blankClaim(),
        ...input,
        model: 'ignored',
        benchmark: 'gsm8k',
        metric: 'accuracy',
        value: 1,
      });
      expect(existing?.id).toBe(stored.id);
    },
  );
});
