import { readDelimitedTable } from './delimited';
import { PASTE_LIMITS, PasteError, type Grid, type TableFormat } from './grid';
import { readLatexTable } from './latex';
import { MARKDOWN_SEPARATOR, readMarkdownTable } from './markdown';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Line endings made plain, invisible characters dropped, control characters refused. */
export function cleanPaste(text: string): string {
  if (text.length > PASTE_LIMITS.chars) {
    throw new PasteError(
      `The paste is ${text.length} characters long; at most ${PASTE_LIMITS.chars} can be read at once. Paste one table.`,
      {},
      413,
    );
  }
  const clean = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[\u200B\uFEFF]/g, '');
  const match = CONTROL.exec(clean);
  if (match) {
    const before = clean.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new PasteError(
      `Character ${column} is a control character (U+${code}), which a table cannot hold; remove it and paste again.`,
      { line },
    );
  }
  if (!clean.trim()) throw new PasteError('Paste a table first.');
  return clean;
}

export function detectFormat(text: string): TableFormat {
  if (/\\begin\s*\{(tabular|longtable|array|tabu|NiceTabular|tblr)/.test(text)) return 'latex';
  if (text.includes('&') && text.includes('\\\\')) return 'latex';
  const lines = text.split('\n').filter((line) => line.trim());
  const separator = lines.some((line) => line.includes('|') && MARKDOWN_SEPARATOR.test(line));
  if (separator || lines.filter((line) => line.trim().startsWith('|')).length >= 2) {
    return 'markdown';
  }
  if (lines.some((line) => line.includes('\t'))) return 'tsv';
  if (lines.some((line) => line.includes(','))) return 'csv';
  throw new PasteError(
    'This does not look like a table: paste a LaTeX tabular, a Markdown table (| a | b |), or lines of cells separated by tabs or commas.',
  );
}

/** Any pasted table → a grid of text cells; a PasteError says what could not be read and where. */
export function parseTable(text: string, format: TableFormat | 'auto' = 'auto'): Grid {
  const clean = cleanPaste(text);
  const chosen = format === 'auto' ? detectFormat(clean) : format;
  if (chosen === 'latex') return readLatexTable(clean);
  if (chosen === 'markdown') return readMarkdownTable(clean);
  return readDelimitedTable(clean, chosen === 'tsv' ? '\t' : ',');
}
