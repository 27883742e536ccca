import type { MetricDirection } from '../benchmarks/benchmark.contract';
import { buildGroupedBarChart, type GroupedBarChartConfig } from '../charts/bars';
import { EPSILON, isBetter, type BuiltChart } from '../charts/chart';
import type { ClaimView } from '../claims/claim.repository';
import {
  ADAPTATIONS,
  ADAPTATION_LABELS,
  SPLITS,
  type Adaptation,
  type Split,
  settingAspects,
  settingKey,
  settingLabel,
} from '../claims/claim.setting';
import type { DB } from '../db/database';

import {
  approvedClaimsForModels,
  findModels,
  listModelOptions,
  type ModelDetail,
  type ModelOption,
} from '../models/model.repository';
import { isOwnAverage, measureName } from '../claims/claim.view';
import type { CompareProblem, CompareRequest } from './compare.schema';

export interface CompareColumn {
  key: string;
  label: string;
  href: string | null;
}

/** A claim and what sets it apart within its cell, e.g. "LoRA · 1.33M trainable params · r=8". */
export interface NotedClaim extends ClaimView {
  note: string;
}

export interface CompareCell {
  best: NotedClaim;
  /** The column's other claims in this row: other budgets, variants or papers. */
  others: NotedClaim[];
  isBest: boolean;
}

export interface CompareRow {
  key: string;
  benchmarkSlug: string;
  benchmarkName: string;
  measure: string;
  ownAverage: boolean;
  /** Shots and chain-of-thought, which every claim in the row shares; '' when unstated. */
  setting: string;
  label: string;
  direction: MetricDirection;
  cells: (CompareCell | null)[];
}

export interface LeftOutClaim {
  benchmarkSlug: string;
  benchmarkName: string;
  measure: string;
  ownAverage: boolean;
  setting: string;
  note: string;
  value: number;
}

export interface Comparison {
  columns: CompareColumn[];
  rows: CompareRow[];
  chart: BuiltChart<GroupedBarChartConfig> | null;
  /** Claims on the compared split that no other column shares a row with. */
  leftOut: { column: CompareColumn; claims: LeftOutClaim[] }[];
  /** Columns without a single claim on any split. */
  emptyColumns: CompareColumn[];
  split: Split;
  /** True when no split was asked for and the default, test, shared nothing. */
  splitSwitched: boolean;
  /** How many rows each split would show, to offer the others. */
  sharedRowsBySplit: Record<Split, number>;
}

export interface ComparisonInput {
  columns: CompareColumn[];
  claims: ClaimView[];
  /** The column a claim belongs to, or undefined when it was not asked for. */
  columnOf: (claim: ClaimView) => string | undefined;
  /** What sets a claim apart from others in its cell. */
  noteOf: (claim: ClaimView) => string;
  split: Split;
  splitGiven: boolean;
}

/**
 * Claims in one row measure the same thing: benchmark, metric, recipe and protocol (shots, chain
 * of thought, …); the split is the page's.
 */
const rowKey = (claim: ClaimView): string =>
  [
    claim.benchmarkId,
    claim.metricId,
    claim.recipeId ?? '-',
    settingKey(settingAspects(claim, ['protocol'])),
  ].join('|');

const rowSetting = (claim: ClaimView): string => settingLabel(settingAspects(claim, ['protocol']));

const compareRowOrder = (a: ClaimView, b: ClaimView): number =>
  a.benchmarkPosition - b.benchmarkPosition ||
  Number(b.recipeOfficial ?? true) - Number(a.recipeOfficial ?? true) ||
  a.metricName.localeCompare(b.metricName) ||
  (a.nShot ?? -1) - (b.nShot ?? -1) ||
  Number(a.chainOfThought ?? false) - Number(b.chainOfThought ?? false) ||
  rowKey(a).localeCompare(rowKey(b));

/** Row key → column key → that column's claims in the row, for one split. */
function tabulate(input: ComparisonInput, split: Split) {
  const table = new Map<string, Map<string, ClaimView[]>>();
  for (const claim of input.claims) {
    const column = input.columnOf(claim);
    if (column === undefined || claim.split !== split) continue;
    const key = rowKey(claim);
    const row = table.get(key) ?? new Map<string, ClaimView[]>();
    row.set(column, [...(row.get(column) ?? []), claim]);
    table.set(key, row);
  }
  return table;
}

const sharedRows = (table: Map<string, Map<string, ClaimView[]>>) =>
  [...table.entries()].filter(([, row]) => row.size >= 2);

function bestOf(
  claims: ClaimView[],
  noteOf: (claim: ClaimView) => string,
): { best: NotedClaim; others: NotedClaim[] } {
  const sorted = claims
    .map((claim) => ({ ...claim, note: noteOf(claim) }))
    .sort((a, b) =>
      isBetter(a.value, b.value, a.metricDirection)
        ? -1
        : isBetter(b.value, a.value, a.metricDirection)
          ? 1
          : a.id - b.id,
    );
  return { best: sorted[0]!, others: sorted.slice(1) };
}

/**
 * Lays the columns' claims side by side on one split. A row is a benchmark, metric (or recipe),
 * shot count and chain-of-thought setting that at least two columns have claims in; a cell shows
 * its column's best claim there, and the best cells of a row (within 1e-9) are marked.
 */
export function buildComparison(input: ComparisonInput): Comparison {
  const sharedRowsBySplit = Object.fromEntries(
    SPLITS.map((split) => [split, sharedRows(tabulate(input, split)).length]),
  ) as Record<Split, number>;
  let split = input.split;
  let splitSwitched = false;
  if (!input.splitGiven && sharedRowsBySplit[split] === 0) {
    const [fallback] = SPLITS.filter((s) => sharedRowsBySplit[s] > 0).sort(
      (a, b) => sharedRowsBySplit[b] - sharedRowsBySplit[a],
    );
    if (fallback) {
      split = fallback;
      splitSwitched = true;
    }
  }

  const table = tabulate(input, split);
  const rows: CompareRow[] = sharedRows(table)
    .map(([key, row]) => {
      const cells = input.columns.map((column) => {
        const claims = row.get(column.key);
        return claims ? { ...bestOf(claims, input.noteOf), isBest: false } : null;
      });
      const present = cells.filter((cell): cell is CompareCell => cell !== null);
      const first = present[0]!.best;
      const direction = first.metricDirection;
      const top = present
        .map((cell) => cell.best.value)
        .reduce((a, b) => (isBetter(b, a, direction) ? b : a));
      for (const cell of present) cell.isBest = Math.abs(cell.best.value - top) <= EPSILON;
      const setting = rowSetting(first);
      return {
        key,
        benchmarkSlug: first.benchmarkSlug,
        benchmarkName: first.benchmarkName,
        measure: measureName(first),
        ownAverage: isOwnAverage(first),
        setting,
        label: [first.benchmarkName, first.recipeName ?? first.metricName, setting]
          .filter(Boolean)
          .join(' · '),
        direction,
        cells,
        first,
      };
    })
    .sort((a, b) => compareRowOrder(a.first, b.first))
    .map(({ first: _first, ...row }) => row);

  const leftOut = input.columns
    .map((column) => ({
      column,
      claims: [...table.values()]
        .filter((row) => row.size < 2)
        .flatMap((row) => row.get(column.key) ?? [])
        .sort(compareRowOrder)
        .map((claim) => ({
          benchmarkSlug: claim.benchmarkSlug,
          benchmarkName: claim.benchmarkName,
          measure: measureName(claim),
          ownAverage: isOwnAverage(claim),
          setting: rowSetting(claim),
          note: input.noteOf(claim),
          value: claim.value,
        })),
    }))
    .filter((entry) => entry.claims.length > 0);

  const used = new Set(input.claims.map(input.columnOf));
  const chart =
    rows.length === 0
      ? null
      : buildGroupedBarChart({
          title: `Side by side on the ${split} split (best claim per cell)`,
          categories: rows.map((row) => row.label),
          series: input.columns.map((column, c) => ({
            label: column.label,
            values: rows.map((row) => row.cells[c]?.best.value ?? null),
          })),
          yTitle: 'Score',
          xTitle: 'Benchmark · metric',
        });

  return {
    columns: input.columns,
    rows,
    chart,
    leftOut,
    emptyColumns: input.columns.filter((column) => !used.has(column.key)),
    split,
    splitSwitched,
    sharedRowsBySplit,
  };
}

/** What sets one claim apart from the others in its cell, e.g. "LoRA · r=8 (1.33M params)". */
function cellNote(claim: ClaimView, mode: CompareRequest['mode']): string {
  const method = settingAspects(claim, ['method']);
  return settingLabel(mode === 'models' ? method : { ...method, adaptation: 'unknown' });
}

export interface AdaptationOption {
  value: Adaptation;
  label: string;
  /** Approved claims of the chosen model with this method; null when no model is chosen. */
  count: number | null;
}

export interface ComparePage {
  request: CompareRequest;
  problems: CompareProblem[];
  /** Why nothing is compared yet, when that is so. */
  message: string | null;
  models: ModelDetail[];
  comparison: Comparison | null;
  modelOptions: ModelOption[];
  adaptationOptions: AdaptationOption[];
}

const listNames = (names: string[]): string =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

async function modelsInOrder(
  db: DB,
  ids: number[],
  problems: CompareProblem[],
  field: 'models' | 'model',
): Promise<ModelDetail[]> {
  const found = new Map((await findModels(db, ids)).map((model) => [model.id, model]));
  const models: ModelDetail[] = [];
  for (const id of ids) {
    const model = found.get(id);
    if (model) models.push(model);
    else problems.push({ field, message: `No model has id ${id}.` });
  }
  return models;
}

export async function loadComparePage(db: DB, request: CompareRequest): Promise<ComparePage> {
  const problems = [...request.problems];
  const modelOptions = await listModelOptions(db);
  const page = (
    rest: Pick<ComparePage, 'message' | 'models' | 'comparison'>,
    counts?: Map<Adaptation, number>,
  ): ComparePage => ({
    request,
    problems,
    modelOptions,
    adaptationOptions: ADAPTATIONS.map((value) => ({
      value,
      label: ADAPTATION_LABELS[value],
      count: counts ? (counts.get(value) ?? 0) : null,
    })),
    ...rest,
  });

  if (request.mode === 'models') {
    const models = await modelsInOrder(db, request.modelIds, problems, 'models');
    if (models.length < 2) {
      const message =
        models.length === 1
          ? `Choose at least one more model to compare with ${models[0]!.name}.`
          : 'Choose two or more models to compare them side by side.';
      return page({ message, models, comparison: null });
    }
    const claims = await approvedClaimsForModels(
      db,
      models.map((model) => model.id),
    );
    const comparison = buildComparison({
      columns: models.map((model) => ({
        key: String(model.id),
        label: model.name,
        href: `/models/${model.id}`,
      })),
      claims,
      columnOf: (claim) => String(claim.modelId),
      noteOf: (claim) => cellNote(claim, 'models'),
      split: request.split,
      splitGiven: request.splitGiven,
    });
    return page({ message: null, models, comparison });
  }

  const models =
    request.modelId === null ? [] : await modelsInOrder(db, [request.modelId], problems, 'model');
  const model = models[0];
  if (!model) {
    return page({
      message: 'Choose a model, then two or more adaptation methods to compare on it.',
      models,
      comparison: null,
    });
  }
  const claims = await approvedClaimsForModels(db, [model.id]);
  const counts = new Map<Adaptation, number>();
  for (const claim of claims) counts.set(claim.adaptation, (counts.get(claim.adaptation) ?? 0) + 1);
  if (request.adaptations.length < 2) {
    const available = ADAPTATIONS.filter((a) => counts.has(a)).map((a) => ADAPTATION_LABELS[a]);
    const message =
      available.length < 2
        ? `The ledger holds ${model.name} claims for ${available.length === 0 ? 'no adaptation method' : `one adaptation method only (${available[0]})`}, so there is nothing to compare; try comparing it with other models.`
        : `Choose two or more adaptation methods to compare on ${model.name}: the ledger holds its claims for ${listNames(available)}.`;
    return page({ message, models, comparison: null }, counts);
  }
  const chosen = new Set(request.adaptations);
  const comparison = buildComparison({
    columns: request.adaptations.map((adaptation) => ({
      key: adaptation,
      label: ADAPTATION_LABELS[adaptation],
      href: null,
    })),
    claims,
    columnOf: (claim) => (chosen.has(claim.adaptation) ? claim.adaptation : undefined),
    noteOf: (claim) => cellNote(claim, 'adaptations'),
    split: request.split,
    splitGiven: request.splitGiven,
  });
  return page({ message: null, models, comparison }, counts);
}
