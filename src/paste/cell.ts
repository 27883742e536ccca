/**
 * Reads one cell the way papers print numbers: 84.6, 84.6/83.4 (two metrics), 90.9±0.3 (value and
 * standard error), 88.1* or 88.1† (a footnote mark), 85.3% and bold or underlined text (already
 * plain here); "-", "—" and "n/a" mean the paper gives no number.
 */
import { countText } from '../claims/claim.text';

export interface Reading {
  /** The number as printed, ready for the form ("84.6", not 84.6 re-formatted). */
  value: string;
  stderr: string | null;
}

export type CellReading =
  | { kind: 'none' }
  | { kind: 'numbers'; readings: [Reading] | [Reading, Reading] }
  | { kind: 'unreadable'; message: string };

const NONE = /^(?:-+|–+|—+|―|−|n\/?a|none|null|nan|×|✗|\/|\?|\.|…)$/i;
const TRAILING_MARKS = /(?:\s*(?:\^\{?[^\s{}^]{1,3}\}?|[*†‡§¶#✝♠♣♥♦♮♯♭]+))+$/;
// A printed difference after the value: "88.1 (+0.4)", "88.1↑", "88.1 (↓1.2)".
const TRAILING_DELTA = /\s*(?:\(\s*[+\-−↑↓]\s*\d+(?:\.\d+)?\s*%?\s*\)|[↑↓])$/;
const NUMBER = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)';
const SINGLE = new RegExp(`^(${NUMBER})(?:\\s*(?:±|\\(\\s*±)\\s*(${NUMBER})\\s*\\)?)?$`);

const normalise = (text: string) =>
  text
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/\+\/-|\+-/g, '±')
    .replace(/\s+/g, ' ')
    .trim();

/** The cell's text without footnote marks, a printed difference or a percent sign. */
export function stripDecorations(text: string): string {
  let previous: string;
  let current = normalise(text);
  do {
    previous = current;
    current = current.replace(TRAILING_MARKS, '').replace(TRAILING_DELTA, '').replace(/%$/, '');
    current = current.replace(/^[*†‡§¶]+\s*/, '').trim();
  } while (current !== previous);
  return current;
}

function readOne(text: string): Reading | null {
  const match = SINGLE.exec(stripDecorations(text));
  if (!match) return null;
  const [, value, stderr] = match;
  if (stderr !== undefined && Number(stderr) < 0) return null;
  return { value: tidy(value!), stderr: stderr === undefined ? null : tidy(stderr) };
}

const tidy = (number: string) => number.replace(/^\+/, '').replace(/\.$/, '');

export function isNoClaim(text: string): boolean {
  const plain = stripDecorations(text);
  return plain === '' || NONE.test(plain);
}

/** One cell → no claim, one or two numbers (each with its standard error), or why it is unreadable. */
export function readCell(text: string): CellReading {
  if (isNoClaim(text)) return { kind: 'none' };
  const single = readOne(text);
  if (single) return { kind: 'numbers', readings: [single] };
  const plain = stripDecorations(text);
  const slash = plain.indexOf('/');
  if (slash > 0 && plain.indexOf('/', slash + 1) < 0) {
    const first = readOne(plain.slice(0, slash));
    const second = readOne(plain.slice(slash + 1));
    if (first && second) return { kind: 'numbers', readings: [first, second] };
  }
  return {
    kind: 'unreadable',
    message: `"${text}" is not a number we can read; write it as 84.6, 84.6/83.4 or 90.9±0.3, or "-" for none.`,
  };
}

export type CountReading =
  { kind: 'none' } | { kind: 'count'; count: number } | { kind: 'unreadable'; message: string };

/** A parameter count as papers print it: 1.33M, 0.3 M, 184M, 7B, 125K, 110000000. */
export function readCount(text: string): CountReading {
  if (isNoClaim(text)) return { kind: 'none' };
  const plain = stripDecorations(normalise(text).replace(/,/g, '')).replace(/\s*params?$/i, '');
  if (/%\s*$/.test(normalise(text).replace(TRAILING_MARKS, ''))) {
    return {
      kind: 'unreadable',
      message: `"${text}" is a share of the model's parameters, not a count; give the count (e.g. 1.33M).`,
    };
  }
  const read = countText.read(plain);
  const count = 'value' in read ? read.value : null;
  if (count === null || !Number.isFinite(count) || count <= 0) {
    return {
      kind: 'unreadable',
      message: `"${text}" is not a parameter count we can read; write it as 1.33M, 7B or 125000.`,
    };
  }
  return { kind: 'count', count: Math.round(count) };
}
