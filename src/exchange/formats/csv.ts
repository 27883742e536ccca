import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  CLAIM_CSV_COLUMNS,
  fromCsvCells,
  toCsvCells,
  type CsvCell,
} from '../../claims/claim.mappers';
import type { ClaimView } from '../../claims/claim.repository';
import { ARXIV_ID, type DatePrecision, type PaperInput } from '../../papers/paper.contract';
import { ImportError, type ImportBundle, type ParsedImport } from '../import.types';

/** The paper's columns; every row names its paper, rows of one paper repeat them. */
const PAPER_CSV_COLUMNS = [
  'paper_arxiv_id',
  'paper_title',
  'paper_authors',
  'paper_date',
  'paper_venue',
  'paper_url',
] as const;

/** The documented columns, in the order exports write them; README lists their meaning. */
export const CSV_COLUMNS: readonly string[] = [...PAPER_CSV_COLUMNS, ...CLAIM_CSV_COLUMNS];

/** Columns an export adds for readers; an import ignores them so an export can be re-imported. */
export const CSV_EXPORT_ONLY_COLUMNS = ['rank', 'claim_id', 'setting', 'conflict_spread'] as const;

const REQUIRED = ['model', 'benchmark', 'metric', 'value'];

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

/** A whole CSV file → bundles (one per paper), or an ImportError naming every bad cell. */
export function parseClaimsCsv(text: string): ParsedImport {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: false,
      trim: true,
    }).map((record) => record.map(unguardFormula));
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
    const row = new Map<string, string>();
    columns.forEach((c, i) => row.set(c, record[i] ?? ''));
    const problem = (column: string, message: string) =>
      problems.push(`row ${line}, ${column}: ${message}`);
    const cell = (c: string) => (row.get(c) ?? '').trim();
    const orNull = (c: string) => cell(c) || null;

    const arxivId =
      orNull('paper_arxiv_id')
        ?.replace(/^arxiv:/i, '')
        .replace(/v\d+$/, '') ?? null;
    if (arxivId && !ARXIV_ID.test(arxivId))
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
    bundle.claims.push({ where: `row ${line}`, claim: fromCsvCells({ cell, problem }) });
  }
  if (problems.length)
    throw new ImportError('The CSV file has cells that cannot be read:', problems);
  return { format: 'csv', bundles: [...bundles.values()], models: [], skipped: [] };
}

const paperDateCell = (date: string | null, precision: DatePrecision) =>
  !date
    ? ''
    : precision === 'year'
      ? date.slice(0, 4)
      : precision === 'month'
        ? date.slice(0, 7)
        : date;

/** A stored claim in the documented columns, its paper's too, so the row can be imported again. */
export function claimCsvRow(
  c: ClaimView,
  paper: { authors: string[]; venue: string | null } = { authors: [], venue: null },
): Record<string, CsvCell> {
  return {
    paper_arxiv_id: c.paperArxivId,
    paper_title: c.paperTitle,
    paper_authors: paper.authors.join('; '),
    paper_date: paperDateCell(c.paperDate, c.paperDatePrecision),
    paper_venue: paper.venue,
    paper_url: c.paperUrl,
    ...toCsvCells(c),
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
