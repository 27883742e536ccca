import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ClaimInput } from '../../claims/claim-input';
import { ADAPTATIONS, ROLES, SPLITS } from '../../claims/claim.table';
import type { PaperInput } from '../../claims/claim.service';
import { blankClaim, ImportError, type ImportBundle, type ParsedImport } from '../import.types';

/** The documented columns, in the order exports write them; README lists their meaning. */
export const CSV_COLUMNS = [
  'paper_arxiv_id',
  'paper_title',
  'paper_authors',
  'paper_date',
  'paper_venue',
  'paper_url',
  'model',
  'benchmark',
  'metric',
  'recipe',
  'value',
  'stderr',
  'split',
  'n_shot',
  'chain_of_thought',
  'adaptation',
  'trainable_params',
  'variant',
  'setting_notes',
  'role',
  'locator',
  'quote',
  'reference',
  'notes',
  'confidence',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns an export adds for readers; an import ignores them so an export can be re-imported. */
export const CSV_EXPORT_ONLY_COLUMNS = ['rank', 'claim_id', 'setting', 'conflict_spread'] as const;

const REQUIRED: CsvColumn[] = ['model', 'benchmark', 'metric', 'value'];

type Row = Partial<Record<CsvColumn, string>>;

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' → the first day of the period and its precision. */
export function parsePaperDate(
  text: string,
): Pick<PaperInput, 'publishedOn' | 'datePrecision'> | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (day) return { publishedOn: `${year}-${month}-${day}`, datePrecision: 'day' };
  if (month) return { publishedOn: `${year}-${month}-01`, datePrecision: 'month' };
  return { publishedOn: `${year}-01-01`, datePrecision: 'year' };
}

const ARXIV = /^([0-9]{4}\.[0-9]{4,5}|[a-z-]+(\.[A-Z]{2})?\/[0-9]{7})$/;

/** A whole CSV file → bundles (one per paper), or an ImportError naming every bad cell. */
export function parseClaimsCsv(text: string): ParsedImport {
  let records: string[][];
  try {
    records = (
      parse(text.replace(/^\uFEFF/, ''), {
        skip_empty_lines: true,
        relax_column_count: false,
        trim: true,
      }) as string[][]
    ).map((record) => record.map(unguardFormula));
  } catch (error) {
    throw new ImportError(`The CSV file could not be read: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header) throw new ImportError('The CSV file is empty.');
  const columns = header.map((h) => h.trim().toLowerCase());
  const known = new Set<string>([...CSV_COLUMNS, ...CSV_EXPORT_ONLY_COLUMNS]);
  const unknown = columns.filter((c) => !known.has(c));
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (!columns.includes('paper_title') && !columns.includes('paper_arxiv_id'))
    missing.push('paper_title');
  if (unknown.length || missing.length) {
    throw new ImportError('The CSV header does not match the documented columns:', [
      ...missing.map((c) => `missing column ${c}`),
      ...unknown.map((c) => `unknown column ${c} (see the README for the column names)`),
    ]);
  }
  if (body.length === 0) throw new ImportError('The CSV file has a header but no rows.');

  const problems: string[] = [];
  const bundles = new Map<string, ImportBundle>();
  for (const [index, record] of body.entries()) {
    const line = index + 2;
    const row: Row = {};
    columns.forEach((c, i) => {
      if ((CSV_COLUMNS as readonly string[]).includes(c)) row[c as CsvColumn] = record[i] ?? '';
    });
    const problem = (column: string, message: string) =>
      problems.push(`row ${line}, ${column}: ${message}`);
    const cell = (c: CsvColumn) => (row[c] ?? '').trim();
    const orNull = (c: CsvColumn) => cell(c) || null;
    const number = (c: CsvColumn, { percent = false } = {}): number | null => {
      const raw = cell(c);
      if (!raw) return null;
      const value = Number((percent ? raw.replace(/%$/, '') : raw).replaceAll(',', ''));
      if (!Number.isFinite(value)) problem(c, `"${raw}" is not a number`);
      return Number.isFinite(value) ? value : null;
    };
    const oneOf = <T extends string>(c: CsvColumn, values: readonly T[], fallback: T): T => {
      const raw = cell(c).toLowerCase();
      if (!raw) return fallback;
      if ((values as readonly string[]).includes(raw)) return raw as T;
      problem(c, `"${cell(c)}" is not one of ${values.join(', ')}`);
      return fallback;
    };
    let chainOfThought: boolean | null = null;
    const cot = cell('chain_of_thought').toLowerCase();
    if (['yes', 'true', '1'].includes(cot)) chainOfThought = true;
    else if (['no', 'false', '0'].includes(cot)) chainOfThought = false;
    else if (cot) problem('chain_of_thought', `"${cot}" is not yes, no or empty`);

    const value = number('value', { percent: true });
    if (value === null && !cell('value')) problem('value', 'the value is empty');
    for (const c of ['model', 'benchmark', 'metric'] as const)
      if (!cell(c)) problem(c, 'this cell is empty');
    const confidence = cell('confidence').toLowerCase();
    if (confidence && !['high', 'medium', 'low'].includes(confidence))
      problem('confidence', `"${confidence}" is not high, medium or low`);

    const arxivId =
      orNull('paper_arxiv_id')
        ?.replace(/^arxiv:/i, '')
        .replace(/v\d+$/, '') ?? null;
    if (arxivId && !ARXIV.test(arxivId))
      problem('paper_arxiv_id', `"${arxivId}" is not an arXiv id`);
    const title = orNull('paper_title') ?? (arxivId ? `arXiv:${arxivId}` : null);
    if (!title) problem('paper_title', 'name the paper (title or arXiv id)');
    const date = cell('paper_date') ? parsePaperDate(cell('paper_date')) : undefined;
    if (cell('paper_date') && !date) problem('paper_date', 'use YYYY, YYYY-MM or YYYY-MM-DD');
    const url = orNull('paper_url');
    if (url && !/^https?:\/\//.test(url))
      problem('paper_url', 'must start with http:// or https://');

    const key = arxivId ?? `title:${title}`;
    const bundle = bundles.get(key) ?? {
      paper: {
        kind: 'paper' as const,
        arxivId,
        title: title ?? '',
        authors: cell('paper_authors')
          .split(';')
          .map((a) => a.trim())
          .filter(Boolean),
        publishedOn: date?.publishedOn ?? null,
        datePrecision: date?.datePrecision ?? 'day',
        venue: orNull('paper_venue'),
        url,
      },
      claims: [],
    };
    bundles.set(key, bundle);
    const claim: ClaimInput = {
      ...blankClaim(),
      model: cell('model'),
      benchmark: cell('benchmark'),
      metric: cell('metric'),
      recipe: orNull('recipe'),
      value: value ?? Number.NaN,
      stderr: number('stderr'),
      split: oneOf('split', SPLITS, 'unknown'),
      nShot: number('n_shot'),
      chainOfThought,
      adaptation: oneOf('adaptation', ADAPTATIONS, 'unknown'),
      trainableParams: number('trainable_params'),
      variant: cell('variant'),
      settingNotes: orNull('setting_notes'),
      role: oneOf('role', ROLES, 'proposed'),
      locator: orNull('locator'),
      quote: orNull('quote'),
      reference: orNull('reference'),
      notes: orNull('notes'),
      confidence: (confidence || null) as ClaimInput['confidence'],
    };
    bundle.claims.push({ where: `row ${line}`, claim });
  }
  if (problems.length)
    throw new ImportError('The CSV file has cells that cannot be read:', problems);
  return { format: 'csv', bundles: [...bundles.values()], models: [], skipped: [] };
}

/** The cells of one claim in the documented columns, for exports that can be re-imported. */
export interface CsvClaimSource {
  paperArxivId: string | null;
  paperTitle: string;
  paperAuthors: string[];
  paperDate: string | null;
  paperDatePrecision: 'day' | 'month' | 'year';
  paperVenue: string | null;
  paperUrl: string | null;
  model: string;
  benchmark: string;
  metric: string;
  recipe: string | null;
  value: number;
  stderr: number | null;
  split: string;
  nShot: number | null;
  chainOfThought: boolean | null;
  adaptation: string;
  trainableParams: number | null;
  variant: string;
  settingNotes: string | null;
  role: string;
  locator: string | null;
  quote: string | null;
  reference: string | null;
  notes: string | null;
  confidence: string | null;
}

const paperDateCell = (date: string | null, precision: 'day' | 'month' | 'year') =>
  !date
    ? ''
    : precision === 'year'
      ? date.slice(0, 4)
      : precision === 'month'
        ? date.slice(0, 7)
        : date;

export function claimCsvCells(c: CsvClaimSource): Record<CsvColumn, string | number | null> {
  return {
    paper_arxiv_id: c.paperArxivId,
    paper_title: c.paperTitle,
    paper_authors: c.paperAuthors.join('; '),
    paper_date: paperDateCell(c.paperDate, c.paperDatePrecision),
    paper_venue: c.paperVenue,
    paper_url: c.paperUrl,
    model: c.model,
    benchmark: c.benchmark,
    metric: c.metric,
    recipe: c.recipe,
    value: c.value,
    stderr: c.stderr,
    split: c.split,
    n_shot: c.nShot,
    chain_of_thought: c.chainOfThought === null ? '' : c.chainOfThought ? 'yes' : 'no',
    adaptation: c.adaptation,
    trainable_params: c.trainableParams,
    variant: c.variant,
    setting_notes: c.settingNotes,
    role: c.role,
    locator: c.locator,
    quote: c.quote,
    reference: c.reference,
    notes: c.notes,
    confidence: c.confidence,
  };
}

/** Rows of cells → CSV text with a header; null becomes an empty cell. */
// A spreadsheet runs a cell that starts with = + - @ as a formula; an apostrophe in front makes
// it text. Numbers (including negative ones) are left alone, and the import takes the mark off.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

export function guardFormula<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) && !NUMBER.test(value)
    ? `'${value}`
    : value;
}

export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function toCsv(
  columns: readonly string[],
  rows: Record<string, string | number | boolean | null | undefined>[],
): string {
  return stringify(
    rows.map((row) => columns.map((c) => guardFormula(row[c] ?? ''))),
    { header: true, columns: [...columns] },
  );
}
