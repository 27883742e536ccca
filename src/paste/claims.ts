/**
 * A grid and its mapping → the rows the table form would have posted, one per number, each with
 * the cell it came from. The submission schema and the catalogue then check them exactly as they
 * check the form; what this step cannot read is a problem naming the row and column.
 */
import { blankFormValues, type FormValues } from '../claims/claim.mappers';
import { readCell, readCount } from './cell';
import type { Grid } from './grid';
import type { Mapping } from './mapping';
import { nameAsRead } from './suggest';
import { modelKey } from './synonyms';

export interface PastedClaim {
  /** 0-based grid row and column of the cell. */
  row: number;
  column: number;
  cell: string;
  values: FormValues;
}

export interface CellProblem {
  row: number;
  column: number;
  cell: string;
  message: string;
}

/** The model a row names: its override, the table's one model, or its name as read (ledger spelling). */
export function rowModel(
  grid: Grid,
  mapping: Mapping,
  row: number,
  models: Map<string, string>,
): { name: string; asRead: string; known: boolean } {
  const asRead = nameAsRead(grid, row, mapping.columns);
  const chosen = mapping.rows[row]!.model || mapping.setting.model || asRead;
  const known = models.get(modelKey(chosen));
  return { name: known ?? chosen, asRead, known: known !== undefined };
}

export function buildClaims(
  grid: Grid,
  mapping: Mapping,
  models: Map<string, string>,
): { claims: PastedClaim[]; problems: CellProblem[] } {
  const claims: PastedClaim[] = [];
  const problems: CellProblem[] = [];
  const paramsColumn = mapping.columns.findIndex((c) => c.use === 'params');
  const { setting } = mapping;
  grid.rows.forEach((gridRow, r) => {
    const row = mapping.rows[r]!;
    if (r < mapping.headerRows || row.skip) return;
    const problem = (column: number, message: string) =>
      problems.push({ row: r, column, cell: gridRow.cells[column]?.text ?? '', message });
    const model = rowModel(grid, mapping, r, models).name;
    let trainableParams = row.trainableParams;
    if (!trainableParams && paramsColumn >= 0) {
      const count = readCount(gridRow.cells[paramsColumn]!.text);
      if (count.kind === 'unreadable') problem(paramsColumn, count.message);
      if (count.kind === 'count') trainableParams = String(count.count);
    }
    mapping.columns.forEach((column, c) => {
      if (column.use !== 'claim') return;
      const text = gridRow.cells[c]!.text;
      const reading = readCell(text);
      if (reading.kind === 'none') return;
      if (reading.kind === 'unreadable') return problem(c, reading.message);
      const metrics = [column.metric, column.metric2].filter(Boolean);
      if (reading.readings.length !== metrics.length) {
        return problem(
          c,
          reading.readings.length === 2
            ? `"${text}" holds two numbers, but the column is mapped to one metric: choose its second metric (e.g. matched / mismatched).`
            : `"${text}" is one number, but the column is mapped to two metrics: leave its second metric empty, or give both numbers.`,
        );
      }
      reading.readings.forEach((number, k) => {
        claims.push({
          row: r,
          column: c,
          cell: text,
          values: {
            ...blankFormValues(),
            model,
            benchmark: column.benchmark,
            metric: metrics[k]!,
            recipe: column.recipe,
            value: number.value,
            stderr: number.stderr ?? '',
            split: row.split || setting.split,
            nShot: row.nShot || column.nShot || setting.nShot,
            chainOfThought: row.chainOfThought || column.chainOfThought || setting.chainOfThought,
            adaptation: row.adaptation || setting.adaptation,
            trainableParams,
            role: row.role,
            locator: setting.locator,
            quote: '',
          },
        });
      });
    });
  });
  return { claims, problems };
}
