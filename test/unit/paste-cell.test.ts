import { readCell, readCount } from '../../src/paste/cell';

describe('reading a cell the way papers print numbers', () => {
  test.each([
    ['84.6', [{ value: '84.6', stderr: null }]],
    [
      '84.6/83.4',
      [
        { value: '84.6', stderr: null },
        { value: '83.4', stderr: null },
      ],
    ],
    [
      '84.6 / 83.4',
      [
        { value: '84.6', stderr: null },
        { value: '83.4', stderr: null },
      ],
    ],
    ['90.9±0.3', [{ value: '90.9', stderr: '0.3' }]],
    ['90.9 ± 0.3', [{ value: '90.9', stderr: '0.3' }]],
    ['90.9 ±0.3', [{ value: '90.9', stderr: '0.3' }]],
    ['90.9 (±0.3)', [{ value: '90.9', stderr: '0.3' }]],
    ['90.9 +- 0.3', [{ value: '90.9', stderr: '0.3' }]],
    ['90.9+/-0.3', [{ value: '90.9', stderr: '0.3' }]],
    [
      '84.6±0.2/83.4±0.3',
      [
        { value: '84.6', stderr: '0.2' },
        { value: '83.4', stderr: '0.3' },
      ],
    ],
    ['88.1*', [{ value: '88.1', stderr: null }]],
    ['88.1†', [{ value: '88.1', stderr: null }]],
    ['88.1‡§', [{ value: '88.1', stderr: null }]],
    ['88.1^a', [{ value: '88.1', stderr: null }]],
    [
      '86.7/85.9*',
      [
        { value: '86.7', stderr: null },
        { value: '85.9', stderr: null },
      ],
    ],
    ['85.3%', [{ value: '85.3', stderr: null }]],
    ['88.1 (+0.4)', [{ value: '88.1', stderr: null }]],
    ['88.1↑', [{ value: '88.1', stderr: null }]],
    ['−3.2', [{ value: '-3.2', stderr: null }]],
    ['+1.5', [{ value: '1.5', stderr: null }]],
    ['0.853', [{ value: '0.853', stderr: null }]],
    ['.5', [{ value: '.5', stderr: null }]],
    ['\u00a084.6\u00a0', [{ value: '84.6', stderr: null }]],
  ])('when a cell reads "%s", then it gives %j', (text, readings) => {
    expect(readCell(text)).toEqual({ kind: 'numbers', readings });
  });

  test.each(['', '-', '--', '–', '—', 'n/a', 'N/A', 'NA', 'none', '*', '-*'])(
    'when a cell reads "%s", then the paper gives no number and there is no claim',
    (text) => {
      expect(readCell(text)).toEqual({ kind: 'none' });
    },
  );

  test.each(['abc', '1,234.5', '84.6/83.4/82.0', '90.9±-0.3', 'BERT', '84.6 83.4', '3.5k'])(
    'when a cell reads "%s", then it is unreadable and the message quotes it and shows the forms we read',
    (text) => {
      const reading = readCell(text);
      expect(reading.kind).toBe('unreadable');
      if (reading.kind === 'unreadable') {
        expect(reading.message).toBe(
          `"${text}" is not a number we can read; write it as 84.6, 84.6/83.4 or 90.9±0.3, or "-" for none.`,
        );
      }
    },
  );
});

describe('reading a parameter count', () => {
  test.each([
    ['1.33M', 1_330_000],
    ['0.1M', 100_000],
    ['0.3 M', 300_000],
    ['184M', 184_000_000],
    ['7B', 7_000_000_000],
    ['125K', 125_000],
    ['110000000', 110_000_000],
    ['110,000,000', 110_000_000],
    ['1.27M*', 1_270_000],
  ])('when the cell reads "%s", then the count is %d', (text, count) => {
    expect(readCount(text)).toEqual({ kind: 'count', count });
  });

  test('when the count is a share of the model, then it is refused with a reason', () => {
    expect(readCount('0.08%')).toEqual({
      kind: 'unreadable',
      message: `"0.08%" is a share of the model's parameters, not a count; give the count (e.g. 1.33M).`,
    });
  });

  test.each(['-', '—', ''])('when the cell reads "%s", then there is no count', (text) => {
    expect(readCount(text)).toEqual({ kind: 'none' });
  });

  test.each(['many', '-5M', '1.2X'])('when the cell reads "%s", then it is unreadable', (text) => {
    expect(readCount(text).kind).toBe('unreadable');
  });
});
