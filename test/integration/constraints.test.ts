import { sql } from 'kysely';
import type { NewClaim } from '../../src/claims/claim.table';
import { useMigratedApp } from '../support/app';

let base: NewClaim;

const { db } = useMigratedApp();

beforeAll(async () => {
  const paper = await db
    .insertInto('paper')
    .values({ title: 'Constraint paper', arxiv_id: '2501.00001', authors: ['A. Author'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  const model = await db
    .insertInto('model')
    .values({ name: 'Constraint-Model', family: null, parameter_count: null, base_model_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const benchmark = await db
    .selectFrom('benchmark')
    .select('id')
    .where('slug', '=', 'glue-cola')
    .executeTakeFirstOrThrow();
  const metric = await db
    .selectFrom('metric')
    .select('id')
    .where('slug', '=', 'mcc')
    .executeTakeFirstOrThrow();
  base = {
    paper_id: paper.id,
    model_id: model.id,
    benchmark_id: benchmark.id,
    metric_id: metric.id,
    recipe_id: null,
    value: 60.5,
    stderr: null,
    split: 'test',
    n_shot: null,
    chain_of_thought: null,
    adaptation: 'full_ft',
    trainable_params: null,
    setting_notes: null,
    role: 'proposed',
    locator: 'Table 1',
    quote: null,
    reference: null,
    notes: null,
    confidence: 'high',
    review_note: null,
    submitter: 'test',
  };
});

describe('the database protects the ledger', () => {
  test('when the same claim is stored twice, then the second insert is refused', async () => {
    const claim = { ...base, variant: 'duplicate-check' };
    await db.insertInto('claim').values(claim).execute();
    await expect(db.insertInto('claim').values(claim).execute()).rejects.toThrow(/claim_identity/);
    // A different setting is a different claim.
    await db
      .insertInto('claim')
      .values({ ...claim, n_shot: 5 })
      .execute();
  });

  test.each([
    ['an unknown split', { split: 'train' }],
    ['an unknown adaptation', { adaptation: 'magic' }],
    ['an unknown role', { role: 'hero' }],
    ['an unknown status', { status: 'maybe' }],
    ['a negative n-shot', { n_shot: -1 }],
    ['a negative stderr', { stderr: -0.1 }],
    ['zero trainable parameters', { trainable_params: 0 }],
    ['NaN as a value', { value: Number.NaN }],
    ['an over-long quote', { quote: 'x'.repeat(501) }],
  ])('when a claim has %s, then it is refused', async (_name, change) => {
    await expect(
      db
        .insertInto('claim')
        .values({ ...base, ...change, variant: `bad-${_name}` } as NewClaim)
        .execute(),
    ).rejects.toThrow(/violates check constraint/);
  });

  test('when a claim names a paper that does not exist, then the foreign key refuses it', async () => {
    await expect(
      db
        .insertInto('claim')
        .values({ ...base, paper_id: 999999, variant: 'fk' })
        .execute(),
    ).rejects.toThrow(/foreign key/);
  });

  test('when two models differ only in case, then the second is refused', async () => {
    await db
      .insertInto('model')
      .values({ name: 'CaseModel', family: null, parameter_count: null, base_model_id: null })
      .execute();
    await expect(
      db
        .insertInto('model')
        .values({ name: 'casemodel', family: null, parameter_count: null, base_model_id: null })
        .execute(),
    ).rejects.toThrow(/model_name_unique/);
  });

  test('when a paper has a malformed arXiv id, then it is refused', async () => {
    await expect(
      db.insertInto('paper').values({ title: 'Bad id', arxiv_id: 'not-an-id' }).execute(),
    ).rejects.toThrow(/violates check constraint/);
  });

  test('when an audit event is updated or deleted, then the database refuses: the log is append-only', async () => {
    const event = await db
      .insertInto('audit_event')
      .values({
        claim_id: null,
        actor: 'test',
        action: 'edit',
        reason: 'r',
        before: null,
        after: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      db
        .updateTable('audit_event')
        .set({ actor: 'someone else' })
        .where('id', '=', event.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_event').where('id', '=', event.id).execute()).rejects.toThrow(
      /append-only/,
    );
    const still = await db
      .selectFrom('audit_event')
      .select('actor')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(still.actor).toBe('test');
  });

  test('when a benchmark would get two primary metrics, then the second is refused', async () => {
    const cola = await db
      .selectFrom('benchmark')
      .select('id')
      .where('slug', '=', 'glue-cola')
      .executeTakeFirstOrThrow();
    const accuracy = await db
      .selectFrom('metric')
      .select('id')
      .where('slug', '=', 'accuracy')
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('benchmark_metric')
        .values({ benchmark_id: cola.id, metric_id: accuracy.id, is_primary: true })
        .execute(),
    ).rejects.toThrow(/one_primary/);
  });

  test('when concurrent transactions run, then each sees only its own writes until commit', async () => {
    // PGlite has one connection; the dialect must serialise transactions instead of interleaving them.
    const results = await Promise.allSettled(
      [1, 2, 3].map((i) =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('model')
            .values({
              name: `Concurrent-${i}`,
              family: null,
              parameter_count: null,
              base_model_id: null,
            })
            .execute();
          if (i === 2) throw new Error('roll me back');
          await sql`select pg_sleep(0.01)`.execute(trx);
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const names = await db
      .selectFrom('model')
      .select('name')
      .where('name', 'like', 'Concurrent-%')
      .orderBy('name')
      .execute();
    expect(names.map((n) => n.name)).toEqual(['Concurrent-1', 'Concurrent-3']);
  });
});
