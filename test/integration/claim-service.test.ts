import { loadCatalogue, type Catalogue } from '../../src/benchmarks/benchmark.repository';
import { checkAgainstCatalogue, resolveClaim } from '../../src/claims/claim-input';
import { claimInputSchema, type ClaimInput } from '../../src/claims/claim.contract';
import { findNearConflicts, writeClaims } from '../../src/claims/claim.service';
import { findOrCreatePaper } from '../../src/papers/paper.repository';
import { useSeededApp } from '../support/app';

let catalogue: Catalogue;

const { database } = useSeededApp();

beforeAll(async () => {
  catalogue = await loadCatalogue(database.db);
});

const input = (overrides: Partial<ClaimInput> = {}): ClaimInput => ({
  model: 'Service-Model',
  benchmark: 'glue-cola',
  metric: 'mcc',
  recipe: null,
  value: 61.2,
  stderr: null,
  split: 'test',
  nShot: null,
  chainOfThought: null,
  sampling: null,
  adaptation: 'full_ft',
  trainableParams: null,
  variant: '',
  settingNotes: null,
  role: 'proposed',
  locator: 'Table 2',
  quote: null,
  reference: null,
  notes: null,
  confidence: null,
  ...overrides,
});

describe('checking a claim against the catalogue', () => {
  test.each([
    [
      { benchmark: 'glue-sst2', metric: 'accuracy', value: 0.853 },
      'value',
      'looks like a proportion — did you mean 85.3?',
    ],
    [{ benchmark: 'glue-sst2', metric: 'accuracy', value: 101 }, 'value', 'between 0 and 100'],
    [{ metric: 'accuracy' }, 'metric', 'Accuracy is not a metric of CoLA; use Matthews corr..'],
    [{ benchmark: 'nope' }, 'benchmark', 'is not a benchmark in the catalogue'],
    [{ benchmark: 'glue', metric: 'score' }, 'recipe', 'needs the averaging recipe'],
    [
      { benchmark: 'glue', metric: 'score', recipe: 'blurb-official' },
      'recipe',
      'is not an averaging recipe of GLUE',
    ],
    [{ recipe: 'glue-official' }, 'recipe', 'Only a whole suite takes an averaging recipe'],
    [{ value: -150 }, 'value', 'between -100 and 100'],
  ] as const)('when %p, then %s says %p', (change, field, message) => {
    const errors = checkAgainstCatalogue(catalogue, input(change));
    expect(errors[field]).toContain(message);
  });

  test('when a claim is valid, then there are no errors, and a correlation may be negative', () => {
    expect(checkAgainstCatalogue(catalogue, input())).toEqual({});
    expect(checkAgainstCatalogue(catalogue, input({ value: -3.5 }))).toEqual({});
    expect(
      checkAgainstCatalogue(
        catalogue,
        input({ benchmark: 'glue', metric: 'score', recipe: 'glue-official', value: 80.5 }),
      ),
    ).toEqual({});
  });

  test('when the shape is wrong, then zod names each field', () => {
    const result = claimInputSchema.safeParse({
      ...input(),
      value: Number.NaN,
      nShot: -1,
      model: '',
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['value', 'nShot', 'model']));
  });
});

describe('writing claims', () => {
  test('when claims are written, then models are created, events logged, and a second write reports duplicates', async () => {
    const paperId = await findOrCreatePaper(database.db, {
      kind: 'paper',
      arxivId: '2601.11111',
      title: 'Service paper',
      authors: ['A. Author'],
      publishedOn: '2026-01-02',
      datePrecision: 'day',
      venue: null,
      url: null,
    });
    const resolved = await resolveClaim(database.db, catalogue, input());
    expect(resolved.modelId).toBeNull();
    const first = await database.db.transaction().execute((trx) =>
      writeClaims(trx, paperId, [resolved], {
        status: 'pending',
        submitter: 'tester',
        action: 'submit',
        reason: null,
      }),
    );
    expect(first.created).toHaveLength(1);
    const events = await database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('claim_id', '=', first.created[0]!)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'submit', actor: 'tester', before: null });
    expect((events[0]!.after as { value: number }).value).toBe(61.2);

    const again = await resolveClaim(database.db, catalogue, input());
    expect(again.modelId).not.toBeNull();
    const second = await writeClaims(database.db, paperId, [again], {
      status: 'pending',
      submitter: 'tester',
      action: 'submit',
      reason: null,
    });
    expect(second).toEqual({ created: [], duplicates: [0] });
  });

  test('when another paper already reports a different value for the same setting, then it is a near conflict', async () => {
    const resolved = await resolveClaim(
      database.db,
      catalogue,
      input({ model: 'PubMedBERT', benchmark: 'blurb-bc5-chem', metric: 'f1-entity', value: 92.1 }),
    );
    const conflicts = await findNearConflicts(database.db, null, resolved);
    expect(conflicts.map((c) => [c.value, Math.round(c.difference * 100) / 100])).toEqual([
      [93.33, -1.23],
    ]);
    const close = await findNearConflicts(database.db, null, { ...resolved, value: 93.3 });
    expect(close).toEqual([]);
  });
});
