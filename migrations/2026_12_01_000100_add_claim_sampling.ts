import { sql, type Kysely } from 'kysely';

/**
 * The sampling protocol of a claim: greedy, maj@K (majority vote over K samples) or pass@K; NULL
 * when the source does not say. It is part of the claim's setting, so of its identity: the
 * claim_identity index is rebuilt with it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('claim')
    .addColumn('sampling', 'text', (c) =>
      c.check(sql`sampling ~ '^(greedy|(maj|pass)@[1-9][0-9]{0,5})$'`),
    )
    .execute();
  await sql`drop index claim_identity`.execute(db);
  await sql`
    create unique index claim_identity on claim (
      paper_id, model_id, benchmark_id, metric_id, recipe_id, split, n_shot, chain_of_thought,
      sampling, adaptation, trainable_params, variant
    ) nulls not distinct`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Refused (and rolled back) when two claims differ only in sampling: the old index forbids them.
  await sql`drop index claim_identity`.execute(db);
  await db.schema.alterTable('claim').dropColumn('sampling').execute();
  await sql`
    create unique index claim_identity on claim (
      paper_id, model_id, benchmark_id, metric_id, recipe_id, split, n_shot, chain_of_thought,
      adaptation, trainable_params, variant
    ) nulls not distinct`.execute(db);
}
