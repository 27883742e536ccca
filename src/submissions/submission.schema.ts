import { z } from 'zod';
import { claimInputSchema, CLAIM_LIMITS, type ClaimInput } from '../claims/claim.contract';
import {
  FORM_FIELDS,
  fromFormValues,
  type FormField,
  type FormValues,
} from '../claims/claim.mappers';
import { SETTING_FIELDS, type FormSettingField } from '../claims/claim.setting';
import { MODEL_LIMITS } from '../models/model.contract';
import { PAPER_LIMITS, type DatePrecision } from '../papers/paper.contract';

export const MAX_ROWS = 200;
export const MAX_AUTHORS = 100;

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

/** How long a row's text may be before it is read; the claim schema has the real limits. */
const ROW_TEXT_LIMITS: Partial<Record<FormField, [number, string]>> = {
  model: [MODEL_LIMITS.name * 2, 'the model name'],
  benchmark: [80, 'the benchmark'],
  metric: [80, 'the metric'],
  recipe: [80, 'the recipe'],
  value: [40, 'the value'],
  stderr: [40, 'the standard error'],
  role: [40, 'the role'],
  locator: [CLAIM_LIMITS.locator * 2, 'the locator'],
  quote: [CLAIM_LIMITS.quote * 2, 'the quote'],
};

const textLimit = (field: FormField): [number, string] =>
  ROW_TEXT_LIMITS[field] ?? [
    40,
    `the ${SETTING_FIELDS[field as FormSettingField].label.toLowerCase()}`,
  ];

const rowTextSchema = z.object(
  Object.fromEntries(FORM_FIELDS.map((field) => [field, formText(...textLimit(field))])) as Record<
    FormField,
    ReturnType<typeof formText>
  >,
);

/** One row of a submission form → a ClaimInput, with the claim schema's message per field. */
export const rowSchema = rowTextSchema.transform((row, ctx): ClaimInput => {
  const parsed = claimInputSchema.safeParse(fromFormValues(row));
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
    title: formText(PAPER_LIMITS.title, 'the title'),
    authors: formText(20000, 'the authors')
      .transform((s) =>
        s
          .split(/\s*(?:[,;\n]|\band\b)\s*/)
          .map((a) => a.trim())
          .filter(Boolean),
      )
      .refine((a) => a.length <= MAX_AUTHORS, `List at most ${MAX_AUTHORS} authors.`)
      .refine(
        (a) => a.every((author) => author.length <= PAPER_LIMITS.author),
        `Each author's name must be at most ${PAPER_LIMITS.author} characters.`,
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
      .preprocess((v) => (Array.isArray(v) ? (v as unknown[]).at(-1) : v), z.unknown())
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
  rows: Array<[string, FormValues]>;
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
    .map(([key, row]): [string, FormValues] => {
      const values =
        typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
      return [
        key,
        Object.fromEntries(
          FORM_FIELDS.map((name) => [name, text(values[name], 1000)]),
        ) as FormValues,
      ];
    });
  return { paper, rows, confirm: fields.confirm === 'yes' };
}
