/** What a pasted table becomes before anything is mapped: rows of cells, as text. */

export const TABLE_FORMATS = ['latex', 'markdown', 'tsv', 'csv'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const FORMAT_NAMES: Record<TableFormat, string> = {
  latex: 'LaTeX tabular',
  markdown: 'Markdown table',
  tsv: 'tab-separated text',
  csv: 'comma-separated text',
};

/** Table files the importer reads with a mapping file, by extension. */
const TABLE_EXTENSIONS: Record<string, TableFormat> = {
  '.tex': 'latex',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

export const tableFormatOf = (fileName: string): TableFormat | undefined =>
  TABLE_EXTENSIONS[/\.[a-z]+$/i.exec(fileName)?.[0]?.toLowerCase() ?? ''];

/** Bounds on what one paste may hold, so a hostile paste costs little to refuse. */
export const PASTE_LIMITS = {
  chars: 100_000,
  rows: 300,
  columns: 40,
  cellChars: 500,
  /** Braces and environments nested deeper than this are refused, not recursed into. */
  depth: 16,
  captionChars: 2000,
} as const;

export interface Cell {
  text: string;
  bold: boolean;
  underline: boolean;
  /** A copy of a \multicolumn or \multirow neighbour, not text of its own. */
  spanned: boolean;
}

export interface GridRow {
  cells: Cell[];
  /** 1-based line of the paste the row starts on. */
  line: number;
  /** A rule (\midrule, \hline, Markdown's |---|) separates it from the row above. */
  ruleAbove: boolean;
}

export interface Grid {
  format: TableFormat;
  rows: GridRow[];
  width: number;
  /** The caption or the text around the table, for hints such as "test results" or "Table 2". */
  caption: string;
  /** Rows the format marks as the header (before Markdown's separator, LaTeX's first rule). */
  headerRows: number | null;
}

export interface PasteWhere {
  line?: number;
  /** 1-based, as the mapping page numbers rows and columns. */
  row?: number;
  column?: number;
}

/** The paste cannot be read; the message says what and `where` says where. */
export class PasteError extends Error {
  constructor(
    message: string,
    readonly where: PasteWhere = {},
    readonly status: 413 | 422 = 422,
  ) {
    super(message);
    this.name = 'PasteError';
  }

  /** "Row 3, column 2 (line 7): …" */
  describe(): string {
    const { line, row, column } = this.where;
    const at = [row ? `Row ${row}` : null, column ? `column ${column}` : null]
      .filter(Boolean)
      .join(', ');
    const lineText = line ? `line ${line}` : '';
    const prefix = at ? (lineText ? `${at} (${lineText})` : at) : lineText && `Line ${line}`;
    return prefix ? `${prefix}: ${this.message}` : this.message;
  }
}

export const emptyCell = (): Cell => ({ text: '', bold: false, underline: false, spanned: false });

export const plainCell = (text: string): Cell => ({ ...emptyCell(), text });

/** Pads every row to the widest one and checks the size limits. */
export function finishGrid(
  format: TableFormat,
  rows: GridRow[],
  caption: string,
  headerRows: number | null,
): Grid {
  if (rows.length === 0) throw new PasteError('No table rows could be read from the paste.');
  if (rows.length > PASTE_LIMITS.rows) {
    throw new PasteError(
      `The table has ${rows.length} rows; at most ${PASTE_LIMITS.rows} can be pasted at once. Paste it in parts.`,
      { row: PASTE_LIMITS.rows + 1, line: rows[PASTE_LIMITS.rows]!.line },
      413,
    );
  }
  const width = Math.max(...rows.map((r) => r.cells.length));
  if (width > PASTE_LIMITS.columns) {
    const index = rows.findIndex((r) => r.cells.length > PASTE_LIMITS.columns);
    throw new PasteError(
      `Row ${index + 1} has ${rows[index]!.cells.length} columns; at most ${PASTE_LIMITS.columns} can be read.`,
      { row: index + 1, line: rows[index]!.line },
      413,
    );
  }
  rows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      if (cell.text.length > PASTE_LIMITS.cellChars) {
        throw new PasteError(
          `This cell holds ${cell.text.length} characters; a table cell may hold at most ${PASTE_LIMITS.cellChars}.`,
          { row: r + 1, column: c + 1, line: row.line },
        );
      }
    }),
  );
  for (const row of rows) while (row.cells.length < width) row.cells.push(emptyCell());
  return {
    format,
    rows,
    width,
    caption: caption.slice(0, PASTE_LIMITS.captionChars),
    headerRows: headerRows !== null && headerRows < rows.length ? headerRows : null,
  };
}
