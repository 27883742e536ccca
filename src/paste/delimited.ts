import { parse } from 'csv-parse/sync';
import { finishGrid, plainCell, PasteError, PASTE_LIMITS, type Grid, type GridRow } from './grid';

/**
 * Tab-separated text (what a spreadsheet or a browser puts on the clipboard when cells of an HTML
 * table are copied) or comma-separated text, read with csv-parse.
 */
export function readDelimitedTable(source: string, delimiter: '\t' | ','): Grid {
  let records: string[][];
  try {
    records = parse(source, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: PASTE_LIMITS.chars,
    });
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    throw new PasteError(
      `The ${delimiter === '\t' ? 'tab' : 'comma'}-separated text could not be read: ${(error as Error).message.replace(/^[^:]*: /, '')}.`,
      typeof lines === 'number' ? { line: lines } : {},
    );
  }
  // csv-parse skips blank lines, so count lines ourselves to point at the right one.
  const lineNumbers = source
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ index }) => index + 1);
  const rows: GridRow[] = records.map((record, index) => ({
    cells: record.map((cell) => plainCell(cell.replace(/\s+/g, ' ').trim())),
    line: lineNumbers[index] ?? index + 1,
    ruleAbove: false,
  }));
  return finishGrid(delimiter === '\t' ? 'tsv' : 'csv', rows, '', null);
}
