/**
 * A paper's table (.tex or .md) and a small mapping file → an import, for `npm run import` and
 * the admin import page. The table is read and mapped exactly as a paste is; the mapping file only
 * says what the suggestions cannot know (the paper) or got wrong (a column, a row, the setting).
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { PaperInput } from '../papers/paper.contract';
import type { DB } from '../db/database';
import { parsePaperDate } from '../exchange/formats/csv';
import { ImportError, type ParsedImport, type SourcedClaim } from '../exchange/import.types';
import { fieldErrors } from '../http/form';
import { rowSchema } from '../submissions/submission.schema';
import { buildClaims } from './claims';
import { PasteError, TABLE_FORMATS, tableFormatOf, type Grid } from './grid';
import {
  blankColumn,
  COLUMN_USES,
  validateMapping,
  type ColumnMapping,
  type Mapping,
  type RowMapping,
} from './mapping';
import { parseTable } from './parse-table';
import { loadPasteContext, normaliseArxivId } from './paste.service';
import { pasteLabel } from './paste.view';
import { headerTexts, nameAsRead, suggestMapping } from './suggest';

// Every scalar of the mapping file arrives as text (YAML's failsafe schema), so an arXiv id such
// as 2106.09680 keeps its last zero; numbers and yes/no are read here.
const text = z.string().trim().max(500);
const flag = text
  .transform((s) => s.toLowerCase())
  .refine((s) => ['', 'yes', 'no', 'true', 'false'].includes(s), 'use yes or no')
  .transform((s) => (s === 'true' ? 'yes' : s === 'false' ? 'no' : s));
const count = text.refine((s) => /^\d{1,5}$/.test(s), 'use a whole number');

const settingFields = {
  split: text,
  nShot: count,
  chainOfThought: flag,
  adaptation: text,
};

const columnSpec = z.union([
  z.enum(['skip', ...COLUMN_USES.filter((u) => u !== '' && u !== 'claim')]),
  z
    .object({
      benchmark: text,
      metric: text,
      metric2: text,
      recipe: text,
      nShot: count,
      chainOfThought: flag,
    })
    .partial()
    .strict()
    .refine((c) => c.benchmark, 'name the benchmark (a catalogue slug such as glue-mnli)'),
]);

const rowSpec = z.union([
  z.literal('skip'),
  z
    .object({ ...settingFields, model: text, role: text, trainableParams: text, skip: flag })
    .partial()
    .strict(),
]);

export const mappingFileSchema = z
  .object({
    format: z.enum(TABLE_FORMATS),
    headerRows: count,
    paper: z
      .object({
        arxivId: text,
        title: text,
        authors: z.union([text, z.array(text).max(200)]),
        date: text,
        venue: text,
        url: text,
      })
      .partial()
      .strict(),
    setting: z
      .object({ ...settingFields, model: text, locator: text })
      .partial()
      .strict(),
    columns: z.record(z.string(), columnSpec),
    rows: z.record(z.string(), rowSpec),
  })
  .partial()
  .strict();

export type MappingFile = z.infer<typeof mappingFileSchema>;

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The suggested mapping with the file's columns, rows and setting laid over it. */
function applyMappingFile(
  grid: Grid,
  suggested: Mapping,
  file: MappingFile,
): { mapping: Mapping; problems: string[] } {
  const problems: string[] = [];
  const mapping = structuredClone(suggested);
  if (file.headerRows !== undefined) mapping.headerRows = Number(file.headerRows);
  Object.assign(mapping.setting, file.setting ?? {});
  const headers = headerTexts(grid, mapping.headerRows);
  for (const [key, spec] of Object.entries(file.columns ?? {})) {
    const byNumber = /^\d+$/.test(key) ? Number(key) - 1 : -1;
    const index =
      byNumber >= 0
        ? byNumber
        : headers.findIndex(
            (header, c) =>
              sameText(header, key) ||
              grid.rows.slice(0, mapping.headerRows).some((r) => sameText(r.cells[c]!.text, key)),
          );
    if (index < 0 || index >= grid.width) {
      problems.push(
        `columns: no column is "${key}"; give its number (1 to ${grid.width}) or its header: ${headers.map((h) => `"${h}"`).join(', ')}`,
      );
      continue;
    }
    const column: ColumnMapping =
      typeof spec === 'string'
        ? { ...blankColumn(), use: spec === 'skip' ? '' : spec }
        : {
            ...blankColumn(),
            ...(mapping.columns[index]!.benchmark === spec.benchmark ? mapping.columns[index] : {}),
            ...spec,
            use: 'claim',
          };
    mapping.columns[index] = column;
  }
  for (const [key, spec] of Object.entries(file.rows ?? {})) {
    const byNumber = /^\d+$/.test(key) ? [Number(key) - 1] : [];
    const indexes = byNumber.length
      ? byNumber.filter((r) => r >= 0 && r < grid.rows.length)
      : grid.rows.flatMap((row, r) =>
          sameText(nameAsRead(grid, r, mapping.columns), key) || sameText(row.cells[0]!.text, key)
            ? [r]
            : [],
        );
    if (indexes.length === 0) {
      problems.push(`rows: no row is "${key}"; give its number or the model name as read`);
    }
    for (const r of indexes) {
      const row: RowMapping = mapping.rows[r]!;
      if (spec === 'skip') row.skip = true;
      else Object.assign(row, { ...spec, skip: spec.skip === 'yes' });
    }
  }
  return { mapping, problems };
}

function readMappingFile(source: string): MappingFile {
  let data: unknown;
  try {
    data = parseYaml(source, { schema: 'failsafe', maxAliasCount: 50 }) ?? {};
  } catch (error) {
    throw new ImportError(
      `The mapping file is not valid YAML or JSON: ${(error as Error).message}`,
    );
  }
  const parsed = mappingFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ImportError(
      'The mapping file has fields we do not read or values of the wrong kind:',
      Object.entries(fieldErrors(parsed.error)).map(([key, message]) => `${key}: ${message}`),
    );
  }
  return parsed.data;
}

/**
 * A table file and its mapping file → what the importer writes. Everything the paste flow checks
 * is checked here; any problem fails the whole file with every reason listed.
 */
export async function readTableImport(
  db: DB,
  table: string,
  mappingSource: string,
  fileName: string,
): Promise<ParsedImport> {
  const file = readMappingFile(mappingSource);
  let grid: Grid;
  try {
    grid = parseTable(table, file.format ?? tableFormatOf(fileName) ?? 'auto');
  } catch (error) {
    if (error instanceof PasteError) throw new ImportError(`${fileName}: ${error.describe()}`);
    throw error;
  }
  const paper = file.paper ?? {};
  const arxivId = paper.arxivId ? normaliseArxivId(paper.arxivId) : null;
  const context = await loadPasteContext(db, grid, { arxivId, title: paper.title ?? '' });
  const suggested = suggestMapping(grid, context.suggest, { locator: file.setting?.locator });
  const { mapping, problems } = applyMappingFile(grid, suggested.mapping, file);
  for (const [key, message] of Object.entries(validateMapping(mapping, grid, context.catalogue))) {
    problems.push(`${pasteLabel(key)}: ${message}`);
  }
  if (paper.arxivId && !arxivId) {
    problems.push(`paper.arxivId: "${paper.arxivId}" is not an arXiv id such as 1810.04805`);
  }
  const title = context.suggest.paperTitle;
  if (!title) {
    problems.push(
      'paper.title: the paper is not in the ledger; give its title (and arxivId if it has one)',
    );
  }
  const date = paper.date ? parsePaperDate(paper.date) : undefined;
  if (paper.date && !date) problems.push('paper.date: use YYYY, YYYY-MM or YYYY-MM-DD');
  if (problems.length) throw new ImportError('The table cannot be mapped:', problems);

  const built = buildClaims(grid, mapping, context.suggest.models);
  const claims: SourcedClaim[] = [];
  for (const p of built.problems) {
    problems.push(`row ${p.row + 1}, column ${p.column + 1}: ${p.message}`);
  }
  for (const claim of built.claims) {
    const where = `row ${claim.row + 1}, column ${claim.column + 1}`;
    const parsed = rowSchema.safeParse(claim.values);
    if (parsed.success) claims.push({ where, claim: parsed.data });
    else {
      for (const [field, message] of Object.entries(fieldErrors(parsed.error))) {
        problems.push(`${where}, ${field}: ${message}`);
      }
    }
  }
  if (problems.length) throw new ImportError('The table has cells that cannot be read:', problems);
  const authors =
    typeof paper.authors === 'string' ? paper.authors.split(/\s*[,;]\s*/) : (paper.authors ?? []);
  const source: PaperInput = {
    kind: 'paper',
    arxivId,
    title: title!,
    authors: authors.filter(Boolean),
    publishedOn: date?.publishedOn ?? null,
    datePrecision: date?.datePrecision ?? 'day',
    venue: paper.venue || null,
    url: paper.url || null,
  };
  return { format: 'table', bundles: [{ paper: source, claims }], models: [], skipped: [] };
}
