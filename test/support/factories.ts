import { randomBytes } from 'node:crypto';
import type { NewClaim } from '../../src/claims/claim.table';
import type { DB } from '../../src/db/database';
import type { NewPaper } from '../../src/papers/paper.table';

/** Names unique to one test, so test files can share a database without stepping on each other. */
export const unique = (prefix: string) => `${prefix} ${randomBytes(4).toString('hex')}`;

export async function modelIdOf(db: DB, name: string): Promise<number> {
  const row = await db
    .selectFrom('model')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function paperIdOf(db: DB, arxivId: string): Promise<number> {
  const row = await db
    .selectFrom('paper')
    .select('id')
    .where('arxiv_id', '=', arxivId)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function buildPaper(db: DB, overrides: Partial<NewPaper> = {}): Promise<number> {
  const row = await db
    .insertInto('paper')
    .values({
      title: unique('Replication study'),
      authors: ['T. Ester'],
      published_on: '2025-01-15',
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An approved claim on a catalogue benchmark and metric (by slug); everything else overridable. */
export async function buildClaim(
  db: DB,
  overrides: Partial<NewClaim> & { benchmark: string; metric: string },
): Promise<number> {
  const { benchmark, metric, ...rest } = overrides;
  const b = await db
    .selectFrom('benchmark')
    .select('id')
    .where('slug', '=', benchmark)
    .executeTakeFirstOrThrow();
  const m = await db
    .selectFrom('metric')
    .select('id')
    .where('slug', '=', metric)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('claim')
    .values({
      paper_id: rest.paper_id ?? (await buildPaper(db)),
      model_id: rest.model_id ?? (await modelIdOf(db, 'BERT-base')),
      benchmark_id: b.id,
      metric_id: m.id,
      recipe_id: null,
      value: 50,
      stderr: null,
      split: 'test',
      n_shot: null,
      chain_of_thought: null,
      adaptation: 'full_ft',
      trainable_params: null,
      setting_notes: null,
      role: 'reproduction',
      locator: 'Table 2',
      quote: null,
      reference: null,
      notes: null,
      confidence: 'high',
      review_note: null,
      submitter: 'test',
      status: 'approved',
      ...rest,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
