import { finishGrid, PasteError, type Cell, type Grid, type GridRow } from './grid';
import { latexToText, superscript } from './latex';

/** `|---|:--:|` (outer pipes optional): the line under a Markdown table's header. */
export const MARKDOWN_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

const ENTITIES: Record<string, string> = {
  plusmn: '±',
  pm: '±',
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  dagger: '†',
  Dagger: '‡',
  minus: '−',
  ndash: '–',
  mdash: '—',
  times: '×',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 31 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name] ?? whole;
  });
}

/** Splits `| a | b \| c |` on the pipes that are not escaped or inside `code`. */
function splitPipes(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i += 1;
    } else if (ch === '`') {
      inCode = !inCode;
      current += ch;
    } else if (ch === '|' && !inCode) {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells;
}

/** One Markdown (or HTML-in-Markdown) cell → plain text, noting bold and underline. */
export function markdownCell(raw: string): Cell {
  let text = raw.trim();
  let bold = /<(b|strong)>|\*\*[^*]+\*\*|__[^_]+__/i.test(text);
  const underline = /<(u|ins)>/i.test(text);
  text = text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<sup>(.*?)<\/sup>/gi, (_, inner: string) => superscript(decodeEntities(inner)))
    .replace(/<sub>(.*?)<\/sub>/gi, (_, inner: string) => ` ${inner}`)
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/^\*([^*]+)\*$/, '$1')
    .replace(/^_([^_]+)_$/, '$1')
    .replace(/`([^`]*)`/g, '$1');
  text = decodeEntities(text);
  text = text.replace(/\$([^$]*)\$/g, (_, math: string) => {
    const rendered = latexToText(`$${math}$`);
    if (/\\(textbf|mathbf|bf)\b/.test(math)) bold = true;
    return rendered;
  });
  text = text.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  return { text: text.replace(/\s+/g, ' ').trim(), bold, underline, spanned: false };
}

/** The first pipe table in the paste; the text above it is kept as its caption. */
export function readMarkdownTable(source: string): Grid {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.includes('|'));
  if (start < 0) throw new PasteError('No Markdown table (rows such as | a | b |) was found.');
  let end = start;
  while (end < lines.length && lines[end]!.includes('|')) end += 1;
  const caption = lines
    .slice(0, start)
    .map((line) => line.replace(/^[#>*\s]+/, '').trim())
    .filter(Boolean)
    .join(' ');
  const rows: GridRow[] = [];
  let headerRows: number | null = null;
  for (let index = start; index < end; index += 1) {
    const line = lines[index]!;
    if (headerRows === null && MARKDOWN_SEPARATOR.test(line)) {
      headerRows = rows.length;
      continue;
    }
    rows.push({
      cells: splitPipes(line).map(markdownCell),
      line: index + 1,
      ruleAbove: headerRows !== null && headerRows === rows.length && rows.length > 0,
    });
  }
  return finishGrid('markdown', rows, markdownCell(caption).text, headerRows);
}
