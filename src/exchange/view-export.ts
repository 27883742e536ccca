import type { ClaimView } from '../claims/claim.repository';
import type { Leaderboard } from '../leaderboards/leaderboard.compute';
import { claimCsvRow, CSV_COLUMNS, toCsv } from './formats/csv';

type Cells = Record<string, string | number | boolean | null>;

export const CLAIM_EXPORT_COLUMNS = ['claim_id', ...CSV_COLUMNS] as const;

export function claimsCsv(
  claims: ClaimView[],
  paper?: { authors: string[]; venue: string | null },
): string {
  return toCsv(
    CLAIM_EXPORT_COLUMNS,
    claims.map((c) => ({ claim_id: c.id, ...claimCsvRow(c, paper) })),
  );
}

/**
 * A dataset leaderboard is a list of claims (rank first, importable columns after); a suite
 * leaderboard is a table of entries with a column per task metric, as the page shows it.
 */
export function leaderboardCsv(lb: Leaderboard): string {
  if (lb.kind === 'dataset') {
    return toCsv(
      ['rank', 'claim_id', ...CSV_COLUMNS, 'conflict_spread'],
      lb.page.items.map((row) => ({
        rank: row.rank,
        claim_id: row.claim.id,
        ...claimCsvRow(row.claim),
        conflict_spread: row.conflict?.spread ?? null,
      })),
    );
  }
  const cellColumns = lb.columns.flatMap((c) =>
    c.metrics.map((m) => ({
      key: `${c.benchmark.slug}|${m.slug}`,
      name: `${c.benchmark.slug}/${m.slug}`,
    })),
  );
  const recipeColumns = lb.recipes.map((r) => `published:${r.slug}`);
  const columns = [
    'rank',
    'model',
    'paper_title',
    'paper_arxiv_id',
    'paper_date',
    'setting',
    'score',
    'score_source',
    'official_missing',
    ...cellColumns.map((c) => c.name),
    ...recipeColumns,
    'conflict_spread',
  ];
  return toCsv(
    columns,
    lb.page.items.map((row) => {
      const cells: Cells = {
        rank: row.rank,
        model: row.modelName,
        paper_title: row.paperTitle,
        paper_arxiv_id: row.sample.paperArxivId,
        paper_date: row.paperDate,
        setting: row.setting,
        score: row.score,
        score_source: row.scoreSource,
        official_missing: row.official.complete ? '' : row.official.missing.join('; '),
        conflict_spread: row.conflict?.spread ?? null,
      };
      for (const c of cellColumns) cells[c.name] = row.cells[c.key]?.value ?? null;
      for (const p of row.published) cells[`published:${p.recipe.slug}`] = p.claim.value;
      return cells;
    }),
  );
}
