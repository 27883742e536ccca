import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('submission')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // Only a hash of the submitter's link token is kept, so the table does not reveal the links.
    .addColumn('token_hash', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`token_hash ~ '^[0-9a-f]{64}$'`),
    )
    .addColumn('submitter_name', 'text', (c) => c.check(sql`length(submitter_name) <= 200`))
    .addColumn('submitter_email', 'text', (c) => c.check(sql`length(submitter_email) <= 320`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .alterTable('claim')
    .addColumn('submission_id', 'integer', (c) => c.references('submission.id'))
    .execute();
  await db.schema.createIndex('claim_submission').on('claim').column('submission_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claim_submission').execute();
  await db.schema.alterTable('claim').dropColumn('submission_id').execute();
  await db.schema.dropTable('submission').execute();
}
