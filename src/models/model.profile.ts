import { buildGroupedBarChart, type GroupedBarChartConfig } from '../charts/bars';
import type { BuiltChart } from '../charts/chart';
import { isBetter, SERIES_COLOURS } from '../charts/chart';
import { isOwnAverage, measureName, rowsByBenchmark } from '../claims/claim.view';
import { detectConflicts } from '../claims/claim.conflicts';
import { settingAspects, settingLabel } from '../claims/claim.setting';
import type { ModelClaimView } from './model.repository';

export interface ConflictSource {
  claimId: number;
  paperId: number;
  paperTitle: string;
  paperArxivId: string | null;
  value: number;
  locator: string | null;
}

export interface ModelConflict {
  /** The page anchor, e.g. "conflict-1". */
  anchor: string;
  benchmarkSlug: string;
  benchmarkName: string;
  measure: string;
  ownAverage: boolean;
  setting: string;
  spread: number;
  min: number;
  max: number;
  sources: ConflictSource[];
}

export interface ProfileClaim extends ModelClaimView {
  /** The conflict this claim belongs to, if two papers disagree about it. */
  conflict: ModelConflict | null;
}

export type BenchmarkGroup = ReturnType<typeof rowsByBenchmark<ProfileClaim>>[number];

export interface ModelProfile {
  groups: BenchmarkGroup[];
  conflicts: ModelConflict[];
  chart: BuiltChart<GroupedBarChartConfig> | null;
  /** Settings left off the chart because it has only so many distinguishable colours. */
  settingsOffChart: string[];
}

function findConflicts(claims: ModelClaimView[]): ModelConflict[] {
  return detectConflicts(claims).map((conflict, i) => {
    const first = conflict.claims[0]!;
    return {
      anchor: `conflict-${i + 1}`,
      benchmarkSlug: first.benchmarkSlug,
      benchmarkName: first.benchmarkName,
      measure: measureName(first),
      ownAverage: isOwnAverage(first),
      setting: settingLabel(first),
      spread: conflict.spread,
      min: conflict.min,
      max: conflict.max,
      sources: conflict.claims
        .map((claim) => ({
          claimId: claim.id,
          paperId: claim.paperId,
          paperTitle: claim.paperTitle,
          paperArxivId: claim.paperArxivId,
          value: claim.value,
          locator: claim.locator,
        }))
        .sort((a, b) => b.value - a.value || a.claimId - b.claimId),
    };
  });
}

/** Split, protocol (shots, chain of thought, …) and method: budgets and variants share a series. */
const seriesLabel = (claim: ModelClaimView): string =>
  settingLabel({ ...settingAspects(claim, ['split', 'protocol']), adaptation: claim.adaptation }) ||
  'setting not stated';

function primaryMetricChart(
  modelName: string,
  claims: ModelClaimView[],
): Pick<ModelProfile, 'chart' | 'settingsOffChart'> {
  const primary = claims.filter((claim) => claim.primaryMetric && Number.isFinite(claim.value));
  if (primary.length === 0) return { chart: null, settingsOffChart: [] };

  const categories = new Map<string, string>();
  const seriesSize = new Map<string, number>();
  const best = new Map<string, ModelClaimView>();
  for (const claim of primary) {
    const category = `${claim.benchmarkId}|${claim.recipeId ?? ''}`;
    const name =
      claim.recipeName && !claim.recipeOfficial
        ? `${claim.benchmarkName} (${claim.recipeName})`
        : claim.benchmarkName;
    categories.set(category, name);
    const series = seriesLabel(claim);
    seriesSize.set(series, (seriesSize.get(series) ?? 0) + 1);
    const cell = `${category}#${series}`;
    const current = best.get(cell);
    if (!current || isBetter(claim.value, current.value, claim.metricDirection)) {
      best.set(cell, claim);
    }
  }

  const ranked = [...seriesSize.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([series]) => series);
  const shown = ranked.slice(0, SERIES_COLOURS.length);
  const chart = buildGroupedBarChart({
    title: `${modelName}: best claimed primary-metric value per benchmark`,
    categories: [...categories.values()],
    series: shown.map((series) => ({
      label: series,
      values: [...categories.keys()].map(
        (category) => best.get(`${category}#${series}`)?.value ?? null,
      ),
    })),
    yTitle: 'Primary metric',
  });
  return { chart, settingsOffChart: ranked.slice(shown.length) };
}

/** Everything the model page shows, from the model's approved claims in catalogue order. */
export function buildModelProfile(modelName: string, claims: ModelClaimView[]): ModelProfile {
  const conflicts = findConflicts(claims);
  const conflictOf = new Map<number, ModelConflict>();
  for (const conflict of conflicts) {
    for (const source of conflict.sources) conflictOf.set(source.claimId, conflict);
  }

  const groups = rowsByBenchmark(
    claims.map((claim) => ({ ...claim, conflict: conflictOf.get(claim.id) ?? null })),
  );
  return { groups, conflicts, ...primaryMetricChart(modelName, claims) };
}
