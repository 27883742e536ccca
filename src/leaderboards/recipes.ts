import type { RecipeDefinition, RecipeMember } from '../benchmarks/benchmark.contract';

export type AggregateResult =
  | { complete: true; score: number; groups: { label: string; score: number }[] }
  | { complete: false; missing: string[] };

export type Verdict = 'consistent' | 'rounding' | 'inconsistent';

export const CONSISTENT_TOLERANCE = 0.05;
export const ROUNDING_TOLERANCE = 0.1;
const EPSILON = 1e-9;

/** The key of a value in the map handed to `computeAggregate`. */
export const valueKey = (benchmarkSlug: string, metricSlug: string): string =>
  `${benchmarkSlug}|${metricSlug}`;

const mean = (xs: number[]): number => xs.reduce((sum, x) => sum + x, 0) / xs.length;

const lookup = (values: Map<string, number>, benchmark: string, metric: string) => {
  const value = values.get(valueKey(benchmark, metric));
  // A NaN would silently poison the mean, so it counts as absent.
  return value !== undefined && Number.isFinite(value) ? value : undefined;
};

const memberValue = (member: RecipeMember, values: Map<string, number>): number | undefined => {
  for (const set of member.metrics) {
    const found = set.map((metric) => lookup(values, member.benchmark, metric));
    if (found.every((v): v is number => v !== undefined)) return mean(found);
  }
  return undefined;
};

const describeMissing = (member: RecipeMember, values: Map<string, number>): string => {
  const lacking = member.metrics.map((set) =>
    set.filter((metric) => lookup(values, member.benchmark, metric) === undefined).join(' and '),
  );
  return `${member.benchmark} (${lacking.join(', or ')})`;
};

/**
 * Score = mean over groups of (mean over the group's members); a member is the mean of its first
 * complete metric set. Incomplete when any member has no complete set.
 */
export function computeAggregate(
  definition: RecipeDefinition,
  values: Map<string, number>,
): AggregateResult {
  if (definition.groups.length === 0) throw new RangeError('recipe has no groups');
  const missing: string[] = [];
  const groups: { label: string; score: number }[] = [];
  for (const group of definition.groups) {
    if (group.members.length === 0) throw new RangeError(`recipe group ${group.label} is empty`);
    const memberValues: number[] = [];
    for (const member of group.members) {
      if (member.metrics.length === 0 || member.metrics.some((set) => set.length === 0)) {
        throw new RangeError(`recipe member ${member.benchmark} has an empty metric set`);
      }
      const value = memberValue(member, values);
      if (value === undefined) missing.push(describeMissing(member, values));
      else memberValues.push(value);
    }
    if (memberValues.length === group.members.length) {
      groups.push({ label: group.label, score: mean(memberValues) });
    }
  }
  if (missing.length > 0) return { complete: false, missing };
  return { complete: true, score: mean(groups.map((g) => g.score)), groups };
}

export function compareToPublished(
  computed: number,
  published: number,
): { delta: number; verdict: Verdict } {
  const delta = computed - published;
  const size = Math.abs(delta);
  const verdict: Verdict =
    size <= CONSISTENT_TOLERANCE + EPSILON
      ? 'consistent'
      : size <= ROUNDING_TOLERANCE + EPSILON
        ? 'rounding'
        : 'inconsistent';
  return { delta, verdict };
}

interface Decimal {
  negative: boolean;
  coefficient: bigint;
  exponent: number;
}

// 15 significant digits is what a double holds faithfully: 2.675 reads back as the decimal 2.675
// and 88.06249999999999 (float noise from a mean) as 88.0625.
const toDecimal = (x: number): Decimal => {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(Math.abs(x).toPrecision(15));
  if (!match) throw new RangeError(`cannot read ${x} as a decimal`);
  const [, whole = '', fraction = '', exponent = '0'] = match;
  return {
    negative: x < 0,
    coefficient: BigInt(whole + fraction),
    exponent: Number(exponent) - fraction.length,
  };
};

function roundDecimal(x: number, digits: number, halfEven: boolean): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`digits must be an integer from 0 to 20, got ${digits}`);
  }
  if (!Number.isFinite(x)) return x;
  const { negative, coefficient, exponent } = toDecimal(x);
  const shift = -digits - exponent;
  if (shift <= 0) return x;
  const divisor = 10n ** BigInt(shift);
  let quotient = coefficient / divisor;
  const twiceRemainder = (coefficient % divisor) * 2n;
  if (
    twiceRemainder > divisor ||
    (twiceRemainder === divisor && (!halfEven || quotient % 2n === 1n))
  ) {
    quotient += 1n;
  }
  const rounded = Number(`${quotient}e-${digits}`);
  return negative && rounded !== 0 ? -rounded : rounded;
}

/** Rounds the decimal `x` reads as, ties away from zero. */
export const roundHalfUp = (x: number, digits: number): number => roundDecimal(x, digits, false);

/** Rounds the decimal `x` reads as, ties to the even neighbour (banker's rounding). */
export const roundHalfEven = (x: number, digits: number): number => roundDecimal(x, digits, true);

/** Decimals a published figure shows; pass it as printed ("84.30") to keep trailing zeros. */
export function publishedDecimals(published: string | number): number {
  if (typeof published === 'number') {
    const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(published)));
    if (!match) throw new RangeError(`not a finite number: ${published}`);
    const [, , fraction = '', exponent = '0'] = match;
    return Math.max(0, fraction.length - Number(exponent));
  }
  const match = /^[+-]?(?:\d+(?:\.(\d*))?|\.(\d+))$/.exec(published.trim());
  if (!match) throw new RangeError(`not a plain decimal number: ${published}`);
  return (match[1] ?? match[2] ?? '').length;
}

/** Whether `published` equals `computed` rounded, half-up or half-even, to the decimals it shows. */
export function matchesAtPrecision(computed: number, published: string | number): boolean {
  const digits = publishedDecimals(published);
  const target = typeof published === 'number' ? published : Number(published.trim());
  return roundHalfUp(computed, digits) === target || roundHalfEven(computed, digits) === target;
}
