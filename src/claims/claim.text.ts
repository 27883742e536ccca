/**
 * How a claim value is written as text — a CSV cell or a form field — and read back. Reading is
 * lenient about spelling (`yes`/`true`/`1`, `1.33M`, `85.3%`) and says what is wrong otherwise;
 * writing gives the spelling an import reads back unchanged.
 */
export type TextRead<T> = { value: T } | { problem: string };

export interface TextCodec<T> {
  read(text: string): TextRead<T>;
  write(value: T): string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

// Commas only as thousands separators: "85,3" is a decimal comma, not 853.
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** '' → null; '1,234.5' → 1234.5 (and '85.3%' when `percent`); anything else is a problem. */
export function readNumber(text: string, { percent = false } = {}): TextRead<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  const bare = percent ? trimmed.replace(/\s*%$/, '') : trimmed;
  const plain = GROUPED.test(bare) ? bare.replaceAll(',', '') : bare;
  const value = NUMBER.test(plain) ? Number(plain) : Number.NaN;
  return Number.isFinite(value) ? { value } : { problem: `"${trimmed}" is not a number` };
}

const numberText = (value: number | null): string => (value === null ? '' : String(value));

export const wholeNumberText: TextCodec<number | null> = {
  read: (text) => readNumber(text),
  write: numberText,
};

const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

/** A count written 1330000, 1,330,000, 1.33M or 0.8k. */
export const countText: TextCodec<number | null> = {
  read(text) {
    const match = /^(.*?)\s*([kmb])$/i.exec(text.trim());
    if (!match) return readNumber(text);
    const base = readNumber(match[1]!);
    if ('problem' in base || base.value === null)
      return { problem: `"${text.trim()}" is not a number` };
    return { value: Math.round(base.value * SUFFIXES[match[2]!.toLowerCase()]! * 1e6) / 1e6 };
  },
  write: numberText,
};

/** Yes, no or not stated. */
export const flagText: TextCodec<boolean | null> = {
  read(text) {
    const value = text.trim().toLowerCase();
    if (['yes', 'true', '1'].includes(value)) return { value: true };
    if (['no', 'false', '0'].includes(value)) return { value: false };
    if (value === '') return { value: null };
    return { problem: `"${text.trim()}" is not yes, no or empty` };
  },
  write: (value) => (value === null ? '' : value ? 'yes' : 'no'),
};

/** One of a fixed list, case-insensitive; empty is the fallback. */
export function choiceText<T extends string>(values: readonly T[], fallback: T): TextCodec<T> {
  return {
    read(text) {
      const value = text.trim().toLowerCase();
      if (value === '') return { value: fallback };
      const found = values.find((v) => v.toLowerCase() === value);
      return found
        ? { value: found }
        : { problem: `"${text.trim()}" is not one of ${values.join(', ')}` };
    },
    write: (value) => value,
  };
}

/** Free text, trimmed; its length is the schema's to check. */
export const plainText: TextCodec<string> = {
  read: (text) => ({ value: text.trim() }),
  write: (value) => value,
};

/** Free text where empty means not stated. */
export const optionalText: TextCodec<string | null> = {
  read: (text) => ({ value: text.trim() || null }),
  write: (value) => value ?? '',
};

const COUNT_UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 1330000 → "1.33M", 355e6 → "355M", 800 → "800": a parameter count as people write it. */
export function formatCount(count: number): string {
  const rounded = Number(count.toPrecision(3));
  for (const [size, unit] of COUNT_UNITS) {
    if (Math.abs(rounded) >= size) return `${rounded / size}${unit}`;
  }
  return String(rounded);
}

/** One of a fixed list, or empty for not stated. */
export function optionalChoiceText<T extends string>(values: readonly T[]): TextCodec<T | null> {
  const choice = choiceText(values, values[0]!);
  return {
    read: (text) => (text.trim() === '' ? { value: null } : choice.read(text)),
    write: (value) => value ?? '',
  };
}
