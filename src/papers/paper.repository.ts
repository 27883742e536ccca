import { sql } from 'kysely';
import type { DB } from '../db/database';
import type { DatePrecision, PaperInput, SourceKind } from './paper.contract';
import type { Paper } from './paper.table';

export const PAPER_SORTS = ['date', 'title', 'claims'] as const;
export type PaperSort = (typeof PAPER_SORTS)[number];

export interface PaperListQuery {
  q: string;
  sort: PaperSort;
  order: 'asc' | 'desc';
  page: number;
  perPage: number;
}

export interface PaperListItem {
  id: number;
  kind: SourceKind;
  arxivId: string | null;
  title: string;
  authors: string[];
  publishedOn: string | null;
  datePrecision: DatePrecision;
  venue: string | null;
  claimCount: number;
}

/** Escapes LIKE wildcards so a search for "100%" means the text, not a pattern. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listPapers(
  db: DB,
  query: PaperListQuery,
): Promise<{ items: PaperListItem[]; total: number }> {
  let base = db.selectFrom('paper as p');
  if (query.q) {
    const pattern = likePattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(p.title)`, 'like', pattern),
        eb(sql`coalesce(p.arxiv_id, '')`, 'like', pattern),
        eb(sql`lower(array_to_string(p.authors, ' '))`, 'like', pattern),
      ]),
    );
  }
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const claimCount = sql<number>`(select count(*) from claim c where c.paper_id = p.id and c.status = 'approved')`;
  const direction = query.order;
  let ordered = base.select([
    'p.id',
    'p.kind',
    'p.arxiv_id as arxivId',
    'p.title',
    'p.authors',
    'p.published_on as publishedOn',
    'p.date_precision as datePrecision',
    'p.venue',
    claimCount.as('claimCount'),
  ]);
  if (query.sort === 'date') {
    ordered = ordered.orderBy('p.published_on', (ob) =>
      direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast(),
    );
  } else if (query.sort === 'claims') {
    ordered = ordered.orderBy(claimCount, direction);
  }
  const items = await ordered
    .orderBy(sql`lower(p.title)`, query.sort === 'title' ? direction : 'asc')
    .orderBy('p.id')
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage)
    .execute();
  return { items, total };
}

export async function findPaper(db: DB, key: string): Promise<Paper | undefined> {
  const query = db.selectFrom('paper').selectAll();
  if (/^\d+$/.test(key)) {
    const id = Number(key);
    if (!Number.isSafeInteger(id) || id > 2147483647) return undefined;
    return query.where('id', '=', id).executeTakeFirst();
  }
  return query.where('arxiv_id', '=', key).executeTakeFirst();
}

export async function countPapers(db: DB): Promise<number> {
  const row = await db
    .selectFrom('paper')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findPaperByArxivId(db: DB, arxivId: string): Promise<Paper | undefined> {
  return db.selectFrom('paper').selectAll().where('arxiv_id', '=', arxivId).executeTakeFirst();
}

/** The paper with this arXiv id (or, for sources without one, this exact title), created if new. */
export async function findOrCreatePaper(db: DB, paper: PaperInput): Promise<number> {
  const existing = paper.arxivId
    ? await findPaperByArxivId(db, paper.arxivId)
    : await db
        .selectFrom('paper')
        .selectAll()
        .where('arxiv_id', 'is', null)
        .where('kind', '=', paper.kind)
        .where('title', '=', paper.title)
        .executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await db
    .insertInto('paper')
    .values({
      kind: paper.kind,
      arxiv_id: paper.arxivId,
      title: paper.title,
      authors: paper.authors,
      published_on: paper.publishedOn,
      date_precision: paper.datePrecision,
      venue: paper.venue,
      url: paper.url,
      run_details: paper.runDetails ? JSON.stringify(paper.runDetails) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
