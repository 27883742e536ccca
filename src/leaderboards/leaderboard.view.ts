/**
 * The leaderboard page's view model: every heading, control, cell and link as the template prints
 * it. The template loops and escapes; it decides nothing.
 */
import type { Benchmark } from '../benchmarks/benchmark.table';
import type { BuiltChart } from '../charts/chart';
import type { ConflictBadge } from '../claims/claim.conflicts';
import type { ClaimView } from '../claims/claim.repository';
import {
  SETTING_FIELD_NAMES,
  SETTING_FIELDS,
  showSetting,
  type SettingField,
} from '../claims/claim.setting';
import { formatCount, formatDate, formatParams, formatValue } from '../http/format';
import type { Page } from '../http/pagination';
import { withQuery } from '../http/pagination';
import type { Leaderboard, SuiteLeaderboard, SuiteRow } from './leaderboard.compute';
import { FILTER_DEFAULTS, filterControls, type FilterControl } from './leaderboard.filters';
import type { LoadedLeaderboard } from './leaderboard.loader';

interface Link {
  href: string;
  text: string;
}

export interface ColumnHeader {
  text: string;
  className: string | null;
  /** 2 for a suite's columns that span both header rows. */
  rowspan: number | null;
  /** Where clicking sorts by this column, and how it is sorted now; null when it does not sort. */
  sort: {
    href: string;
    ariaSort: 'ascending' | 'descending' | 'none';
    title: string | null;
  } | null;
}

export interface ConflictView {
  summary: string;
  sources: (Link & { value: string })[];
}

export interface DatasetRowView {
  rank: string;
  model: Link;
  variant: string;
  value: string;
  stderr: string | null;
  conflict: ConflictView | null;
  paper: Link;
  date: string;
  cells: { text: string; numeric: boolean }[];
  modelSize: string;
  role: string;
  /** For the provenance partial. */
  claim: ClaimView;
}

export interface SuiteRowView {
  rank: string;
  model: Link;
  conflict: ConflictView | null;
  score: {
    computed: string | null;
    published: string | null;
    /** What is missing from the official score, when it could not be computed. */
    incomplete: { summary: string | null; missing: string } | null;
  };
  published: {
    value: string;
    note: string;
    verdict: { className: string; title: string; text: string } | null;
  }[];
  cells: string[];
  paper: Link;
  date: string;
  setting: string;
}

export interface ChartView {
  chart: BuiltChart<unknown>;
  id: string;
  label: string;
}

export interface LeaderboardView {
  title: string;
  breadcrumb: { href: string | null; text: string }[];
  heading: string;
  description: string;
  homePage: string | null;
  members: { summary: string; links: Link[] } | null;
  recipes: { name: string; note: string; description: string }[];
  form: { action: string; controls: FilterControl[]; sort: string; order: string; reset: string };
  mixedSplits: boolean;
  resultsHeading: string;
  empty: { reset: string; allSplits: string | null } | null;
  dataset: { headers: ColumnHeader[]; rows: DatasetRowView[] } | null;
  suite: {
    /** The first header row: these columns span both rows, the task groups one. */
    leading: ColumnHeader[];
    groups: { link: Link; span: number }[];
    trailing: ColumnHeader[];
    /** The second header row: one column per task metric. */
    metrics: ColumnHeader[];
    rows: SuiteRowView[];
  } | null;
  page: Page<unknown>;
  link: (changes: Record<string, string | number | undefined>) => string;
  charts: ChartView[];
}

const ARIA = { asc: 'ascending', desc: 'descending' } as const;

const conflictView = (badge: ConflictBadge | null): ConflictView | null =>
  badge && {
    summary: `spread ${formatValue(badge.spread, 2)}`,
    sources: badge.sources.map((s) => ({
      href: `/papers/${s.paperId}`,
      text: s.paperTitle,
      value: formatValue(s.value),
    })),
  };

const rankText = (rank: number | null) => (rank === null ? '—' : String(rank));

/** The setting fields a dataset leaderboard gives a column of their own. */
const SETTING_COLUMNS = SETTING_FIELD_NAMES.filter(
  (field): field is SettingField => SETTING_FIELDS[field].column !== null,
);

function datasetTable(lb: Extract<Leaderboard, { kind: 'dataset' }>, header: Header) {
  const headers: ColumnHeader[] = [
    header('Rank', 'rank', NUM),
    header('Model', 'model'),
    header('Value', 'value', NUM),
    header('Paper', 'paper'),
    header('Date', 'date'),
    ...SETTING_COLUMNS.map((field) => {
      const column = SETTING_FIELDS[field].column!;
      return header(column.heading, column.sort, column.numeric ? NUM : {});
    }),
    header('Model size', 'params', NUM),
    header('Role', null),
    header('Provenance', null),
  ];
  const rows = lb.page.items.map((row): DatasetRowView => ({
    rank: rankText(row.rank),
    model: { href: `/models/${row.claim.modelId}`, text: row.claim.modelName },
    variant: row.claim.variant,
    value: formatValue(row.claim.value),
    stderr: row.claim.stderr === null ? null : formatValue(row.claim.stderr),
    conflict: conflictView(row.conflict),
    paper: { href: `/papers/${row.claim.paperId}`, text: row.claim.paperTitle },
    date: formatDate(row.claim.paperDate, row.claim.paperDatePrecision),
    cells: SETTING_COLUMNS.map((field) => ({
      text: showSetting(field, row.claim),
      numeric: SETTING_FIELDS[field].column!.numeric,
    })),
    modelSize: formatParams(row.claim.modelParameterCount),
    role: row.claim.role,
    claim: row.claim,
  }));
  return { headers, rows };
}

function suiteScore(lb: SuiteLeaderboard, row: SuiteRow): SuiteRowView['score'] {
  if (row.official.complete) {
    return { computed: formatValue(row.official.score, 2), published: null, incomplete: null };
  }
  const scored = lb.columns.filter((c) => c.benchmark.scored).length;
  const missing = row.official.missing;
  return {
    computed: null,
    published: row.scoreSource === 'published' ? formatValue(row.score) : null,
    incomplete: {
      summary: missing.length
        ? missing.length === scored
          ? 'no task scores'
          : `missing ${missing.length}`
        : null,
      missing: missing.join('; '),
    },
  };
}

function suiteTable(lb: SuiteLeaderboard, header: Header) {
  const cellKeys = lb.columns.flatMap((c) => c.metrics.map((m) => `${c.benchmark.slug}|${m.slug}`));
  const rows = lb.page.items.map((row): SuiteRowView => ({
    rank: rankText(row.rank),
    model: { href: `/models/${row.modelId}`, text: row.modelName },
    conflict: conflictView(row.conflict),
    score: suiteScore(lb, row),
    published: row.published.map((p) => ({
      value: formatValue(p.claim.value),
      note: [p.recipe.official ? 'official' : p.recipe.name, p.claim.locator]
        .filter(Boolean)
        .join(', '),
      verdict: p.verdict && {
        className: `verdict verdict-${p.verdict}`,
        title: `recomputed ${formatValue(p.recomputed, 3)}`,
        text: `Δ ${p.delta! >= 0 ? '+' : ''}${formatValue(p.delta, 2)} ${p.verdict}`,
      },
    })),
    cells: cellKeys.map((key) => {
      const cell = row.cells[key];
      return cell ? formatValue(cell.value) : '';
    }),
    paper: { href: `/papers/${row.paperId}`, text: row.paperTitle },
    date: formatDate(row.paperDate, row.paperDatePrecision),
    setting: row.setting || '—',
  }));
  const both = { rowspan: 2 };
  return {
    leading: [
      header('Rank', 'rank', { ...NUM, ...both }),
      header('Model', 'model', both),
      header(lb.officialRecipe ? lb.officialRecipe.name : 'Score', null, { ...NUM, ...both }),
      header('Published aggregate', null, both),
    ],
    groups: lb.columns.map((c) => ({
      link: { href: `/benchmarks/${c.benchmark.slug}`, text: c.benchmark.name },
      span: c.metrics.length,
    })),
    trailing: [
      header('Paper', 'paper', both),
      header('Date', 'date', both),
      header('Setting', null, both),
    ],
    metrics: lb.columns.flatMap((c) =>
      c.metrics.map((m) =>
        header(m.name, `${c.benchmark.slug}|${m.slug}`, {
          className: 'num metric',
          title: `Sort by ${c.benchmark.name} ${m.name}`,
        }),
      ),
    ),
    rows,
  };
}

type Header = (
  text: string,
  sort: string | null,
  options?: { className?: string; rowspan?: number; title?: string },
) => ColumnHeader;

const NUM = { className: 'num' };

function charts(benchmark: Benchmark, lb: Leaderboard): ChartView[] {
  const measure = lb.kind === 'dataset' && lb.metric ? lb.metric.name : 'score';
  const views: ChartView[] = [];
  if (lb.charts.sota)
    views.push({
      chart: lb.charts.sota,
      id: 'sota-chart',
      label: `Best reported ${measure} over time on ${benchmark.name}, one series per comparable setting; the step line is the running best. Click a point to open its paper.`,
    });
  if (lb.charts.pareto)
    views.push({
      chart: lb.charts.pareto,
      id: 'pareto-chart',
      label: `Score against trainable parameters (log scale) on ${benchmark.name}; the dashed line is the Pareto front.`,
    });
  return views;
}

/** Everything the leaderboard page prints. */
export function leaderboardView(
  { benchmark, parent, leaderboard: lb }: LoadedLeaderboard,
  perPage: number,
): LeaderboardView {
  const path = `/benchmarks/${benchmark.slug}`;
  // The URL carries the view's whole state; links change one part of it.
  const full: Record<string, string | number> = {
    ...lb.filters,
    metric: lb.kind === 'dataset' ? (lb.metric?.slug ?? '') : '',
    sort: lb.sort,
    order: lb.order,
    perPage,
  };
  const defaults: Record<string, string | number> = FILTER_DEFAULTS;
  const state = Object.fromEntries(
    Object.entries(full).filter(([key, value]) => defaults[key] !== value),
  );
  const link = (changes: Record<string, string | number | undefined>) =>
    withQuery(path, state, changes);
  const header: Header = (text, sort, options = {}) => ({
    text,
    className: options.className ?? null,
    rowspan: options.rowspan ?? null,
    sort:
      sort === null
        ? null
        : {
            href: withQuery(path, state, {
              sort,
              order: lb.sort === sort ? (lb.order === 'asc' ? 'desc' : 'asc') : undefined,
              page: undefined,
            }),
            ariaSort: lb.sort === sort ? ARIA[lb.order] : 'none',
            title: options.title ?? null,
          },
  });

  const controls = filterControls(lb.filters, lb.options);
  if (lb.kind === 'dataset' && lb.metrics.length > 1) {
    controls.unshift({
      kind: 'select',
      name: 'metric',
      label: 'Metric',
      choices: lb.metrics.map((m) => ({
        value: m.slug,
        label: `${m.name} (${m.count})`,
        selected: lb.metric?.slug === m.slug,
      })),
    });
  }
  const resultsHeading =
    lb.kind === 'suite'
      ? formatCount(lb.total, 'entry', 'entries')
      : formatCount(lb.total, 'claim') +
        (lb.metric ? ` · ${lb.metric.name} (${lb.metric.direction} is better)` : '');

  return {
    title: `${benchmark.name} leaderboard`,
    breadcrumb: [
      { href: '/benchmarks', text: 'Benchmarks' },
      ...(parent ? [{ href: `/benchmarks/${parent.slug}`, text: parent.name }] : []),
      { href: null, text: benchmark.name },
    ],
    heading: `${benchmark.name} leaderboard`,
    description: [
      benchmark.description ?? '',
      benchmark.scored ? '' : ' Diagnostic: reported, not scored.',
    ].join(''),
    homePage: benchmark.url,
    members: lb.members.length
      ? {
          summary: formatCount(lb.members.length, 'member'),
          links: lb.members.map((m) => ({ href: `/benchmarks/${m.slug}`, text: m.name })),
        }
      : null,
    recipes:
      lb.kind === 'suite'
        ? lb.recipes.map((r) => ({
            name: r.name,
            note: r.official ? ' (official)' : " (a paper's own average)",
            description: r.description,
          }))
        : [],
    form: { action: path, controls, sort: lb.sort, order: lb.order, reset: path },
    mixedSplits: lb.filters.split === 'all',
    resultsHeading,
    empty:
      lb.total === 0
        ? {
            reset: path,
            allSplits: lb.filters.split === 'all' ? null : link({ split: 'all', page: undefined }),
          }
        : null,
    dataset: lb.kind === 'dataset' ? datasetTable(lb, header) : null,
    suite: lb.kind === 'suite' ? suiteTable(lb, header) : null,
    page: lb.page,
    link,
    charts: charts(benchmark, lb),
  };
}
