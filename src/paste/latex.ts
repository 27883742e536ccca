/**
 * A small reader for LaTeX `tabular` environments: a tokenizer, a tree of groups and environments
 * (bounded in depth, built without recursion), and a renderer that turns cell content into plain
 * text the cell reader understands (`$\pm$` → ±, `$^\dagger$` → †, `\textbf{x}` → x, bold noted).
 * It does not expand user macros; an unknown command without arguments is kept as its name.
 */
import {
  emptyCell,
  finishGrid,
  PASTE_LIMITS,
  PasteError,
  type Cell,
  type Grid,
  type GridRow,
} from './grid';

type Token =
  | { t: 'text'; s: string; line: number }
  | { t: 'cmd'; name: string; line: number }
  | { t: 'sym'; c: string; line: number }
  | { t: 'open'; line: number }
  | { t: 'close'; line: number }
  | { t: 'amp' | 'newrow' | 'math' | 'sup' | 'sub'; line: number };

export type Node =
  | { t: 'text'; s: string; line: number }
  | { t: 'cmd'; name: string; line: number }
  | { t: 'sym'; c: string; line: number }
  | { t: 'group'; children: Node[]; line: number }
  | { t: 'env'; name: string; children: Node[]; line: number }
  | { t: 'amp' | 'newrow' | 'math' | 'sup' | 'sub'; line: number };

const SINGLE: Record<string, 'open' | 'close' | 'amp' | 'math' | 'sup' | 'sub'> = {
  '{': 'open',
  '}': 'close',
  '&': 'amp',
  $: 'math',
  '^': 'sup',
  _: 'sub',
};

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let buffer = '';
  let bufferLine = 1;
  const flush = () => {
    if (buffer) tokens.push({ t: 'text', s: buffer, line: bufferLine });
    buffer = '';
  };
  const add = (ch: string) => {
    // A text token's line is where its first visible character is, not the newline before it.
    if (!buffer.trim() && ch.trim()) bufferLine = line;
    buffer += ch;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) break;
      flush();
      if (next === '\\') {
        tokens.push({ t: 'newrow', line });
        i += 2;
        if (text[i] === '*') i += 1;
        const spacing = /^[ \t]*\[[^\]\n]{0,30}\]/.exec(text.slice(i, i + 40));
        if (spacing) i += spacing[0].length;
        continue;
      }
      if (/[A-Za-z@]/.test(next)) {
        let end = i + 1;
        while (end < text.length && /[A-Za-z@]/.test(text[end]!)) end += 1;
        tokens.push({ t: 'cmd', name: text.slice(i + 1, end), line });
        while (text[end] === ' ' || text[end] === '\t') end += 1;
        i = end;
        continue;
      }
      tokens.push({ t: 'sym', c: next, line });
      if (next === '\n') line += 1;
      i += 2;
      continue;
    }
    if (ch === '%') {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    const single = SINGLE[ch];
    if (single) {
      flush();
      tokens.push({ t: single, line });
    } else if (ch === '~') {
      add(' ');
    } else {
      add(ch);
      if (ch === '\n') line += 1;
    }
    i += 1;
  }
  flush();
  return tokens;
}

interface Frame {
  kind: 'root' | 'group' | 'env';
  name: string;
  line: number;
  children: Node[];
}

/** Tokens → a tree of groups and environments; every unbalanced brace or \begin is an error. */
function buildTree(tokens: Token[]): Node[] {
  const stack: Frame[] = [{ kind: 'root', name: '', line: 1, children: [] }];
  const push = (frame: Frame) => {
    if (stack.length > PASTE_LIMITS.depth) {
      throw new PasteError(
        `Braces or environments are nested more than ${PASTE_LIMITS.depth} levels deep here; a results table never needs that many.`,
        { line: frame.line },
      );
    }
    stack.push(frame);
  };
  for (let k = 0; k < tokens.length; k += 1) {
    const token = tokens[k]!;
    const top = stack.at(-1)!;
    if (token.t === 'open') {
      push({ kind: 'group', name: '', line: token.line, children: [] });
    } else if (token.t === 'close') {
      if (top.kind !== 'group') {
        throw new PasteError(
          top.kind === 'env'
            ? `This closing brace } has no opening brace inside \\begin{${top.name}} (line ${top.line}).`
            : 'This closing brace } has no opening brace.',
          { line: token.line },
        );
      }
      stack.pop();
      stack.at(-1)!.children.push({ t: 'group', children: top.children, line: top.line });
    } else if (token.t === 'cmd' && (token.name === 'begin' || token.name === 'end')) {
      const [open, name, close] = [tokens[k + 1], tokens[k + 2], tokens[k + 3]];
      if (open?.t !== 'open' || name?.t !== 'text' || close?.t !== 'close') {
        throw new PasteError(
          `\\${token.name} needs an environment name in braces, such as \\${token.name}{tabular}.`,
          { line: token.line },
        );
      }
      k += 3;
      const envName = name.s.trim();
      if (token.name === 'begin') {
        push({ kind: 'env', name: envName, line: token.line, children: [] });
        continue;
      }
      if (top.kind === 'env' && top.name === envName) {
        stack.pop();
        stack.at(-1)!.children.push({
          t: 'env',
          name: envName,
          children: top.children,
          line: top.line,
        });
        continue;
      }
      throw new PasteError(
        top.kind === 'env'
          ? `\\end{${envName}} does not match \\begin{${top.name}} on line ${top.line}.`
          : top.kind === 'group'
            ? `\\end{${envName}} comes before the brace { opened on line ${top.line} is closed.`
            : `\\end{${envName}} has no \\begin{${envName}} before it.`,
        { line: token.line },
      );
    } else {
      top.children.push(token);
    }
  }
  const open = stack.at(-1)!;
  if (open.kind === 'env') {
    throw new PasteError(`\\begin{${open.name}} has no \\end{${open.name}}.`, { line: open.line });
  }
  if (open.kind === 'group') {
    throw new PasteError('This opening brace { is never closed.', { line: open.line });
  }
  return open.children;
}

/** Reads a node list the way TeX reads arguments: groups, single tokens or single characters. */
class Cursor {
  private readonly nodes: Node[];
  private i = 0;

  constructor(nodes: Node[]) {
    this.nodes = nodes.slice();
  }

  done(): boolean {
    return this.i >= this.nodes.length;
  }

  peek(): Node | undefined {
    return this.nodes[this.i];
  }

  next(): Node | undefined {
    return this.nodes[this.i++];
  }

  rest(): Node[] {
    return this.nodes.slice(this.i);
  }

  skipSpace(): void {
    while (!this.done()) {
      const node = this.nodes[this.i]!;
      if (node.t !== 'text') return;
      const trimmed = node.s.replace(/^\s+/, '');
      if (trimmed) {
        this.nodes[this.i] = { ...node, s: trimmed };
        return;
      }
      this.i += 1;
    }
  }

  /** An optional `[…]` (or `(…)`) argument in plain text; its content, or null. */
  optional(open = '[', close = ']'): string | null {
    this.skipSpace();
    const node = this.peek();
    if (node?.t !== 'text' || !node.s.startsWith(open)) return null;
    const end = node.s.indexOf(close);
    if (end < 0) return null;
    const rest = node.s.slice(end + 1);
    if (rest) this.nodes[this.i] = { ...node, s: rest };
    else this.i += 1;
    return node.s.slice(1, end);
  }

  /** The next argument: a group's children, one command or symbol, or one character. */
  arg(): Node[] | null {
    this.skipSpace();
    const node = this.peek();
    if (!node) return null;
    if (node.t === 'group') {
      this.i += 1;
      return node.children;
    }
    if (node.t === 'text') {
      const first = node.s[0]!;
      if (node.s.length > 1) this.nodes[this.i] = { ...node, s: node.s.slice(1) };
      else this.i += 1;
      return [{ t: 'text', s: first, line: node.line }];
    }
    if (node.t === 'cmd' || node.t === 'sym') {
      this.i += 1;
      return [node];
    }
    return null;
  }
}

const SYMBOLS: Record<string, string> = {
  pm: '±',
  mp: '∓',
  dagger: '†',
  dag: '†',
  ddagger: '‡',
  ddag: '‡',
  textdagger: '†',
  textdaggerdbl: '‡',
  S: '§',
  P: '¶',
  ast: '*',
  star: '*',
  bigstar: '*',
  times: '×',
  approx: '≈',
  sim: '~',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  checkmark: '✓',
  cmark: '✓',
  xmark: '✗',
  ldots: '…',
  dots: '…',
  cdots: '…',
  textendash: '–',
  textemdash: '—',
  textasciitilde: '~',
  textless: '<',
  textgreater: '>',
  textbar: '|',
  textpercent: '%',
  uparrow: '↑',
  downarrow: '↓',
  rightarrow: '→',
  to: '→',
  infty: '∞',
  degree: '°',
  bullet: '•',
  textbullet: '•',
  circ: '∘',
  diamond: '◇',
  spadesuit: '♠',
  clubsuit: '♣',
  heartsuit: '♥',
  diamondsuit: '♦',
  natural: '♮',
  sharp: '♯',
  flat: '♭',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  Delta: 'Δ',
  epsilon: 'ε',
  lambda: 'λ',
  mu: 'μ',
  sigma: 'σ',
  tau: 'τ',
  theta: 'θ',
  quad: ' ',
  qquad: ' ',
  enspace: ' ',
  thinspace: ' ',
  newline: ' ',
  linebreak: ' ',
  space: ' ',
};

/** Commands that only change the look of what follows. */
const DECLARATIONS = new Set(
  (
    'it itshape em sl slshape rm sf tt sc scshape upshape mdseries normalfont small footnotesize ' +
    'scriptsize tiny large Large LARGE huge Huge normalsize centering raggedright raggedleft ' +
    'arraybackslash displaystyle textstyle scriptstyle unboldmath hline toprule midrule bottomrule ' +
    'hdashline morecmidrules bigstrut strut relax noindent par hfill vfill protect nobreak ' +
    'selectfont endhead endfirsthead endfoot endlastfoot left right big Big bigl bigr'
  ).split(' '),
);
const BOLD_DECLARATIONS = new Set(['bf', 'bfseries', 'boldmath']);

type Style = 'bold' | 'underline' | 'sup' | 'sub' | null;

/** One argument rendered as it is: \textbf{x} → x, noting the style. */
const WRAPPERS: Record<string, Style> = {
  textbf: 'bold',
  mathbf: 'bold',
  bm: 'bold',
  boldsymbol: 'bold',
  underline: 'underline',
  uline: 'underline',
  underbar: 'underline',
  uuline: 'underline',
  textsuperscript: 'sup',
  textsubscript: 'sub',
  ...Object.fromEntries(
    (
      'textit emph textsl textsc texttt textrm textsf textmd textup textnormal mathrm mathit ' +
      'mathsf mathtt mathnormal mathcal mathbb text mbox hbox fbox ensuremath makecell ' +
      'shortstack thead operatorname u v H c d b t'
    )
      .split(' ')
      .map((name) => [name, null]),
  ),
};

/** Commands whose arguments are not text: [optional arguments, arguments, the one to keep]. */
const ARGUMENTS: Record<string, { optional: number; args: number; keep: number | null }> = {
  cite: { optional: 2, args: 1, keep: null },
  citep: { optional: 2, args: 1, keep: null },
  citet: { optional: 2, args: 1, keep: null },
  citealp: { optional: 2, args: 1, keep: null },
  citeauthor: { optional: 0, args: 1, keep: null },
  citeyear: { optional: 0, args: 1, keep: null },
  ref: { optional: 0, args: 1, keep: null },
  eqref: { optional: 0, args: 1, keep: null },
  autoref: { optional: 0, args: 1, keep: null },
  cref: { optional: 0, args: 1, keep: null },
  Cref: { optional: 0, args: 1, keep: null },
  label: { optional: 0, args: 1, keep: null },
  footnote: { optional: 1, args: 1, keep: null },
  footnotetext: { optional: 1, args: 1, keep: null },
  footnotemark: { optional: 1, args: 0, keep: null },
  tnote: { optional: 0, args: 1, keep: null },
  cellcolor: { optional: 1, args: 1, keep: null },
  rowcolor: { optional: 1, args: 1, keep: null },
  color: { optional: 1, args: 1, keep: null },
  arrayrulecolor: { optional: 1, args: 1, keep: null },
  hspace: { optional: 0, args: 1, keep: null },
  vspace: { optional: 0, args: 1, keep: null },
  phantom: { optional: 0, args: 1, keep: null },
  hphantom: { optional: 0, args: 1, keep: null },
  vphantom: { optional: 0, args: 1, keep: null },
  rule: { optional: 1, args: 2, keep: null },
  includegraphics: { optional: 1, args: 1, keep: null },
  caption: { optional: 1, args: 1, keep: null },
  setlength: { optional: 0, args: 2, keep: null },
  renewcommand: { optional: 0, args: 2, keep: null },
  cline: { optional: 0, args: 1, keep: null },
  cdashline: { optional: 0, args: 1, keep: null },
  hhline: { optional: 0, args: 1, keep: null },
  specialrule: { optional: 0, args: 3, keep: null },
  addlinespace: { optional: 1, args: 0, keep: null },
  noalign: { optional: 0, args: 1, keep: null },
  url: { optional: 0, args: 1, keep: 0 },
  textcolor: { optional: 1, args: 2, keep: 1 },
  colorbox: { optional: 1, args: 2, keep: 1 },
  href: { optional: 0, args: 2, keep: 1 },
  resizebox: { optional: 0, args: 3, keep: 2 },
  scalebox: { optional: 1, args: 2, keep: 1 },
  rotatebox: { optional: 1, args: 2, keep: 1 },
  adjustbox: { optional: 0, args: 2, keep: 1 },
  parbox: { optional: 3, args: 2, keep: 1 },
  raisebox: { optional: 2, args: 2, keep: 1 },
  multicolumn: { optional: 0, args: 3, keep: 2 },
  multirow: { optional: 2, args: 3, keep: 2 },
};

/** Rules across the whole table; \cmidrule and \cline under a spanning header do not end it. */
const RULES = new Set([
  'hline',
  'toprule',
  'midrule',
  'bottomrule',
  'specialrule',
  'hhline',
  'hdashline',
]);
const ROW_PREFIXES = new Set([
  ...RULES,
  'cline',
  'cmidrule',
  'cdashline',
  'addlinespace',
  'rowcolor',
  'noalign',
  'morecmidrules',
]);

const SYMBOL_CHARS: Record<string, string> = {
  '%': '%',
  '&': '&',
  _: '_',
  '#': '#',
  $: '$',
  '{': '{',
  '}': '}',
  ' ': ' ',
  '\n': ' ',
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '|': '|',
};

const FOOTNOTE_MARKS = /^[*†‡§¶#✝♠♣♥♦♮♯♭]+$/;
const TABULARS = new Set([
  'tabular',
  'tabular*',
  'tabularx',
  'tabulary',
  'longtable',
  'longtable*',
  'array',
  'tabu',
  'NiceTabular',
  'tblr',
]);
const WIDTH_FIRST = new Set(['tabular*', 'tabularx', 'tabulary']);

interface Rendered {
  text: string;
  bold: boolean;
  underline: boolean;
}

class Renderer {
  bold = false;
  underline = false;

  render(nodes: Node[]): string {
    const out: string[] = [];
    const cursor = new Cursor(nodes);
    while (!cursor.done()) {
      const node = cursor.next()!;
      out.push(this.node(node, cursor));
    }
    return out.join('');
  }

  private argText(cursor: Cursor): string {
    const arg = cursor.arg();
    return arg ? this.render(arg) : '';
  }

  private styled(style: Style, text: string): string {
    if (style === 'bold') this.bold ||= text.trim() !== '';
    if (style === 'underline') this.underline ||= text.trim() !== '';
    if (style === 'sup') return superscript(text);
    if (style === 'sub') return text.trim() ? ` ${text.trim()}` : '';
    return text;
  }

  private node(node: Node, cursor: Cursor): string {
    switch (node.t) {
      case 'text':
        return node.s.replace(/---/g, '—').replace(/--/g, '–').replace(/``|''/g, '"');
      case 'group':
        return this.render(node.children);
      case 'env':
        return ` ${this.render(envBody(node))} `;
      case 'amp':
      case 'newrow':
        return ' ';
      case 'math':
        return '';
      case 'sup':
        return this.styled('sup', this.argText(cursor));
      case 'sub':
        return this.styled('sub', this.argText(cursor));
      case 'sym':
        return SYMBOL_CHARS[node.c] ?? '';
      case 'cmd':
        return this.command(node.name, cursor);
    }
  }

  private command(name: string, cursor: Cursor): string {
    const symbol = SYMBOLS[name];
    if (symbol !== undefined) return symbol;
    if (BOLD_DECLARATIONS.has(name)) {
      this.bold = true;
      return '';
    }
    if (DECLARATIONS.has(name)) return '';
    if (name in WRAPPERS) {
      if (name === 'makecell' || name === 'shortstack' || name === 'thead') cursor.optional();
      return this.styled(WRAPPERS[name]!, this.argText(cursor));
    }
    if (name === 'cmidrule') {
      cursor.optional('(', ')');
      cursor.optional();
      cursor.arg();
      return '';
    }
    const spec = ARGUMENTS[name];
    if (spec) {
      // Optional arguments may sit before any mandatory one (\multirow{2}[4]{*}{x}).
      const optionals = () => {
        for (let o = 0; o < spec.optional; o += 1) if (cursor.optional() === null) return;
      };
      const args: Node[][] = [];
      for (let k = 0; k < spec.args; k += 1) {
        optionals();
        args.push(cursor.arg() ?? []);
      }
      if (spec.args === 0) optionals();
      return spec.keep === null ? '' : this.render(args[spec.keep] ?? []);
    }
    // An unknown command: one followed by a group is a macro around text (\best{88.1}); a bare
    // one (\bertbase) is kept as its name, so the user sees something to map.
    cursor.skipSpace();
    return cursor.peek()?.t === 'group' ? '' : name;
  }
}

/** A superscript as papers use it: a footnote mark (†, *) as is, anything else as ^text. */
export function superscript(text: string): string {
  const mark = text.trim();
  if (!mark) return '';
  return FOOTNOTE_MARKS.test(mark) ? mark : `^${mark}`;
}

/** The body of a tabular-like environment, without its position, width and column spec. */
function envBody(env: Extract<Node, { t: 'env' }>): Node[] {
  if (!TABULARS.has(env.name)) return env.children;
  const cursor = new Cursor(env.children);
  cursor.optional();
  if (WIDTH_FIRST.has(env.name)) cursor.arg();
  cursor.arg();
  return cursor.rest();
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Renders LaTeX text (a caption, a Markdown cell's `$\pm$`) to plain text; raw text if unreadable. */
export function latexToText(source: string): string {
  try {
    return collapse(new Renderer().render(buildTree(tokenize(source))));
  } catch (error) {
    if (error instanceof PasteError) return collapse(source);
    throw error;
  }
}

function findEnv(nodes: Node[]): Extract<Node, { t: 'env' }> | undefined {
  const stack: Node[][] = [nodes];
  while (stack.length) {
    for (const node of stack.pop()!) {
      if (node.t === 'env' && TABULARS.has(node.name)) return node;
      if (node.t === 'env' || node.t === 'group') stack.push(node.children);
    }
  }
  return undefined;
}

function findCaption(nodes: Node[]): string {
  const stack: Node[][] = [nodes];
  while (stack.length) {
    const list = stack.pop()!;
    const index = list.findIndex((n) => n.t === 'cmd' && n.name === 'caption');
    if (index >= 0) {
      const cursor = new Cursor(list.slice(index + 1));
      cursor.optional();
      const arg = cursor.arg();
      return arg ? collapse(new Renderer().render(arg)) : '';
    }
    for (const node of list) if (node.t === 'env' || node.t === 'group') stack.push(node.children);
  }
  return '';
}

interface RawCell {
  nodes: Node[];
  line: number;
}

interface RawRow {
  cells: RawCell[];
  line: number;
  ruleAbove: boolean;
  hasCaption: boolean;
}

const isBlank = (nodes: Node[]) => nodes.every((n) => n.t === 'text' && !n.s.trim());

/** Takes the rules (\midrule, \cline{2-4}, \addlinespace …) off the front of a row. */
function stripRules(nodes: Node[]): { nodes: Node[]; rule: boolean } {
  const cursor = new Cursor(nodes);
  let rule = false;
  for (;;) {
    cursor.skipSpace();
    const node = cursor.peek();
    if (node?.t !== 'cmd' || !ROW_PREFIXES.has(node.name)) break;
    cursor.next();
    if (RULES.has(node.name)) rule = true;
    if (node.name === 'cmidrule') cursor.optional('(', ')');
    cursor.optional();
    if (['cline', 'cmidrule', 'hhline', 'cdashline', 'rowcolor', 'noalign'].includes(node.name))
      cursor.arg();
    if (node.name === 'specialrule') for (let k = 0; k < 3; k += 1) cursor.arg();
  }
  return { nodes: cursor.rest(), rule };
}

function splitRows(body: Node[]): RawRow[] {
  const rows: RawRow[] = [];
  let cells: RawCell[] = [];
  let current: Node[] = [];
  const lineOf = (nodes: Node[], fallback: number) =>
    nodes.find((n) => !(n.t === 'text' && !n.s.trim()))?.line ?? fallback;
  const endCell = (line: number) => {
    cells.push({ nodes: current, line: lineOf(current, line) });
    current = [];
  };
  const endRow = (line: number) => {
    endCell(line);
    const { nodes, rule } = stripRules(cells[0]!.nodes);
    cells[0] = { nodes, line: lineOf(nodes, cells[0]!.line) };
    const hasCaption = cells.some((c) =>
      c.nodes.some((n) => n.t === 'cmd' && n.name === 'caption'),
    );
    rows.push({ cells, line: cells[0].line, ruleAbove: rule, hasCaption });
    cells = [];
  };
  for (const node of body) {
    if (node.t === 'amp') endCell(node.line);
    else if (node.t === 'newrow') endRow(node.line);
    else current.push(node);
  }
  if (cells.length || !isBlank(current)) endRow(body.at(-1)?.line ?? 1);
  // Rows that were only rules (the \bottomrule after the last \\) pass their rule on.
  const kept: RawRow[] = [];
  let pendingRule = false;
  for (const row of rows) {
    if (row.hasCaption || (row.cells.length === 1 && isBlank(row.cells[0]!.nodes))) {
      pendingRule ||= row.ruleAbove;
      continue;
    }
    kept.push({ ...row, ruleAbove: row.ruleAbove || pendingRule });
    pendingRule = false;
  }
  return kept;
}

interface ReadCell extends Rendered {
  colspan: number;
  rowspan: number;
}

function spanCount(arg: Node[] | null, what: string, where: () => object, max: number): number {
  const text = arg ? collapse(new Renderer().render(arg)) : '';
  const count = Number(text);
  if (!/^-?\d+$/.test(text) || count === 0 || Math.abs(count) > max) {
    throw new PasteError(
      `${what} needs a count between 1 and ${max} as its first argument, not "${text}".`,
      where(),
    );
  }
  return count;
}

function readCell(raw: RawCell, where: () => object): ReadCell {
  const cursor = new Cursor(raw.nodes);
  cursor.skipSpace();
  const first = cursor.peek();
  let colspan = 1;
  let rowspan = 1;
  let content = raw.nodes;
  if (first?.t === 'cmd' && first.name === 'multicolumn') {
    cursor.next();
    colspan = spanCount(cursor.arg(), '\\multicolumn', where, PASTE_LIMITS.columns);
    if (colspan < 0) throw new PasteError('\\multicolumn cannot span backwards.', where());
    const spec = cursor.arg();
    const inner = cursor.arg();
    if (spec === null || inner === null) {
      throw new PasteError(
        '\\multicolumn needs three arguments: {count}{alignment}{text}.',
        where(),
      );
    }
    const nested = readCell({ nodes: inner, line: raw.line }, where);
    return { ...nested, colspan };
  }
  if (first?.t === 'cmd' && first.name === 'multirow') {
    cursor.next();
    cursor.optional();
    rowspan = spanCount(cursor.arg(), '\\multirow', where, PASTE_LIMITS.rows);
    cursor.optional();
    const width = cursor.arg();
    cursor.optional();
    const inner = cursor.arg();
    if (width === null || inner === null) {
      throw new PasteError('\\multirow needs three arguments: {rows}{width}{text}.', where());
    }
    content = [...inner, ...cursor.rest()];
  }
  const renderer = new Renderer();
  const text = collapse(renderer.render(content));
  return { text, bold: renderer.bold, underline: renderer.underline, colspan, rowspan };
}

/** A pasted LaTeX table (a whole `table` float, a bare `tabular`, or just its rows) → a grid. */
export function readLatexTable(source: string): Grid {
  const tree = buildTree(tokenize(source));
  const env = findEnv(tree);
  const body = env ? envBody(env) : tree;
  if (!env && !body.some((n) => n.t === 'newrow')) {
    throw new PasteError(
      'No \\begin{tabular} was found, and no rows ending in \\\\ either: paste the tabular environment or its rows.',
    );
  }
  const rawRows = splitRows(body);
  if (rawRows.length > PASTE_LIMITS.rows) {
    throw new PasteError(
      `The table has ${rawRows.length} rows; at most ${PASTE_LIMITS.rows} can be pasted at once. Paste it in parts.`,
      { line: rawRows[PASTE_LIMITS.rows]!.line, row: PASTE_LIMITS.rows + 1 },
      413,
    );
  }
  const rows: GridRow[] = [];
  const spans: Array<{ row: number; column: number; rowspan: number; colspan: number }> = [];
  rawRows.forEach((raw, r) => {
    const cells: Cell[] = [];
    for (const rawCell of raw.cells) {
      const column = cells.length;
      if (column >= PASTE_LIMITS.columns) {
        throw new PasteError(`At most ${PASTE_LIMITS.columns} columns can be read.`, {
          row: r + 1,
          column: column + 1,
          line: rawCell.line,
        });
      }
      const cell = readCell(rawCell, () => ({
        row: r + 1,
        column: column + 1,
        line: rawCell.line,
      }));
      cells.push({ text: cell.text, bold: cell.bold, underline: cell.underline, spanned: false });
      for (let k = 1; k < cell.colspan && cells.length < PASTE_LIMITS.columns + 1; k += 1) {
        cells.push({ ...cells[column]!, spanned: true });
      }
      if (cell.rowspan !== 1) spans.push({ row: r, column, ...cell });
    }
    rows.push({ cells, line: raw.line, ruleAbove: raw.ruleAbove });
  });
  // \multirow{n} fills the empty cells below it (\multirow{-n}, the ones above).
  for (const span of spans) {
    const [from, to] =
      span.rowspan > 0
        ? [span.row + 1, span.row + span.rowspan - 1]
        : [span.row + span.rowspan + 1, span.row - 1];
    const source = rows[span.row]!.cells[span.column]!;
    for (let r = Math.max(0, from); r <= Math.min(rows.length - 1, to); r += 1) {
      for (let c = span.column; c < span.column + span.colspan; c += 1) {
        const cells = rows[r]!.cells;
        while (cells.length <= c) cells.push(emptyCell());
        if (!cells[c]!.text) cells[c] = { ...source, spanned: true };
      }
    }
  }
  const firstRule = rows.findIndex((row, index) => index > 0 && row.ruleAbove);
  return finishGrid('latex', rows, findCaption(tree), firstRule > 0 ? firstRule : null);
}
