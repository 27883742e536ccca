import { formatDate, formatMeasure } from '../http/format';
import type { ClaimView } from './claim.repository';

/** The metric, or the aggregate recipe for a suite score, as a reader names it. */
export const measureName = (claim: Pick<ClaimView, 'metricName' | 'recipeName'>): string =>
  claim.recipeName ?? claim.metricName;

/** A paper's own way of averaging a suite, not the benchmark's official score. */
export const isOwnAverage = (claim: Pick<ClaimView, 'recipeName' | 'recipeOfficial'>): boolean =>
  claim.recipeName !== null && claim.recipeOfficial !== true;

/** A claim as a row of a page's table of claims: every text ready to print. */
export interface ClaimRow<C extends ClaimView = ClaimView> {
  /** The claim itself, for the setting and provenance partials. */
  claim: C;
  model: { href: string; text: string };
  measure: string;
  ownAverage: boolean;
  /** "85.3 ± 0.2". */
  value: string;
  paper: { href: string; text: string };
  /** "2021-06 · arXiv 2106.09685". */
  paperNote: string;
}

export function claimRow<C extends ClaimView>(claim: C): ClaimRow<C> {
  return {
    claim,
    model: { href: `/models/${claim.modelId}`, text: claim.modelName },
    measure: measureName(claim),
    ownAverage: isOwnAverage(claim),
    value: formatMeasure(claim),
    paper: { href: `/papers/${claim.paperId}`, text: claim.paperTitle },
    paperNote: [
      formatDate(claim.paperDate, claim.paperDatePrecision),
      claim.paperArxivId ? `arXiv ${claim.paperArxivId}` : null,
    ]
      .filter(Boolean)
      .join(' · '),
  };
}

/** Claims in catalogue order, grouped by benchmark, each as a row. */
export function rowsByBenchmark<C extends ClaimView>(claims: C[]) {
  const groups = new Map<number, { href: string; name: string; rows: ClaimRow<C>[] }>();
  for (const claim of claims) {
    const group = groups.get(claim.benchmarkId) ?? {
      href: `/benchmarks/${claim.benchmarkSlug}`,
      name: claim.benchmarkName,
      rows: [],
    };
    group.rows.push(claimRow(claim));
    groups.set(claim.benchmarkId, group);
  }
  return [...groups.values()];
}
