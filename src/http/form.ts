import type { z } from 'zod';

/** One message per field, keyed by the field's path joined with dots (`rows.2.value`). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** `rows.2.value` → `rows-2-value`: the id of the input a message belongs to. */
export const fieldId = (key: string) => key.replace(/[^A-Za-z0-9_-]+/g, '-');

export interface SummaryItem {
  href: string;
  text: string;
}

/** The error summary at the top of a form: one link per message, to the field it is about. */
export function errorSummary(
  errors: Record<string, string>,
  label: (key: string) => string = () => '',
): SummaryItem[] {
  return Object.entries(errors).map(([key, message]) => {
    const prefix = label(key);
    return { href: `#${fieldId(key)}`, text: prefix ? `${prefix}: ${message}` : message };
  });
}
