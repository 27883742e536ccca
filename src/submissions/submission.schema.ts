import { z } from 'zod';
import { claimInputSchema, LIMITS, type ClaimInput } from '../claims/claim-input';
import type { DatePrecision } from '../papers/paper.table';

export const MAX_ROWS = 200;
export const MAX_AUTHORS = 100;

/** The names of a row's inputs, in the order the forms show them. */
export const ROW_FIELDS = [
  'model',
  'benchmark',
  'metric',
  'recipe',
  'value',
  'stderr',
  'split',
  'nShot',
  'chainOfThought',
  'adaptation',
  'trainableParams',
  'role',
  'locator',
  'quote',
] as const;
export type RowField = (typeof ROW_FIELDS)[number];
export type RowValues = Record<RowField, string>;

/**
 * A form field as text. Browsers send one string per field; anything else (a repeated field, a
 * nested object, a JSON number) is refused with a message rather than guessed at.
 */
const formText = (max: number, label: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z
      .string({ error: `Give ${label} once, as text.` })
      .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max} characters.`)
      .transform((s) => s.trim()),
  );

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/** '' → null; a decimal → its value; anything else → NaN, which the claim schema reports. */
export function parseNumber(text: string): number | null {
  if (text === '') return null;
  return NUMBER.test(text) ? Number(text) : Number.NaN;
}

/** Trainable parameters may be written 1330000, 1.33M or 0.8k. */
export function parseCount(text: string): number | null {
  const match = /^(.*?)\s*([kmb])$/i.exec(text);
  if (!match) return parseNumber(text);
  const base = parseNumber(match[1]!);
  return base === null
    ? Number.NaN
    : Math.round(base * SUFFIXES[match[2]!.toLowerCase()]! * 1e6) / 1e6;
}

const rowTextSchema = z.object({
  model: formText(LIMITS.model * 2, 'the model name'),
  benchmark: formText(80, 'the benchmark'),
  metric: formText(80, 'the metric'),
  recipe: formText(80, 'the recipe'),
  value: formText(40, 'the value'),
  stderr: formText(40, 'the standard error'),
  split: formText(20, 'the split'),
  nShot: formText(20, 'the number of shots'),
  chainOfThought: formText(10, 'chain-of-thought'),
  adaptation: formText(40, 'the adaptation'),
  trainableParams: formText(40, 'the trainable parameters'),
  role: formText(40, 'the role'),
  locator: formText(LIMITS.locator * 2, 'the locator'),
  quote: formText(LIMITS.quote * 2, 'the quote'),
});

/** One row of a submission form → a ClaimInput, with the claim schema's message per field. */
export const rowSchema = rowTextSchema.transform((row, ctx): ClaimInput => {
  if (!['', 'yes', 'no'].includes(row.chainOfThought)) {
    ctx.addIssue({
      code: 'custom',
      path: ['chainOfThought'],
      message: 'Choose yes, no or not stated.',
    });
  }
  const parsed = claimInputSchema.safeParse({
    model: row.model,
    benchmark: row.benchmark,
    metric: row.metric,
    recipe: row.recipe || null,
    value: parseNumber(row.value),
    stderr: parseNumber(row.stderr),
    split: row.split,
    nShot: parseNumber(row.nShot),
    chainOfThought:
      row.chainOfThought === 'yes' ? true : row.chainOfThought === 'no' ? false : null,
    adaptation: row.adaptation,
    trainableParams: parseCount(row.trainableParams),
    variant: '',
    settingNotes: null,
    role: row.role,
    locator: row.locator,
    quote: row.quote,
    reference: null,
    notes: null,
    confidence: null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    return z.NEVER;
  }
  return parsed.data;
});

/** A row the submitter left empty (the table form offers spare rows) is not a claim. */
function isBlankRow(row: unknown): boolean {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
  const fields = row as Record<string, unknown>;
  const filled = ['model', 'benchmark', 'metric', 'value', 'stderr', 'nShot']
    .concat(['trainableParams', 'locator', 'quote', 'recipe'])
    .some((name) => fields[name] !== undefined && fields[name] !== '');
  return !filled;
}

/** Rows arrive as an array or, past qs's array limit, as an object keyed by index. */
export function rowEntries(rows: unknown): Array<[string, unknown]> {
  if (typeof rows !== 'object' || rows === null) return [];
  return Object.entries(rows)
    .filter(([key]) => /^\d{1,4}$/.test(key))
    .sort(([a], [b]) => Number(a) - Number(b));
}

const rowsSchema = z.preprocess(
  (rows) => Object.fromEntries(rowEntries(rows).filter(([, row]) => !isBlankRow(row))),
  z
    .record(z.string(), rowSchema)
    .refine((rows) => Object.keys(rows).length > 0, 'Fill in at least one claim.')
    .refine(
      (rows) => Object.keys(rows).length <= MAX_ROWS,
      `At most ${MAX_ROWS} claims in one submission; split the table.`,
    ),
);

const ARXIV = /^(\d{4}\.\d{4,5})(v\d+)?$/;

const arxivIdSchema = formText(60, 'the arXiv id')
  .transform((s) => s.replace(/^arxiv:\s*/i, ''))
  .refine(
    (s) => s === '' || ARXIV.test(s),
    'Enter an arXiv id such as 2106.09685 (or 2106.09685v2).',
  )
  .transform((s) => (s === '' ? null : s.replace(ARXIV, '$1')));

export interface PublishedDate {
  publishedOn: string | null;
  datePrecision: DatePrecision;
}

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' → the first day of that period and its precision. */
export function parsePublishedDate(text: string, today: Date): PublishedDate | string {
  if (text === '') return { publishedOn: null, datePrecision: 'day' };
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return 'Enter the date as YYYY-MM-DD, YYYY-MM or YYYY.';
  const [, y, m = '01', d = '01'] = match;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) {
    return 'That date does not exist.';
  }
  if (Number(y) < 1950) return 'Enter a date after 1950.';
  if (date.getTime() > today.getTime() + 36 * 60 * 60 * 1000) {
    return 'The date is in the future.';
  }
  return {
    publishedOn: `${y}-${m}-${d}`,
    datePrecision: match[3] ? 'day' : match[2] ? 'month' : 'year',
  };
}

export const submissionSchema = (today: Date) =>
  z.object({
    arxivId: arxivIdSchema,
    title: formText(LIMITS.title, 'the title'),
    authors: formText(20000, 'the authors')
      .transform((s) =>
        s
          .split(/\s*(?:[,;\n]|\band\b)\s*/)
          .map((a) => a.trim())
          .filter(Boolean),
      )
      .refine((a) => a.length <= MAX_AUTHORS, `List at most ${MAX_AUTHORS} authors.`)
      .refine(
        (a) => a.every((author) => author.length <= LIMITS.author),
        `Each author's name must be at most ${LIMITS.author} characters.`,
      ),
    publishedOn: formText(20, 'the date').transform((s, ctx) => {
      const parsed = parsePublishedDate(s, today);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
    venue: formText(200, 'the venue'),
    url: formText(1000, 'the link').refine((s) => {
      if (s === '') return true;
      try {
        const url = new URL(s);
        return (url.protocol === 'https:' || url.protocol === 'http:') && /^https?:\/\//.test(s);
      } catch {
        return false;
      }
    }, 'Enter a link starting with https://.'),
    submitterName: formText(200, 'your name'),
    submitterEmail: formText(320, 'your email address').refine(
      (s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
      'Enter an email address such as name@example.org, or leave it empty.',
    ),
    confirm: z
      .preprocess((v) => (Array.isArray(v) ? v.at(-1) : v), z.unknown())
      .transform((v) => v === 'yes'),
    rows: rowsSchema,
  });

export type SubmissionForm = z.infer<ReturnType<typeof submissionSchema>>;

export type PaperFieldName =
  | 'arxivId'
  | 'title'
  | 'authors'
  | 'publishedOn'
  | 'venue'
  | 'url'
  | 'submitterName'
  | 'submitterEmail';

export const PAPER_FIELDS: readonly PaperFieldName[] = [
  'arxivId',
  'title',
  'authors',
  'publishedOn',
  'venue',
  'url',
  'submitterName',
  'submitterEmail',
];

/** The submitted text, to put back in the form after a failure: strings only, rows by key. */
export function echoValues(body: unknown): {
  paper: Record<PaperFieldName, string>;
  rows: Array<[string, RowValues]>;
  confirm: boolean;
} {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (value: unknown, max: number) =>
    typeof value === 'string' ? value.slice(0, max) : '';
  const paper = Object.fromEntries(
    PAPER_FIELDS.map((name) => [name, text(fields[name], name === 'authors' ? 20000 : 1000)]),
  ) as Record<PaperFieldName, string>;
  const rows = rowEntries(fields.rows)
    .slice(0, MAX_ROWS)
    .map(([key, row]): [string, RowValues] => {
      const values =
        typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
      return [
        key,
        Object.fromEntries(ROW_FIELDS.map((name) => [name, text(values[name], 1000)])) as RowValues,
      ];
    });
  return { paper, rows, confirm: fields.confirm === 'yes' };
}
