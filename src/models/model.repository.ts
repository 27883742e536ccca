import { sql } from 'kysely';
import { claimViews, type ClaimView } from '../claims/claim.repository';
import type { DB } from '../db/database';

export const MODEL_SORTS = ['name', 'claims', 'params'] as const;
export type ModelSort = (typeof MODEL_SORTS)[number];

export interface ModelListQuery {
  q: string;
  sort: ModelSort;
  order: 'asc' | 'desc';
  page: number;
  perPage: number;
}

export interface ModelListItem {
  id: number;
  name: string;
  family: string | null;
  parameterCount: number | null;
  aliases: string[];
  claimCount: number;
  benchmarkCount: number;
}

export interface ModelDetail {
  id: number;
  name: string;
  family: string | null;
  parameterCount: number | null;
  baseModelId: number | null;
  baseModelName: string | null;
  aliases: string[];
}

export interface ModelOption {
  id: number;
  name: string;
  claimCount: number;
}

/** A claim of the model, and whether its metric is its benchmark's primary one. */
export interface ModelClaimView extends ClaimView {
  primaryMetric: boolean;
}

const MAX_ID = 2147483647;

/** Escapes LIKE wildcards so a search for "100%" means the text, not a pattern. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const aliasesOf = sql<
  string[]
>`coalesce((select array_agg(a.alias order by lower(a.alias)) from model_alias a where a.model_id = m.id), '{}')`;

export async function listModels(
  db: DB,
  query: ModelListQuery,
): Promise<{ items: ModelListItem[]; total: number }> {
  let base = db.selectFrom('model as m');
  if (query.q) {
    const pattern = likePattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(m.name)`, 'like', pattern),
        eb(sql`lower(coalesce(m.family, ''))`, 'like', pattern),
        eb.exists(
          eb
            .selectFrom('model_alias as a')
            .select('a.model_id')
            .whereRef('a.model_id', '=', 'm.id')
            .where(sql`lower(a.alias)`, 'like', pattern),
        ),
      ]),
    );
  }
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const claimCount = sql<number>`(select count(*) from claim c where c.model_id = m.id and c.status = 'approved')`;
  const benchmarkCount = sql<number>`(select count(distinct c.benchmark_id) from claim c where c.model_id = m.id and c.status = 'approved')`;
  const direction = query.order;
  let ordered = base.select([
    'm.id',
    'm.name',
    'm.family',
    'm.parameter_count as parameterCount',
    aliasesOf.as('aliases'),
    claimCount.as('claimCount'),
    benchmarkCount.as('benchmarkCount'),
  ]);
  if (query.sort === 'claims') {
    ordered = ordered.orderBy(claimCount, direction);
  } else if (query.sort === 'params') {
    ordered = ordered.orderBy('m.parameter_count', (ob) =>
      direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast(),
    );
  }
  const items = await ordered
    .orderBy(sql`lower(m.name)`, query.sort === 'name' ? direction : 'asc')
    .orderBy('m.id')
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage)
    .execute();
  return { items, total };
}

/** Ids are positive 32-bit integers; anything else names no model. */
export function parseModelId(key: string): number | undefined {
  if (!/^\d{1,10}$/.test(key)) return undefined;
  const id = Number(key);
  return id >= 1 && id <= MAX_ID ? id : undefined;
}

export async function findModels(db: DB, ids: number[]): Promise<ModelDetail[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('model as m')
    .leftJoin('model as base', 'base.id', 'm.base_model_id')
    .select([
      'm.id',
      'm.name',
      'm.family',
      'm.parameter_count as parameterCount',
      'm.base_model_id as baseModelId',
      'base.name as baseModelName',
      aliasesOf.as('aliases'),
    ])
    .where('m.id', 'in', ids)
    .execute();
}

export async function findModel(db: DB, id: number): Promise<ModelDetail | undefined> {
  const [model] = await findModels(db, [id]);
  return model;
}

/** Every model, for pickers: name order, with its approved claim count. */
export async function listModelOptions(db: DB): Promise<ModelOption[]> {
  return db
    .selectFrom('model as m')
    .select([
      'm.id',
      'm.name',
      sql<number>`(select count(*) from claim c where c.model_id = m.id and c.status = 'approved')`.as(
        'claimCount',
      ),
    ])
    .orderBy(sql`lower(m.name)`)
    .orderBy('m.id')
    .execute();
}

export async function approvedClaimsForModels(
  db: DB,
  modelIds: number[],
): Promise<ModelClaimView[]> {
  if (modelIds.length === 0) return [];
  return claimViews(db)
    .leftJoin('benchmark_metric as bm', (join) =>
      join
        .onRef('bm.benchmark_id', '=', 'c.benchmark_id')
        .onRef('bm.metric_id', '=', 'c.metric_id'),
    )
    .select(sql<boolean>`coalesce(bm.is_primary, false)`.as('primaryMetric'))
    .where('c.model_id', 'in', modelIds)
    .where('c.status', '=', 'approved')
    .orderBy('b.position')
    .orderBy('r.official', (ob) => ob.desc().nullsFirst())
    .orderBy('mt.slug')
    .orderBy('c.value', 'desc')
    .orderBy('c.id')
    .execute();
}

/** The model whose name or alias this is (case-insensitive), or null. */
export async function findModelId(db: DB, nameOrAlias: string): Promise<number | null> {
  const key = nameOrAlias.trim().toLowerCase();
  const byName = await db
    .selectFrom('model')
    .select('id')
    .where(sql<string>`lower(name)`, '=', key)
    .executeTakeFirst();
  if (byName) return byName.id;
  const byAlias = await db
    .selectFrom('model_alias')
    .select('model_id')
    .where(sql<string>`lower(alias)`, '=', key)
    .executeTakeFirst();
  return byAlias?.model_id ?? null;
}

export interface ModelDetails {
  name: string;
  family?: string | null;
  parameterCount?: number | null;
  aliases?: string[];
}

/**
 * The model with this name or alias, created with its details when new; aliases it lacks are
 * added. Seeding, submissions and imports all create models through here.
 */
export async function ensureModel(
  db: DB,
  details: ModelDetails,
): Promise<{ id: number; created: boolean }> {
  let id = await findModelId(db, details.name);
  const created = id === null;
  if (id === null) {
    id = (
      await db
        .insertInto('model')
        .values({
          name: details.name,
          family: details.family ?? null,
          parameter_count: details.parameterCount ?? null,
          base_model_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  for (const alias of details.aliases ?? []) {
    if (alias.toLowerCase() === details.name.toLowerCase()) continue;
    await db
      .insertInto('model_alias')
      .values({ alias, model_id: id })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return { id, created };
}

/** Records a model's base model, unless it already has one. */
export async function setBaseModelIfUnset(db: DB, modelId: number, baseId: number): Promise<void> {
  await db
    .updateTable('model')
    .set({ base_model_id: baseId })
    .where('id', '=', modelId)
    .where('base_model_id', 'is', null)
    .execute();
}
