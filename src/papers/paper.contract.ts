import { z } from 'zod';

export const SOURCE_KINDS = ['paper', 'run'] as const;
/** A paper, or an evaluation run such as an lm-evaluation-harness import. */
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
/** How much of a paper's date is known: a month-precision date is stored as the 1st. */
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const ARXIV_ID = /^([0-9]{4}\.[0-9]{4,5}|[a-z-]+(\.[A-Z]{2})?\/[0-9]{7})$/;

export const PAPER_LIMITS = { title: 500, author: 200, authors: 200, venue: 300 } as const;

/** What a run source records of itself: harness, version, model, revision, arguments, date. */
export const runDetailsSchema = z.record(z.string(), z.unknown());
export type RunDetails = z.output<typeof runDetailsSchema>;

/** A source's own fields, as every import, the dump and the API carry them. */
const paperFields = {
  kind: z.enum(SOURCE_KINDS),
  arxivId: z.string().regex(ARXIV_ID, 'is not an arXiv id').nullable(),
  title: z
    .string()
    .trim()
    .min(1, 'the title is empty')
    .max(PAPER_LIMITS.title, `the title is over ${PAPER_LIMITS.title} characters`),
  authors: z.array(z.string().trim().min(1).max(PAPER_LIMITS.author)).max(PAPER_LIMITS.authors),
  publishedOn: z.iso.date().nullable(),
  datePrecision: z.enum(DATE_PRECISIONS),
  venue: z.string().max(PAPER_LIMITS.venue).nullable(),
  url: z
    .string()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .nullable(),
  runDetails: runDetailsSchema.nullable(),
};

/** A source as an import hands it over, before it is looked up or stored. */
export const paperInputSchema = z.object({
  ...paperFields,
  runDetails: paperFields.runDetails.optional(),
});
export type PaperInput = z.output<typeof paperInputSchema>;

/** A paper in the API and the exports. */
export const paperSchema = z.object({ id: z.int(), ...paperFields }).meta({ id: 'paper' });

export const paperListItemSchema = z
  .object({
    id: z.int(),
    kind: paperFields.kind,
    arxivId: paperFields.arxivId,
    title: z.string(),
    authors: z.array(z.string()),
    publishedOn: paperFields.publishedOn,
    datePrecision: paperFields.datePrecision,
    venue: z.string().nullable(),
    claimCount: z.int().min(0),
  })
  .meta({ id: 'paperListItem' });

/** A paper in the dump: claims refer to it by `ref`, its id in the exporting ledger. */
export const ledgerPaperSchema = z
  .object({
    ref: z
      .int()
      .meta({ description: "the paper's id in the exporting ledger; claims refer to it" }),
    ...paperFields,
  })
  .meta({ id: 'ledgerPaper' });

/** What a claim shows of its paper. */
export const paperRefSchema = z.object({
  id: z.int(),
  title: z.string(),
  arxivId: paperFields.arxivId,
  date: paperFields.publishedOn,
  datePrecision: paperFields.datePrecision,
  url: paperFields.url,
});

export type PublicPaper = z.output<typeof paperSchema>;
export type PaperListItemDocument = z.output<typeof paperListItemSchema>;
export type LedgerPaper = z.output<typeof ledgerPaperSchema>;
