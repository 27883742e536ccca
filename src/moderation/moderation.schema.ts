import { z } from 'zod';
import { rowEntries, rowSchema } from '../submissions/submission.schema';

export const REASON_MAX = 1000;

export const claimIdParam = z.coerce.number().int().positive().max(2147483647);

const reasonText = z.preprocess(
  (value) => (value === undefined || value === null ? '' : value),
  z
    .string({ error: 'Give the reason once, as text.' })
    .max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters.`)
    .transform((s) => s.trim()),
);

export const optionalReasonSchema = z.object({
  reason: reasonText.transform((s) => s || null),
});

export const requiredReasonSchema = z.object({
  reason: reasonText.pipe(
    z.string().min(1, 'Give a reason: the history page and the submitter see it.'),
  ),
});

export const editSchema = z.object({
  reason: reasonText.pipe(z.string().min(1, 'Say why the claim is being changed.')),
  rows: z.preprocess(
    (rows) => Object.fromEntries(rowEntries(rows)),
    z.object({ 0: rowSchema }, { error: 'Fill in the claim.' }),
  ),
});
