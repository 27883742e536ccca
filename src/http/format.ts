import type { ClaimView } from '../claims/claim.repository';
import { SETTING_FIELD_NAMES, settingTag, type Setting } from '../claims/claim.setting';
import { formatCount as formatParamCount } from '../claims/claim.text';
import type { DatePrecision } from '../papers/paper.contract';

export function formatValue(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return digits === undefined ? String(Math.round(value * 10000) / 10000) : value.toFixed(digits);
}

/** A value and its standard error as printed: "85.3 ± 0.2". */
export function formatMeasure(c: Pick<ClaimView, 'value' | 'stderr'>): string {
  return c.stderr === null
    ? formatValue(c.value)
    : `${formatValue(c.value)} ± ${formatValue(c.stderr)}`;
}

export function formatParams(count: number | null | undefined): string {
  return count ? formatParamCount(count) : '—';
}

export function formatDate(date: string | null, precision: DatePrecision = 'day'): string {
  if (!date) return 'undated';
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date;
}

const PLURALS = new Intl.PluralRules('en');

/** The noun for a count: "claim" for 1, "claims" for 4. */
export function formatNoun(n: number, one: string, other = `${one}s`): string {
  return PLURALS.select(n) === 'one' ? one : other;
}

/** "1 claim", "4 claims", "2 entries": a count with its noun. */
export function formatCount(n: number, one: string, other = `${one}s`): string {
  return `${n} ${formatNoun(n, one, other)}`;
}

/** A setting as the tags of its line; the split's is coloured. */
export function settingTags(setting: Setting): { text: string; className: string }[] {
  return SETTING_FIELD_NAMES.flatMap((field) => {
    const text = settingTag(field, setting);
    if (text === null) return [];
    return [{ text, className: field === 'split' ? `split-${setting.split}` : '' }];
  });
}

export const format = {
  count: formatCount,
  noun: formatNoun,
  value: formatValue,
  measure: formatMeasure,
  params: formatParams,
  date: formatDate,
  settingTags,
};
