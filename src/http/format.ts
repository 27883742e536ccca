import { ADAPTATION_LABELS, type Adaptation } from '../claims/claim.table';
import { formatParams as paramCount } from '../leaderboards/ranking';

export function formatValue(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return digits === undefined ? String(Math.round(value * 10000) / 10000) : value.toFixed(digits);
}

export function formatParams(count: number | null | undefined): string {
  return count ? paramCount(count) : '—';
}

export function formatDate(
  date: string | null,
  precision: 'day' | 'month' | 'year' = 'day',
): string {
  if (!date) return 'undated';
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date;
}

export function formatAdaptation(adaptation: Adaptation): string {
  return ADAPTATION_LABELS[adaptation];
}

export function formatShots(nShot: number | null): string {
  return nShot === null ? '—' : `${nShot}-shot`;
}

export function formatCot(cot: boolean | null): string {
  return cot === null ? '—' : cot ? 'yes' : 'no';
}

export const format = {
  value: formatValue,
  params: formatParams,
  date: formatDate,
  adaptation: formatAdaptation,
  shots: formatShots,
  cot: formatCot,
};
