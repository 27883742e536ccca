/**
 * Proposes a mapping for a grid: header rows, the model column, each column's benchmark and
 * metric (from header words, the caption's "F1 scores are reported for QQP", and pairs such as
 * 84.6/83.4 in the cells), the recipe an "Avg." column follows (the one that reproduces the printed
 * averages; never the official score for an "Avg." header), the rows to leave out, and the setting.
 * Pure: the ledger's models and catalogue come in through the context. Each guess carries a note.
 */
import type { RecipeDefinition } from '../benchmarks/benchmark.contract';
import type { Adaptation } from '../claims/claim.setting';
import { computeAggregate, matchesAtPrecision, valueKey } from '../leaderboards/recipes';
import { readCell, readCount, stripDecorations } from './cell';
import type { Grid } from './grid';
import {
  blankColumn,
  blankRowMapping,
  blankSetting,
  type ColumnMapping,
  type Mapping,
  type RowMapping,
  type TableSetting,
} from './mapping';
import {
  ADAPTATION_WORDS,
  AVERAGE_PHRASES,
  BENCHMARK_SYNONYMS,
  CAPTION_METRIC_WORDS,
  CONTEXTUAL_SYNONYMS,
  FINE_TUNED_SUITES,
  METHODS,
  METRIC_FAMILIES,
  METRIC_WORDS,
  MODEL_HEADERS,
  modelKey,
  PARAMS_HEADERS,
  SCORE_PHRASES,
  SIZE_HEADERS,
  words,
} from './synonyms';

export interface BenchmarkInfo {
  slug: string;
  name: string;
  kind: 'suite' | 'group' | 'dataset';
  /** The suite (or standalone dataset) at the top of its tree. */
  root: string;
  /** Allowed metrics, the primary one first. */
  metrics: string[];
}

export interface RecipeInfo {
  slug: string;
  benchmark: string;
  name: string;
  official: boolean;
  computable: boolean;
  definition: RecipeDefinition;
}

export interface SuggestContext {
  benchmarks: BenchmarkInfo[];
  recipes: RecipeInfo[];
  /** Ledger models by `modelKey`, for the names this grid holds. */
  models: Map<string, string>;
  /** The paper's title, when it is known: rows naming the paper's own method are "proposed". */
  paperTitle: string | null;
}

export interface SuggestionNotes {
  columns: string[];
  rows: string[];
  setting: Partial<Record<keyof TableSetting, string>>;
}

export interface Suggestion {
  mapping: Mapping;
  notes: SuggestionNotes;
}

const MAX_HEADER_ROWS = 5;
const MAX_MODEL_KEYS = 3000;

const isNumbers = (text: string) => readCell(text).kind === 'numbers';

/** Rows before the first with a number in it (after its first cell): "392k" or "5-shot" are not. */
export function guessHeaderRows(grid: Grid): number {
  if (grid.headerRows !== null) return grid.headerRows;
  const limit = Math.min(MAX_HEADER_ROWS, grid.rows.length - 1);
  for (let r = 0; r <= limit; r += 1) {
    if (grid.rows[r]!.cells.slice(1).some((c) => isNumbers(c.text))) return r;
  }
  return Math.min(1, grid.rows.length - 1);
}

/** A column's header: the texts of its header rows, spans repeated once. */
export function headerTexts(grid: Grid, headerRows: number): string[] {
  return Array.from({ length: grid.width }, (_, c) => {
    const texts: string[] = [];
    for (let r = 0; r < Math.min(headerRows, grid.rows.length); r += 1) {
      const text = grid.rows[r]!.cells[c]!.text;
      if (text && texts.at(-1) !== text) texts.push(text);
    }
    return texts.join(' ');
  });
}

/** The model name a row shows: its model cell and, if mapped, its size ("LLaMA 7B"). */
export function nameAsRead(grid: Grid, row: number, columns: ColumnMapping[]): string {
  const cell = (use: ColumnMapping['use']) => {
    const index = columns.findIndex((c) => c.use === use);
    return index >= 0 ? grid.rows[row]!.cells[index]!.text : '';
  };
  return [cell('model'), cell('size')]
    .map((text) => stripDecorations(text.replace(/\(\s*ours\s*\)/gi, '')))
    .filter(Boolean)
    .join(' ');
}

/** Every text in the grid and caption that could name a ledger model, as keys to look up. */
export function modelKeyCandidates(grid: Grid): string[] {
  const keys = new Set<string>();
  const add = (text: string) => {
    const key = modelKey(stripDecorations(text.replace(/\(\s*ours\s*\)/gi, '')));
    if (key && key.length <= 200) keys.add(key);
  };
  for (const row of grid.rows) {
    const cells = row.cells.slice(0, 3).map((c) => c.text);
    cells.forEach((text, i) => {
      add(text);
      if (cells[i + 1]) add(`${text} ${cells[i + 1]}`);
    });
  }
  const captionWords = grid.caption.split(/\s+/).filter(Boolean);
  for (let i = 0; i < captionWords.length; i += 1) {
    for (let n = 1; n <= 4 && i + n <= captionWords.length; n += 1) {
      add(captionWords.slice(i, i + n).join(' '));
    }
  }
  return [...keys].slice(0, MAX_MODEL_KEYS);
}

interface Phrases {
  plain: Map<string, string[]>;
  contextual: Map<string, Array<{ slug: string; suite: string }>>;
  longest: number;
}

function phraseIndex(benchmarks: BenchmarkInfo[]): Phrases {
  const plain = new Map<string, string[]>();
  const contextual = new Map<string, Array<{ slug: string; suite: string }>>();
  const contextualPhrases = new Set(
    Object.values(CONTEXTUAL_SYNONYMS).flatMap((c) => c.phrases.map((p) => words(p).join(' '))),
  );
  let longest = 1;
  const add = (phrase: string, slug: string) => {
    const ws = words(phrase);
    if (ws.length === 0) return;
    longest = Math.max(longest, ws.length);
    for (const key of new Set([ws.join(' '), ws.join('')])) {
      if (contextualPhrases.has(key)) continue;
      const slugs = plain.get(key) ?? [];
      if (!slugs.includes(slug)) plain.set(key, [...slugs, slug]);
    }
  };
  for (const b of benchmarks) {
    add(b.name, b.slug);
    add(b.slug, b.slug);
    if (b.slug.startsWith(`${b.root}-`)) add(b.slug.slice(b.root.length + 1), b.slug);
    for (const synonym of BENCHMARK_SYNONYMS[b.slug] ?? []) add(synonym, b.slug);
  }
  for (const [slug, { suite, phrases }] of Object.entries(CONTEXTUAL_SYNONYMS)) {
    if (!benchmarks.some((b) => b.slug === slug)) continue;
    for (const phrase of phrases) {
      const key = words(phrase).join(' ');
      contextual.set(key, [...(contextual.get(key) ?? []), { slug, suite }]);
    }
  }
  return { plain, contextual, longest };
}

interface Found {
  slug: string;
  start: number;
  end: number;
}

const KIND_RANK = { dataset: 2, group: 1, suite: 0 } as const;

/** The most specific benchmark a header names (a dataset over its suite, then the longest phrase). */
function findBenchmark(
  ws: string[],
  phrases: Phrases,
  byslug: Map<string, BenchmarkInfo>,
  suites: Set<string>,
): Found | null {
  let best: (Found & { rank: number }) | null = null;
  for (let length = Math.min(phrases.longest, ws.length); length >= 1; length -= 1) {
    for (let start = 0; start + length <= ws.length; start += 1) {
      const slice = ws.slice(start, start + length);
      const candidates = [
        ...(phrases.plain.get(slice.join(' ')) ?? phrases.plain.get(slice.join('')) ?? []),
        ...(phrases.contextual.get(slice.join(' ')) ?? [])
          .filter((c) => suites.has(c.suite))
          .map((c) => c.slug),
      ];
      if (candidates.length === 0) continue;
      const slug = candidates.find((s) => suites.has(byslug.get(s)!.root)) ?? candidates[0]!;
      const rank = KIND_RANK[byslug.get(slug)!.kind] * 100 + length;
      if (!best || rank > best.rank) best = { slug, start, end: start + length, rank };
    }
  }
  return best;
}

const containsPhrase = (ws: string[], phrase: string) => {
  const target = words(phrase);
  for (let i = 0; i + target.length <= ws.length; i += 1) {
    if (target.every((w, k) => ws[i + k] === w)) return true;
  }
  return false;
};

/** Metric words in order of appearance, longest phrases first where they overlap. */
function metricWords(ws: string[]): string[] {
  const found: Array<{ at: number; metric: string }> = [];
  const taken = new Set<number>();
  const phrases = [...METRIC_WORDS].sort((a, b) => words(b.phrase).length - words(a.phrase).length);
  for (const { phrase, metric } of phrases) {
    const target = words(phrase);
    for (let i = 0; i + target.length <= ws.length; i += 1) {
      const span = target.map((_, k) => i + k);
      if (span.some((k) => taken.has(k)) || !target.every((w, k) => ws[i + k] === w)) continue;
      span.forEach((k) => taken.add(k));
      found.push({ at: i, metric });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.metric);
}

const GENERIC_METRICS = new Set(['accuracy', 'f1', 'pearson-spearman-mean']);

/** A metric word on a benchmark: itself if allowed, or (for generic words) its family member. */
function allowedMetric(metric: string, allowed: string[]): string | null {
  if (allowed.includes(metric)) return metric;
  if (!GENERIC_METRICS.has(metric)) return null;
  return allowed.find((a) => METRIC_FAMILIES[a] === METRIC_FAMILIES[metric]) ?? null;
}

/** "F1 scores are reported for QQP and MRPC, Spearman correlations … for STS-B" → per benchmark. */
function captionMetrics(
  caption: string,
  phrases: Phrases,
  byslug: Map<string, BenchmarkInfo>,
): Map<string, string> {
  const hints = new Map<string, string>();
  for (const clause of caption.split(/[.;,:]/)) {
    const ws = words(clause);
    const metrics = new Set(
      metricWords(ws).filter((m) =>
        METRIC_WORDS.some(
          (w) =>
            w.metric === m && CAPTION_METRIC_WORDS.has(w.phrase) && containsPhrase(ws, w.phrase),
        ),
      ),
    );
    if (metrics.size !== 1) continue;
    const [metric] = [...metrics];
    for (let i = 0; i < ws.length; i += 1) {
      const found = findBenchmark(ws.slice(i, i + 3), phrases, byslug, new Set());
      if (!found || found.start !== 0) continue;
      const allowed = allowedMetric(metric!, byslug.get(found.slug)!.metrics);
      if (allowed && !hints.has(found.slug)) hints.set(found.slug, allowed);
    }
  }
  return hints;
}

function ownName(title: string | null): string[] {
  if (!title) return [];
  const colon = title.indexOf(':');
  if (colon <= 0 || colon > 60) return [];
  return words(title.slice(0, colon));
}

const shotsIn = (text: string): string | null => {
  const ws = words(text);
  if (containsPhrase(ws, 'zero shot')) return '0';
  if (containsPhrase(ws, 'one shot')) return '1';
  const match = /\b(\d{1,4})[- ]?shots?\b/i.exec(text);
  return match ? match[1]! : null;
};

const cotIn = (text: string) => /\bcot\b|chain[- ]of[- ]thoughts?/i.test(text);

function splitIn(text: string): 'test' | 'dev' | null {
  const ws = new Set(words(text));
  const test = ws.has('test');
  const dev = ['dev', 'development', 'validation', 'val'].some((w) => ws.has(w));
  return test === dev ? null : test ? 'test' : 'dev';
}

/** What every step of a suggestion reads: the grid, the catalogue and where the data starts. */
interface Table {
  grid: Grid;
  context: SuggestContext;
  byslug: Map<string, BenchmarkInfo>;
  headerRows: number;
  headers: string[];
  dataRows: number[];
}

const cellsOf = (table: Table, c: number) =>
  table.dataRows.map((r) => table.grid.rows[r]!.cells[c]!.text).filter((t) => t !== '');

const isNumericColumn = (table: Table, c: number) => {
  const cells = cellsOf(table, c);
  return cells.length > 0 && cells.filter(isNumbers).length >= cells.length / 2;
};

const isPairColumn = (table: Table, c: number) => {
  const cells = cellsOf(table, c).map(readCell);
  const two = cells.filter((r) => r.kind === 'numbers' && r.readings.length === 2).length;
  return two > 0 && two >= cells.length / 2;
};

/** The suites a table is about (named in its caption or headers, then by its datasets), most held first. */
function suitesOf(table: Table, phrases: Phrases): string[] {
  const { byslug } = table;
  const roots = table.headers
    .map((h) => findBenchmark(words(h), phrases, byslug, new Set()))
    .filter((m): m is Found => m !== null)
    .map((m) => byslug.get(m.slug)!.root);
  const named = findBenchmark(words(table.grid.caption), phrases, byslug, new Set());
  const suites = new Set([...(named ? [byslug.get(named.slug)!.root] : []), ...roots]);
  const held = (suite: string) => roots.filter((r) => r === suite).length;
  return [...suites].sort((a, b) => held(b) - held(a));
}

/** Each column's use, benchmark and metrics from its header, the caption and its cells. */
function suggestColumns(table: Table, notes: SuggestionNotes): ColumnMapping[] {
  const { byslug } = table;
  const phrases = phraseIndex(table.context.benchmarks);
  const suites = suitesOf(table, phrases);
  const captionHints = captionMetrics(table.grid.caption, phrases, byslug);
  const columns = table.headers.map(() => blankColumn());
  const averages: number[] = [];
  const modelHeaders: Array<{ column: number; rank: number }> = [];
  table.headers.forEach((header, c) => {
    const ws = words(header);
    const phrase = ws.join(' ');
    const column = columns[c]!;
    if (ws.some((w) => ['trainable', 'tunable', 'tuned'].includes(w))) {
      column.use = 'params';
      notes.columns[c] = 'The header names trainable parameters.';
      return;
    }
    if (SIZE_HEADERS.includes(phrase) || PARAMS_HEADERS.includes(phrase)) {
      const counts = cellsOf(table, c)
        .map(readCount)
        .flatMap((r) => (r.kind === 'count' ? [r.count] : []));
      const large = counts.some((n) => n >= 1e9);
      column.use = SIZE_HEADERS.includes(phrase) || large ? 'size' : 'params';
      notes.columns[c] =
        column.use === 'size'
          ? 'Model sizes: added to each model name ("LLaMA 7B").'
          : 'Parameter counts below a billion: read as trainable parameters.';
      return;
    }
    if (MODEL_HEADERS.includes(ws[0] ?? '') && !isNumericColumn(table, c)) {
      modelHeaders.push({ column: c, rank: MODEL_HEADERS.indexOf(ws[0]!) });
      return;
    }
    const found = findBenchmark(ws, phrases, byslug, new Set(suites));
    Object.assign(column, {
      nShot: shotsIn(header) ?? '',
      chainOfThought: cotIn(header) ? 'yes' : '',
    });
    if (found && byslug.get(found.slug)!.kind === 'suite') {
      Object.assign(column, { use: 'claim', benchmark: found.slug });
      averages.push(c);
    } else if (found) {
      const benchmark = byslug.get(found.slug)!;
      const rest = [...ws.slice(0, found.start), ...ws.slice(found.end)];
      const metrics = [
        ...new Set(metricWords(rest).flatMap((m) => allowedMetric(m, benchmark.metrics) ?? [])),
      ];
      Object.assign(column, {
        use: 'claim',
        benchmark: benchmark.slug,
        ...chooseMetrics(benchmark, metrics, isPairColumn(table, c), captionHints),
      });
      notes.columns[c] = metricNote(benchmark, metrics, captionHints.has(benchmark.slug));
    } else if (
      AVERAGE_PHRASES.some((p) => containsPhrase(ws, p)) ||
      SCORE_PHRASES.includes(phrase)
    ) {
      if (suites[0]) {
        Object.assign(column, { use: 'claim', benchmark: suites[0] });
        averages.push(c);
      } else {
        notes.columns[c] = 'An average, but the table names no suite it belongs to.';
      }
    } else if (isNumericColumn(table, c)) {
      notes.columns[c] = 'Numbers, but the header names no benchmark we know.';
    }
  });
  const [modelHeader] = modelHeaders.sort((a, b) => a.rank - b.rank);
  const model =
    modelHeader?.column ??
    columns.findIndex(
      (c, i) => c.use === '' && cellsOf(table, i).length > 0 && !isNumericColumn(table, i),
    );
  const chosen = model >= 0 ? model : columns[0]!.use === '' ? 0 : -1;
  if (chosen >= 0) {
    columns[chosen] = { ...blankColumn(), use: 'model' };
    notes.columns[chosen] = modelHeader
      ? 'The header names models or methods.'
      : 'The first column of names.';
  }
  for (const c of averages) {
    const suite = byslug.get(columns[c]!.benchmark)!;
    // "Avg." is the paper's own average; "Score" or the suite's name may be the official one.
    const officialAllowed = !AVERAGE_PHRASES.some((p) =>
      containsPhrase(words(table.headers[c]!), p),
    );
    const chosenRecipe = chooseRecipe(table, columns, c, suite, officialAllowed);
    columns[c] = chosenRecipe.recipe
      ? { ...columns[c]!, metric: suite.metrics[0] ?? '', recipe: chosenRecipe.recipe }
      : blankColumn();
    notes.columns[c] = chosenRecipe.note;
  }
  return columns;
}

/**
 * The recipe an average column follows: the one that, computed from each row's own cells,
 * reproduces the printed average (half-up or half-even) in most rows; else a suite's published,
 * uncomputable average when the header may name it; else none.
 */
function chooseRecipe(
  table: Table,
  columns: ColumnMapping[],
  c: number,
  suite: BenchmarkInfo,
  officialAllowed: boolean,
): { recipe: string; note: string } {
  const { grid } = table;
  const candidates = table.context.recipes.filter(
    (r) => r.benchmark === suite.slug && (officialAllowed || !r.official),
  );
  let best: { recipe: RecipeInfo; matches: number; tried: number } | null = null;
  for (const recipe of candidates.filter((r) => r.computable)) {
    let matches = 0;
    let tried = 0;
    for (const r of table.dataRows) {
      const printed = readCell(grid.rows[r]!.cells[c]!.text);
      if (printed.kind !== 'numbers' || printed.readings.length !== 1) continue;
      const values = new Map<string, number>();
      columns.forEach((column, i) => {
        if (column.use !== 'claim' || i === c || column.benchmark === suite.slug) return;
        const reading = readCell(grid.rows[r]!.cells[i]!.text);
        const metrics = [column.metric, column.metric2].filter(Boolean);
        if (reading.kind !== 'numbers' || metrics.length !== reading.readings.length) return;
        metrics.forEach((metric, k) =>
          values.set(valueKey(column.benchmark, metric), Number(reading.readings[k]!.value)),
        );
      });
      let result;
      try {
        result = computeAggregate(recipe.definition, values);
      } catch {
        continue;
      }
      if (!result.complete) continue;
      tried += 1;
      if (matchesAtPrecision(result.score, printed.readings[0].value)) matches += 1;
    }
    if (matches > 0 && matches * 2 >= tried && (!best || matches > best.matches)) {
      best = { recipe, matches, tried };
    }
  }
  if (best) {
    return {
      recipe: best.recipe.slug,
      note: `${best.recipe.name}: it reproduces the printed average in ${best.matches} of ${best.tried} rows.`,
    };
  }
  const published = candidates.find((r) => r.official && !r.computable);
  if (published) {
    return {
      recipe: published.slug,
      note: `The header names ${suite.name}: read as its published average (${published.name}).`,
    };
  }
  return {
    recipe: '',
    note: 'No recipe in the catalogue reproduces these averages: choose the one the paper describes, or leave the column out.',
  };
}

/** Rows to leave out, each row's role, and each row's method when the rows name methods. */
function suggestRows(
  table: Table,
  columns: ColumnMapping[],
  notes: SuggestionNotes,
): { rows: RowMapping[]; rowsAreMethods: boolean } {
  const { grid } = table;
  const rows = grid.rows.map(() => blankRowMapping());
  const claimColumns = columns.flatMap((c, i) => (c.use === 'claim' ? [i] : []));
  const names = table.dataRows.map((r) => nameAsRead(grid, r, columns));
  const methodRows = names.filter((n) => METHODS.some((m) => m.pattern.test(n))).length;
  const own = ownName(table.context.paperTitle).join(' ');
  notes.rows = grid.rows.map((_, r) => (r < table.headerRows ? 'Header row.' : ''));
  table.dataRows.forEach((r, i) => {
    const row = rows[r]!;
    const texts = grid.rows[r]!.cells.map((c) => c.text);
    const cells = texts.filter(Boolean);
    const name = names[i]!;
    if (cells.length > 1 && new Set(cells).size === 1) {
      row.skip = true;
      notes.rows[r] = 'A heading across the table.';
    } else if (!claimColumns.some((c) => isNumbers(texts[c]!))) {
      row.skip = true;
      notes.rows[r] = 'No numbers in the mapped columns.';
    } else if (!name) {
      row.skip = true;
      notes.rows[r] = 'No model name.';
    }
    const ours = /\(\s*ours\s*\)/i.test(texts.join(' '));
    // Without the paper's title every row is taken as its own, as the table form does.
    const proposed = ours || !own || containsPhrase(words(name), own);
    row.role = proposed ? 'proposed' : 'baseline';
    const method = METHODS.find((m) => m.pattern.test(name));
    if (method) row.adaptation = method.adaptation;
  });
  return { rows, rowsAreMethods: methodRows > 0 && methodRows * 2 >= names.filter(Boolean).length };
}

/** The setting the table shares, from its caption and headers, with the reason for each guess. */
function suggestSetting(
  table: Table,
  columns: ColumnMapping[],
  rowsAreMethods: boolean,
  notes: SuggestionNotes,
  hints: { locator?: string },
): TableSetting {
  const { grid, byslug } = table;
  const setting = blankSetting();
  const split = splitIn([grid.caption, ...table.headers].join(' '));
  if (split) {
    setting.split = split;
    notes.setting.split = `The caption or headers say "${split}".`;
  }
  setting.nShot = shotsIn(grid.caption) ?? '';
  if (cotIn(grid.caption)) setting.chainOfThought = 'yes';
  const stated = ADAPTATION_WORDS.find((a) => a.pattern.test(grid.caption));
  const roots = new Set(
    columns.flatMap((c) => (c.use === 'claim' ? [byslug.get(c.benchmark)?.root] : [])),
  );
  let adaptation: Adaptation = 'unknown';
  if (rowsAreMethods) {
    notes.setting.adaptation = "Each row's method gives its adaptation (see the rows).";
    const base = modelKeyCandidates({ ...grid, rows: [] })
      .map((key) => table.context.models.get(key))
      .find((name): name is string => name !== undefined);
    if (base) setting.model = base;
    notes.setting.model = base
      ? `The rows name methods; the caption names ${base}.`
      : 'The rows name methods (LoRA, BitFit …): give the model they were applied to.';
  } else if (stated) {
    adaptation = stated.adaptation;
    notes.setting.adaptation = 'The caption says so.';
  } else if (roots.size > 0 && [...roots].every((root) => root && FINE_TUNED_SUITES.has(root))) {
    adaptation = 'full_ft';
    notes.setting.adaptation =
      'Results on these benchmarks are fine-tuned as a rule; the table does not say otherwise. Change it if the paper does.';
  }
  setting.adaptation = adaptation;
  const locator =
    hints.locator?.trim() || /^\s*(?:table|tab\.?)\s*([a-z]?\d+[a-z]?)\b/i.exec(grid.caption)?.[1];
  if (locator) setting.locator = /^[a-z]?\d+[a-z]?$/i.test(locator) ? `Table ${locator}` : locator;
  return setting;
}

export function suggestMapping(
  grid: Grid,
  context: SuggestContext,
  hints: { locator?: string } = {},
): Suggestion {
  const headerRows = guessHeaderRows(grid);
  const table: Table = {
    grid,
    context,
    byslug: new Map(context.benchmarks.map((b) => [b.slug, b])),
    headerRows,
    headers: headerTexts(grid, headerRows),
    dataRows: grid.rows.map((_, r) => r).filter((r) => r >= headerRows),
  };
  const notes: SuggestionNotes = { columns: table.headers.map(() => ''), rows: [], setting: {} };
  const columns = suggestColumns(table, notes);
  const { rows, rowsAreMethods } = suggestRows(table, columns, notes);
  const setting = suggestSetting(table, columns, rowsAreMethods, notes, hints);
  return { mapping: { headerRows, columns, rows, setting }, notes };
}

/** The column's metric (and second metric for pairs): header words, then the caption, then the data. */
function chooseMetrics(
  benchmark: BenchmarkInfo,
  found: string[],
  pair: boolean,
  captionHints: Map<string, string>,
): Pick<ColumnMapping, 'metric' | 'metric2'> {
  const [first, second] = benchmark.metrics;
  if (found.length >= 2) return { metric: found[0]!, metric2: found[1]! };
  if (found.length === 1) {
    if (!pair) return { metric: found[0]!, metric2: '' };
    const other = [first, second].find((m) => m && m !== found[0]) ?? '';
    return { metric: found[0]!, metric2: other };
  }
  if (pair && second) return { metric: first!, metric2: second };
  return { metric: captionHints.get(benchmark.slug) ?? first ?? '', metric2: '' };
}

function metricNote(benchmark: BenchmarkInfo, found: string[], fromCaption: boolean): string {
  if (found.length) return `${benchmark.name}; the header names the metric.`;
  if (fromCaption) return `${benchmark.name}; the caption names the metric.`;
  return `${benchmark.name}; its primary metric, as the header names none.`;
}
