import { sql, type Kysely } from 'kysely';

const ADAPTATIONS = [
  'full_ft',
  'lora',
  'adalora',
  'adapter',
  'prefix_tuning',
  'prompt_tuning',
  'bitfit',
  'in_context',
  'other',
  'unknown',
];
const ROLES = ['proposed', 'baseline', 'ablation', 'reproduction'];
const STATUSES = ['pending', 'approved', 'rejected', 'retracted'];
const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('paper')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('paper')
        .check(sql`kind in ('paper', 'run')`),
    )
    .addColumn('arxiv_id', 'text', (c) =>
      c.unique().check(sql`arxiv_id ~ '^([0-9]{4}\\.[0-9]{4,5}|[a-z-]+(\\.[A-Z]{2})?/[0-9]{7})$'`),
    )
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 500`))
    .addColumn('authors', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('published_on', 'date')
    .addColumn('date_precision', 'text', (c) =>
      c
        .notNull()
        .defaultTo('day')
        .check(sql`date_precision in ('day', 'month', 'year')`),
    )
    .addColumn('venue', 'text')
    .addColumn('url', 'text', (c) => c.check(sql`url ~ '^https?://'`))
    .addColumn('run_details', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index paper_title_search on paper (lower(title) text_pattern_ops)`.execute(db);
  await db.schema.createIndex('paper_published_on').on('paper').column('published_on').execute();

  await db.schema
    .createTable('model')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    .addColumn('family', 'text')
    .addColumn('parameter_count', 'bigint', (c) => c.check(sql`parameter_count > 0`))
    .addColumn('base_model_id', 'integer', (c) => c.references('model.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index model_name_unique on model (lower(name))`.execute(db);

  await db.schema
    .createTable('model_alias')
    .addColumn('alias', 'text', (c) => c.notNull().check(sql`length(alias) between 1 and 300`))
    .addColumn('model_id', 'integer', (c) => c.notNull().references('model.id').onDelete('cascade'))
    .execute();
  await sql`create unique index model_alias_unique on model_alias (lower(alias))`.execute(db);
  await db.schema.createIndex('model_alias_model').on('model_alias').column('model_id').execute();

  await db.schema
    .createTable('metric')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug ~ '^[a-z0-9-]+$'`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('higher', 'lower')`))
    .addColumn('scale', 'text', (c) =>
      c.notNull().check(sql`scale in ('percent', 'correlation', 'raw')`),
    )
    .addColumn('min_value', 'double precision')
    .addColumn('max_value', 'double precision')
    .addCheckConstraint(
      'metric_range',
      sql`min_value is null or max_value is null or min_value < max_value`,
    )
    .execute();

  await db.schema
    .createTable('benchmark')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug ~ '^[a-z0-9-]+$'`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('suite', 'group', 'dataset')`))
    .addColumn('parent_id', 'integer', (c) => c.references('benchmark.id'))
    .addColumn('task_type', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scored', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('description', 'text')
    .addColumn('url', 'text')
    .addCheckConstraint('benchmark_suite_is_root', sql`kind <> 'suite' or parent_id is null`)
    .addCheckConstraint('benchmark_group_has_parent', sql`kind <> 'group' or parent_id is not null`)
    .execute();
  await db.schema.createIndex('benchmark_parent').on('benchmark').column('parent_id').execute();

  await db.schema
    .createTable('benchmark_metric')
    .addColumn('benchmark_id', 'integer', (c) =>
      c.notNull().references('benchmark.id').onDelete('cascade'),
    )
    .addColumn('metric_id', 'integer', (c) => c.notNull().references('metric.id'))
    .addColumn('is_primary', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('benchmark_metric_pk', ['benchmark_id', 'metric_id'])
    .execute();
  await sql`create unique index benchmark_metric_one_primary on benchmark_metric (benchmark_id) where is_primary`.execute(
    db,
  );

  await db.schema
    .createTable('aggregate_recipe')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug ~ '^[a-z0-9-]+$'`),
    )
    .addColumn('benchmark_id', 'integer', (c) => c.notNull().references('benchmark.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('official', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('computable', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .execute();
  await sql`create unique index aggregate_recipe_one_official on aggregate_recipe (benchmark_id) where official`.execute(
    db,
  );

  await db.schema
    .createTable('claim')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('paper_id', 'integer', (c) => c.notNull().references('paper.id'))
    .addColumn('model_id', 'integer', (c) => c.notNull().references('model.id'))
    .addColumn('benchmark_id', 'integer', (c) => c.notNull().references('benchmark.id'))
    .addColumn('metric_id', 'integer', (c) => c.notNull().references('metric.id'))
    .addColumn('recipe_id', 'integer', (c) => c.references('aggregate_recipe.id'))
    .addColumn('value', 'double precision', (c) =>
      c.notNull().check(sql`value = value and abs(value) < 1e15`),
    )
    .addColumn('stderr', 'double precision', (c) => c.check(sql`stderr >= 0 and stderr < 1e15`))
    .addColumn('split', 'text', (c) => c.notNull().check(sql`split in ('test', 'dev', 'unknown')`))
    .addColumn('n_shot', 'integer', (c) => c.check(sql`n_shot between 0 and 10000`))
    .addColumn('chain_of_thought', 'boolean')
    .addColumn('adaptation', 'text', (c) =>
      c
        .notNull()
        .defaultTo('unknown')
        .check(sql`adaptation in (${list(ADAPTATIONS)})`),
    )
    .addColumn('trainable_params', 'bigint', (c) => c.check(sql`trainable_params > 0`))
    .addColumn('variant', 'text', (c) =>
      c
        .notNull()
        .defaultTo('')
        .check(sql`length(variant) <= 200`),
    )
    .addColumn('setting_notes', 'text', (c) => c.check(sql`length(setting_notes) <= 2000`))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in (${list(ROLES)})`))
    .addColumn('locator', 'text', (c) => c.check(sql`length(locator) <= 200`))
    .addColumn('quote', 'text', (c) => c.check(sql`length(quote) <= 500`))
    .addColumn('reference', 'text', (c) => c.check(sql`length(reference) <= 1000`))
    .addColumn('notes', 'text', (c) => c.check(sql`length(notes) <= 2000`))
    .addColumn('confidence', 'text', (c) => c.check(sql`confidence in ('high', 'medium', 'low')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in (${list(STATUSES)})`),
    )
    .addColumn('review_note', 'text')
    .addColumn('submitter', 'text', (c) =>
      c.notNull().check(sql`length(submitter) between 1 and 200`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reviewed_at', 'timestamptz')
    .execute();
  // One claim per paper, model, benchmark, metric, recipe and setting: a second copy is a duplicate.
  await sql`
    create unique index claim_identity on claim (
      paper_id, model_id, benchmark_id, metric_id, recipe_id, split, n_shot, chain_of_thought,
      adaptation, trainable_params, variant
    ) nulls not distinct`.execute(db);
  await db.schema
    .createIndex('claim_leaderboard')
    .on('claim')
    .columns(['benchmark_id', 'status', 'split'])
    .execute();
  await db.schema.createIndex('claim_model').on('claim').columns(['model_id', 'status']).execute();
  await db.schema.createIndex('claim_paper').on('claim').column('paper_id').execute();
  await db.schema.createIndex('claim_created').on('claim').column('created_at').execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('claim_id', 'integer', (c) => c.references('claim.id'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) =>
      c
        .notNull()
        .check(sql`action in ('seed', 'submit', 'approve', 'reject', 'edit', 'retract', 'import')`),
    )
    .addColumn('reason', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('audit_event_claim')
    .on('audit_event')
    .columns(['claim_id', 'created_at'])
    .execute();
  // The audit log is append-only: the database refuses to change or remove an event.
  await sql`
    create function audit_event_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only';
    end;
    $$`.execute(db);
  await sql`
    create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_event').execute();
  await sql`drop function audit_event_is_append_only()`.execute(db);
  for (const table of [
    'claim',
    'aggregate_recipe',
    'benchmark_metric',
    'benchmark',
    'metric',
    'model_alias',
    'model',
    'paper',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
