import type { MetricDirection } from '../benchmarks/benchmark.contract';
import type { DB } from '../db/database';
import type { DatePrecision } from '../papers/paper.contract';
import type { ClaimStatus, Confidence, Role } from './claim.contract';
import { CLAIM_IDENTITY_COLUMNS, SETTING_COLUMN, type Setting } from './claim.setting';
import type { AuditAction, Claim, ClaimUpdate, NewClaim } from './claim.table';

/** A stored claim with the names a page, an export or the API needs to print it. */
export interface ClaimView extends Setting {
  id: number;
  value: number;
  stderr: number | null;
  settingNotes: string | null;
  role: Role;
  locator: string | null;
  quote: string | null;
  reference: string | null;
  notes: string | null;
  confidence: Confidence | null;
  status: ClaimStatus;
  createdAt: Date;
  paperId: number;
  paperTitle: string;
  paperArxivId: string | null;
  paperDate: string | null;
  paperDatePrecision: DatePrecision;
  paperUrl: string | null;
  modelId: number;
  modelName: string;
  modelParameterCount: number | null;
  benchmarkId: number;
  benchmarkSlug: string;
  benchmarkName: string;
  benchmarkPosition: number;
  metricId: number;
  metricSlug: string;
  metricName: string;
  metricDirection: MetricDirection;
  recipeId: number | null;
  recipeSlug: string | null;
  recipeName: string | null;
  recipeOfficial: boolean | null;
}

type SettingSelection = {
  [F in keyof typeof SETTING_COLUMN]: `c.${(typeof SETTING_COLUMN)[F]} as ${F}`;
}[keyof typeof SETTING_COLUMN];

/** Every setting column, named as the Setting type names it. */
const SETTING_SELECTION = Object.entries(SETTING_COLUMN).map(
  ([field, column]) => `c.${column} as ${field}`,
) as SettingSelection[];

/** The joined select behind every ClaimView; callers add filters, order and extra columns. */
export function claimViews(db: DB) {
  return db
    .selectFrom('claim as c')
    .innerJoin('paper as p', 'p.id', 'c.paper_id')
    .innerJoin('model as m', 'm.id', 'c.model_id')
    .innerJoin('benchmark as b', 'b.id', 'c.benchmark_id')
    .innerJoin('metric as mt', 'mt.id', 'c.metric_id')
    .leftJoin('aggregate_recipe as r', 'r.id', 'c.recipe_id')
    .select([
      'c.id',
      'c.value',
      'c.stderr',
      ...SETTING_SELECTION,
      'c.setting_notes as settingNotes',
      'c.role',
      'c.locator',
      'c.quote',
      'c.reference',
      'c.notes',
      'c.confidence',
      'c.status',
      'c.created_at as createdAt',
      'p.id as paperId',
      'p.title as paperTitle',
      'p.arxiv_id as paperArxivId',
      'p.published_on as paperDate',
      'p.date_precision as paperDatePrecision',
      'p.url as paperUrl',
      'm.id as modelId',
      'm.name as modelName',
      'm.parameter_count as modelParameterCount',
      'b.id as benchmarkId',
      'b.slug as benchmarkSlug',
      'b.name as benchmarkName',
      'b.position as benchmarkPosition',
      'mt.id as metricId',
      'mt.slug as metricSlug',
      'mt.name as metricName',
      'mt.direction as metricDirection',
      'r.id as recipeId',
      'r.slug as recipeSlug',
      'r.name as recipeName',
      'r.official as recipeOfficial',
    ]);
}

export async function approvedClaimsForPaper(db: DB, paperId: number): Promise<ClaimView[]> {
  return claimViews(db)
    .where('c.paper_id', '=', paperId)
    .where('c.status', '=', 'approved')
    .orderBy('b.position')
    .orderBy('m.name')
    .orderBy('mt.slug')
    .orderBy('c.id')
    .execute();
}

export async function approvedClaimsForBenchmarks(
  db: DB,
  benchmarkIds: number[],
): Promise<ClaimView[]> {
  if (benchmarkIds.length === 0) return [];
  return claimViews(db)
    .where('c.benchmark_id', 'in', benchmarkIds)
    .where('c.status', '=', 'approved')
    .orderBy('b.position')
    .orderBy('c.value', 'desc')
    .orderBy('c.id')
    .execute();
}

export async function latestApprovedClaims(db: DB, limit: number): Promise<ClaimView[]> {
  return claimViews(db)
    .where('c.status', '=', 'approved')
    .orderBy('p.published_on', (ob) => ob.desc().nullsLast())
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countApprovedClaims(db: DB): Promise<number> {
  const row = await db
    .selectFrom('claim')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return row.n;
}

export type IdentityColumn = (typeof CLAIM_IDENTITY_COLUMNS)[number];
/** The values of the claim_identity index for one claim. */
export type ClaimIdentityRow = Pick<Claim, IdentityColumn>;
/** The identity without the paper: what several papers can claim a value for. */
export type ClaimSubjectRow = Omit<ClaimIdentityRow, 'paper_id'>;

/** Matches the given identity columns; a null matches only null, as the index treats it. */
function whereIdentity(db: DB, identity: Partial<ClaimIdentityRow>) {
  let query = db.selectFrom('claim as c');
  for (const column of CLAIM_IDENTITY_COLUMNS) {
    if (!(column in identity)) continue;
    const value = identity[column];
    query =
      value === null
        ? query.where(`c.${column}`, 'is', null)
        : query.where(`c.${column}`, '=', value!);
  }
  return query;
}

/** The stored claim with this identity, whatever its status. */
export async function findClaimByIdentity(
  db: DB,
  identity: ClaimIdentityRow,
): Promise<Claim | undefined> {
  return whereIdentity(db, identity).selectAll('c').executeTakeFirst();
}

/** Approved claims on this subject from papers other than `paperId` (all, when it is null). */
export async function approvedClaimsOnSubject(
  db: DB,
  subject: ClaimSubjectRow,
  paperId: number | null,
): Promise<{ id: number; value: number; paperId: number; paperTitle: string }[]> {
  let query = whereIdentity(db, subject)
    .innerJoin('paper as p', 'p.id', 'c.paper_id')
    .select(['c.id', 'c.value', 'p.id as paperId', 'p.title as paperTitle'])
    .where('c.status', '=', 'approved');
  if (paperId !== null) query = query.where('c.paper_id', '<>', paperId);
  return query.orderBy('c.id').execute();
}

export async function insertClaim(db: DB, claim: NewClaim): Promise<Claim> {
  return db.insertInto('claim').values(claim).returningAll().executeTakeFirstOrThrow();
}

/** The claim row, locked until the transaction ends so two reviews cannot interleave. */
export async function lockClaim(db: DB, id: number): Promise<Claim | undefined> {
  return db.selectFrom('claim').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateClaim(db: DB, id: number, changes: ClaimUpdate): Promise<Claim> {
  return db
    .updateTable('claim')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertAuditEvent(
  db: DB,
  event: {
    claimId: number;
    actor: string;
    action: AuditAction;
    reason: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      claim_id: event.claimId,
      actor: event.actor,
      action: event.action,
      reason: event.reason,
      before: event.before ? JSON.stringify(event.before) : null,
      after: event.after ? JSON.stringify(event.after) : null,
      created_at: event.now,
    })
    .execute();
}
