import { BENCHMARKS, METRICS, RECIPES } from '../../seeds/catalogue';
import {
  mapSeedClaim,
  paperDate,
  seedClaimInput,
  type SeedClaimRecord,
  type SeedPaperRecord,
} from '../../seeds/ledger';
import seedClaims from '../../seeds/data/seed-claims.json';
import seedPapers from '../../seeds/data/seed-papers.json';
import supplementaryClaims from '../../seeds/data/supplementary-claims.json';
import supplementaryPapers from '../../seeds/data/supplementary-papers.json';
import { loadCatalogue } from '../benchmarks/benchmark.repository';
import { catalogueIds } from '../claims/claim-input';
import { writeClaims } from '../claims/claim.service';
import { ensureModel } from '../models/model.repository';
import type { DB } from './database';

export interface SkippedRecord {
  source: string;
  index: number;
  arxivId: string;
  benchmark: string | null;
  dataset: string;
  model: string;
  metric: string;
  reason: string;
}

export interface SeedReport {
  papers: { total: number; added: number };
  claims: { records: number; mapped: number; added: number; alreadyPresent: number };
  perBenchmark: Record<string, number>;
  skipped: SkippedRecord[];
}

export const SEED_ACTOR = 'seed';

export async function seedCatalogue(db: DB): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const m of METRICS) {
      const row = {
        slug: m.slug,
        name: m.name,
        direction: m.direction,
        scale: m.scale,
        min_value: m.min,
        max_value: m.max,
      };
      await trx
        .insertInto('metric')
        .values(row)
        .onConflict((oc) => oc.column('slug').doUpdateSet(row))
        .execute();
    }
    const metricIds = new Map(
      (await trx.selectFrom('metric').select(['id', 'slug']).execute()).map((m) => [m.slug, m.id]),
    );
    const benchmarkIds = new Map<string, number>();
    for (const [position, b] of BENCHMARKS.entries()) {
      const parentId = b.parent ? benchmarkIds.get(b.parent) : null;
      if (parentId === undefined) throw new Error(`catalogue: ${b.slug} listed before its parent`);
      const row = {
        slug: b.slug,
        name: b.name,
        kind: b.kind,
        parent_id: parentId,
        task_type: b.taskType,
        position,
        scored: b.scored,
        description: b.description,
        url: b.url ?? null,
      };
      const { id } = await trx
        .insertInto('benchmark')
        .values(row)
        .onConflict((oc) => oc.column('slug').doUpdateSet(row))
        .returning('id')
        .executeTakeFirstOrThrow();
      benchmarkIds.set(b.slug, id);
      for (const [i, slug] of b.metrics.entries()) {
        const metricId = metricIds.get(slug);
        if (!metricId) throw new Error(`catalogue: ${b.slug} uses unknown metric ${slug}`);
        await trx
          .insertInto('benchmark_metric')
          .values({ benchmark_id: id, metric_id: metricId, is_primary: i === 0, position: i })
          .onConflict((oc) => oc.columns(['benchmark_id', 'metric_id']).doNothing())
          .execute();
      }
    }
    for (const r of RECIPES) {
      const benchmarkId = benchmarkIds.get(r.benchmark);
      if (!benchmarkId) throw new Error(`catalogue: recipe ${r.slug} on unknown ${r.benchmark}`);
      const row = {
        slug: r.slug,
        benchmark_id: benchmarkId,
        name: r.name,
        official: r.official,
        computable: r.computable,
        description: r.description,
        definition: JSON.stringify(r.definition),
      };
      await trx
        .insertInto('aggregate_recipe')
        .values(row)
        .onConflict((oc) => oc.column('slug').doUpdateSet(row))
        .execute();
    }
  });
}

/** Loads the demo ledger. Safe to run again: what is already there is left alone. */
export async function seedLedger(db: DB): Promise<SeedReport> {
  const papers = [
    ...(seedPapers as SeedPaperRecord[]),
    ...(supplementaryPapers as SeedPaperRecord[]),
  ];
  const sources: [string, SeedClaimRecord[]][] = [
    ['seed-claims.json', seedClaims as SeedClaimRecord[]],
    ['supplementary-claims.json', supplementaryClaims],
  ];
  const report: SeedReport = {
    papers: { total: papers.length, added: 0 },
    claims: { records: 0, mapped: 0, added: 0, alreadyPresent: 0 },
    perBenchmark: {},
    skipped: [],
  };

  await db.transaction().execute(async (trx) => {
    const paperIds = new Map<string, number>();
    for (const p of papers) {
      const date = paperDate(p.first_submitted, p.arxiv_id);
      const inserted = await trx
        .insertInto('paper')
        .values({
          kind: 'paper',
          arxiv_id: p.arxiv_id,
          title: p.title,
          authors: p.authors,
          published_on: date.publishedOn,
          date_precision: date.precision,
          venue: p.venue,
          url: p.url,
        })
        .onConflict((oc) => oc.column('arxiv_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) report.papers.added += 1;
    }
    for (const row of await trx.selectFrom('paper').select(['id', 'arxiv_id']).execute()) {
      if (row.arxiv_id) paperIds.set(row.arxiv_id, row.id);
    }
    const catalogue = await loadCatalogue(trx);

    for (const [source, records] of sources) {
      for (const [index, record] of records.entries()) {
        report.claims.records += 1;
        const skip = (reason: string) =>
          report.skipped.push({
            source,
            index,
            arxivId: record.arxiv_id,
            benchmark: record.benchmark,
            dataset: record.dataset_or_task,
            model: record.model,
            metric: record.metric,
            reason,
          });
        const mapped = mapSeedClaim(record);
        if (!mapped.ok) {
          skip(mapped.reason);
          continue;
        }
        const c = mapped.claim;
        const paperId = paperIds.get(c.arxivId);
        if (!paperId) {
          skip(`paper ${c.arxivId} is in neither seed-papers.json nor supplementary-papers.json`);
          continue;
        }
        report.claims.mapped += 1;
        report.perBenchmark[c.benchmark] = (report.perBenchmark[c.benchmark] ?? 0) + 1;
        const { id: modelId } = await ensureModel(trx, {
          name: c.model.name,
          family: c.model.family,
          parameterCount: c.model.parameterCount,
          aliases: [c.model.alias],
        });
        const input = seedClaimInput(c);
        const claim = { ...input, ...catalogueIds(catalogue, input), modelId };
        const written = await writeClaims(trx, paperId, [claim], {
          status: 'approved',
          submitter: SEED_ACTOR,
          action: 'seed',
          reason: `seed ledger: ${source} record ${index}`,
        });
        if (written.created.length) report.claims.added += 1;
        else report.claims.alreadyPresent += 1;
      }
    }
  });
  return report;
}

export async function isLedgerEmpty(db: DB): Promise<boolean> {
  const row = await db.selectFrom('paper').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export function formatSeedReport(report: SeedReport): string {
  const lines = [
    `papers: ${report.papers.total} in the seed data, ${report.papers.added} added`,
    `claims: ${report.claims.records} records, ${report.claims.mapped} mapped onto the catalogue ` +
      `(${report.claims.added} added, ${report.claims.alreadyPresent} already present), ` +
      `${report.skipped.length} skipped`,
    'mapped per benchmark:',
    ...Object.entries(report.perBenchmark)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([slug, n]) => `  ${slug}: ${n}`),
    'skipped:',
    ...report.skipped.map(
      (s) =>
        `  ${s.source}#${s.index} ${s.arxivId} ${s.benchmark ?? '-'} / ${s.dataset} / ${s.model} / ${s.metric}: ${s.reason}`,
    ),
  ];
  return lines.join('\n');
}
