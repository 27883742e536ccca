import fc from 'fast-check';
import { claimInputSchema, claimSchema, ledgerClaimSchema } from '../../src/claims/claim.contract';
import {
  CLAIM_CSV_COLUMNS,
  fromFormValues,
  fromLedgerClaim,
  toFormValues,
  toLedgerClaim,
  toPublicClaim,
} from '../../src/claims/claim.mappers';
import { claimCsvRow, CSV_COLUMNS, parseClaimsCsv, toCsv } from '../../src/exchange/formats/csv';
import type { ClaimView } from '../../src/claims/claim.repository';
import {
  ADAPTATIONS,
  FORM_SETTING_FIELDS,
  SETTING_FIELD_NAMES,
  SETTING_SPECS,
  SPLITS,
  settingOf,
  type Setting,
} from '../../src/claims/claim.setting';
import { staleSchemaFiles } from '../../src/exchange/json-schemas';
import { schemaValidator } from '../support/schemas';

const view = (overrides: Partial<ClaimView> = {}): ClaimView => ({
  id: 7,
  value: 85.3,
  stderr: 0.2,
  split: 'test',
  nShot: 5,
  chainOfThought: true,
  sampling: 'maj@100',
  adaptation: 'lora',
  trainableParams: 1_330_000,
  variant: 'r=8',
  settingNotes: 'LoRA r=8 on q,v; 5-shot',
  role: 'proposed',
  locator: 'Table 2',
  quote: 'we reach 85.3',
  reference: 'Hu et al. 2021, Table 2',
  notes: 'mean of 5 seeds',
  confidence: 'high',
  status: 'approved',
  createdAt: new Date('2025-01-02T03:04:05.000Z'),
  paperId: 3,
  paperTitle: 'LoRA: Low-Rank Adaptation of Large Language Models',
  paperArxivId: '2106.09685',
  paperDate: '2021-06-01',
  paperDatePrecision: 'month',
  paperUrl: 'https://arxiv.org/abs/2106.09685',
  modelId: 11,
  modelName: 'RoBERTa-base',
  modelParameterCount: 125_000_000,
  benchmarkId: 21,
  benchmarkSlug: 'glue-sst2',
  benchmarkName: 'SST-2',
  benchmarkPosition: 2,
  metricId: 31,
  metricSlug: 'accuracy',
  metricName: 'Accuracy',
  metricDirection: 'higher',
  recipeId: null,
  recipeSlug: null,
  recipeName: null,
  recipeOfficial: null,
  ...overrides,
});

/** Every setting a claim may have, within the contract's limits. */
const settingArbitrary: fc.Arbitrary<Setting> = fc.record({
  split: fc.constantFrom(...SPLITS),
  nShot: fc.option(fc.integer({ min: 0, max: 10000 }), { nil: null }),
  chainOfThought: fc.option(fc.boolean(), { nil: null }),
  sampling: fc.option(
    fc.oneof(
      fc.constant('greedy'),
      fc
        .tuple(fc.constantFrom('maj', 'pass'), fc.integer({ min: 1, max: 999999 }))
        .map(([kind, k]) => `${kind}@${k}`),
    ),
    { nil: null },
  ),
  adaptation: fc.constantFrom(...ADAPTATIONS),
  trainableParams: fc.option(fc.integer({ min: 1, max: 2 ** 40 }), { nil: null }),
  variant: fc
    .string({ maxLength: 200 })
    .map((s) => s.trim())
    .filter((s) => !/^'[=+\-@\t\r]/.test(s)),
});

describe('the generated documents', () => {
  test('when the committed JSON Schemas are compared with what the contract generates, then they are the same', () => {
    expect(staleSchemaFiles()).toEqual([]);
  });

  test('when a stored claim is presented, then the public JSON matches the contract and docs/export.schema.json', () => {
    const claim = toPublicClaim(view());
    expect(claimSchema.parse(claim)).toEqual(claim);
    const validate = schemaValidator('export.schema.json');
    expect(
      validate({
        schemaVersion: 1,
        kind: 'model',
        model: {
          id: 11,
          name: 'RoBERTa-base',
          family: null,
          parameterCount: 125_000_000,
          baseModel: null,
          aliases: [],
        },
        claims: [claim],
      }),
    ).toEqual([]);
    expect(
      validate({ schemaVersion: 1, kind: 'papers', total: 0, papers: [], extra: 1 }),
    ).not.toEqual([]);
  });
});

describe('the mappers', () => {
  test('when a claim goes out to the dump and back in, then the input is the claim as stored', () => {
    const c = view();
    const dumped = toLedgerClaim({ ...c, submitter: 'seed', reviewedAt: c.createdAt });
    expect(ledgerClaimSchema.parse(dumped)).toEqual(dumped);
    const input = claimInputSchema.parse(fromLedgerClaim(dumped));
    expect(input).toEqual({
      model: 'RoBERTa-base',
      benchmark: 'glue-sst2',
      metric: 'accuracy',
      recipe: null,
      value: 85.3,
      stderr: 0.2,
      ...settingOf(c),
      settingNotes: c.settingNotes,
      role: 'proposed',
      locator: 'Table 2',
      quote: 'we reach 85.3',
      reference: 'Hu et al. 2021, Table 2',
      notes: 'mean of 5 seeds',
      confidence: 'high',
    });
  });

  test('when any setting goes out in a CSV file and is read back, then it is the same setting, and so in the dump and the public JSON', () => {
    fc.assert(
      fc.property(settingArbitrary, (setting) => {
        const c = view(setting);
        const parsed = parseClaimsCsv(toCsv(CSV_COLUMNS, [claimCsvRow(c)]));
        const read = parsed.bundles[0]!.claims[0]!.claim;
        expect(settingOf(read)).toEqual(setting);
        expect(toPublicClaim(c).setting).toEqual({ ...setting, notes: c.settingNotes });
        const dumped = toLedgerClaim({ ...c, submitter: 's', reviewedAt: null });
        expect(settingOf(fromLedgerClaim(dumped))).toEqual(setting);
      }),
    );
  });

  test('when a stored claim fills the edit form and the form is read back, then the form’s fields are unchanged', () => {
    fc.assert(
      fc.property(settingArbitrary, (setting) => {
        const c = view(setting);
        const input = claimInputSchema.parse(fromFormValues(toFormValues(c)));
        for (const field of FORM_SETTING_FIELDS) expect(input[field]).toEqual(setting[field]);
        expect(input).toMatchObject({ model: c.modelName, value: c.value, locator: c.locator });
      }),
    );
  });

  test('when the CSV columns are listed, then every setting field has its own, once', () => {
    const csv = SETTING_FIELD_NAMES.map((field) => SETTING_SPECS[field].csv);
    expect(new Set(CLAIM_CSV_COLUMNS).size).toBe(CLAIM_CSV_COLUMNS.length);
    for (const column of csv) expect(CLAIM_CSV_COLUMNS).toContain(column);
  });
});
