import { buildGroupedBarChart } from '../../src/charts/bars';
import { OKABE_ITO, SERIES_COLOURS, seriesStyle } from '../../src/charts/chart';
import type { ParetoPoint } from '../../src/charts/pareto';
import { buildParetoChart, paretoFront } from '../../src/charts/pareto';
import type { SotaPoint } from '../../src/charts/sota';
import { buildSotaChart, runningBest } from '../../src/charts/sota';

const roundTrips = (value: unknown) => {
  expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
};

const sota = (x: string, y: number, series = 'Fine-tuned', label = `model ${x}`): SotaPoint => ({
  x,
  y,
  series,
  label,
  stderr: null,
  paper: `Paper of ${label}`,
  href: `https://arxiv.org/abs/${x}`,
});

describe('runningBest', () => {
  it('when higher is better, then only points that beat every earlier one are kept, in date order', () => {
    const points = [
      sota('2019-06-01', 88.4),
      sota('2018-10-11', 80.5),
      sota('2019-01-31', 87.6),
      sota('2019-03-01', 85.0),
      sota('2020-03-23', 89.4),
    ];
    expect(runningBest(points, 'higher').map((p) => [p.x, p.y])).toEqual([
      ['2018-10-11', 80.5],
      ['2019-01-31', 87.6],
      ['2019-06-01', 88.4],
      ['2020-03-23', 89.4],
    ]);
  });

  it('when lower is better, then each step goes down', () => {
    const points = [sota('2020-01-01', 20), sota('2021-01-01', 25), sota('2022-01-01', 15)];
    expect(runningBest(points, 'lower').map((p) => p.y)).toEqual([20, 15]);
  });

  it('when a later point only equals the best, then it is not a new best', () => {
    const points = [sota('2020-01-01', 80), sota('2021-01-01', 80), sota('2022-01-01', 80 + 1e-12)];
    expect(runningBest(points, 'higher').map((p) => p.x)).toEqual(['2020-01-01']);
  });

  it('when two points share the first date, then the better one starts the line', () => {
    const points = [sota('2020-01-01', 70, 'a', 'worse'), sota('2020-01-01', 75, 'a', 'better')];
    expect(runningBest(points, 'higher').map((p) => p.label)).toEqual(['better']);
  });

  it('when there are no points, then there is no best', () => {
    expect(runningBest([], 'higher')).toEqual([]);
  });
});

describe('buildSotaChart', () => {
  const points = [
    sota('2018-10-11', 80.5, 'Fine-tuned', 'BERT-large'),
    sota('2019-07-26', 88.1, 'Fine-tuned', 'RoBERTa'),
    sota('2019-06-19', 88.4, 'Fine-tuned', 'XLNet'),
    sota('2020-05-28', 71.8, 'Few-shot', 'GPT-3'),
    { ...sota('2021-03-01', 86.0, 'Fine-tuned', 'Later model'), stderr: 0.2 },
  ];
  const { config, table } = buildSotaChart({
    title: 'GLUE score over time',
    metricName: 'GLUE score',
    direction: 'higher',
    points,
  });

  it('when built, then the config is plain JSON', () => {
    roundTrips(config);
    roundTrips(table);
  });

  it('when built, then it is a scatter chart on a time axis with titled axes', () => {
    expect(config.type).toBe('scatter');
    expect(config.options?.scales?.x).toMatchObject({
      type: 'time',
      title: { display: true, text: 'Paper date' },
    });
    expect(config.options?.scales?.y).toMatchObject({
      title: { display: true, text: 'GLUE score (%)' },
    });
    expect(config.options?.plugins?.legend?.display).toBe(true);
    expect(config.options?.plugins?.title).toMatchObject({ text: 'GLUE score over time' });
  });

  it('when there are two series, then each has its points and a stepped best-so-far line', () => {
    const datasets = config.data.datasets;
    expect(datasets.map((d) => [d.type, d.label])).toEqual([
      ['scatter', 'Fine-tuned'],
      ['line', 'Fine-tuned: best so far'],
      ['scatter', 'Few-shot'],
      ['line', 'Few-shot: best so far'],
    ]);
    const [fineTuned, fineTunedBest, , fewShotBest] = datasets;
    expect(fineTuned!.data).toHaveLength(4);
    expect(fineTunedBest).toMatchObject({ showLine: true, stepped: 'before', pointRadius: 0 });
    expect(fineTunedBest!.data.map((p) => [p.x, p.y])).toEqual([
      ['2018-10-11', 80.5],
      ['2019-06-19', 88.4],
      ['2021-03-01', 88.4],
    ]);
    expect(fewShotBest!.data.map((p) => [p.x, p.y])).toEqual([
      ['2020-05-28', 71.8],
      ['2021-03-01', 71.8],
    ]);
  });

  it('when a point is plotted, then it keeps the model, paper, link and stderr for the browser', () => {
    const later = config.data.datasets[0]!.data.find((p) => p.label === 'Later model');
    expect(later).toEqual({
      x: '2021-03-01',
      y: 86.0,
      label: 'Later model',
      paper: 'Paper of Later model',
      href: 'https://arxiv.org/abs/2021-03-01',
      stderr: 0.2,
    });
    expect(later).not.toHaveProperty('series');
  });

  it('when two series are drawn, then they get distinct palette colours and shapes', () => {
    const [a, , b] = config.data.datasets;
    expect(a!.borderColor).not.toBe(b!.borderColor);
    expect(SERIES_COLOURS).toContain(a!.borderColor);
    expect(a!.pointStyle).not.toBe(b!.pointStyle);
  });

  it('when built, then the fallback table lists every point by date with new bests marked', () => {
    expect(table.columns).toEqual([
      'Paper date',
      'Series',
      'Model',
      'GLUE score (%)',
      'Standard error',
      'Paper',
      'New best',
    ]);
    expect(table.rows.map((r) => [r[0], r[2], r[6]])).toEqual([
      ['2018-10-11', 'BERT-large', 'yes'],
      ['2019-06-19', 'XLNet', 'yes'],
      ['2019-07-26', 'RoBERTa', 'no'],
      ['2020-05-28', 'GPT-3', 'yes'],
      ['2021-03-01', 'Later model', 'no'],
    ]);
    expect(table.rows[4]![4]).toBe(0.2);
  });

  it('when the metric has no unit, then the y title has no brackets', () => {
    const built = buildSotaChart({
      title: 't',
      metricName: 'Perplexity',
      unit: '',
      direction: 'lower',
      points,
    });
    expect(built.config.options?.scales?.y).toMatchObject({ title: { text: 'Perplexity' } });
    expect(built.config.options?.plugins?.subtitle).toMatchObject({
      text: expect.stringMatching(/^Lower is better/),
    });
  });

  it('when a date is not YYYY-MM-DD, then it is rejected', () => {
    expect(() =>
      buildSotaChart({
        title: 't',
        metricName: 'm',
        direction: 'higher',
        points: [sota('2020/01/01', 1)],
      }),
    ).toThrow(RangeError);
  });
});

const pareto = (x: number, y: number, series = 'LoRA', label = `${series} ${x}`): ParetoPoint => ({
  x,
  y,
  series,
  label,
  stderr: null,
  paper: 'A paper',
  href: 'https://example.org/paper',
});

describe('paretoFront', () => {
  it('when a point has both more parameters and a lower score than another, then it is off the front', () => {
    const points = [
      pareto(125e6, 86.4, 'Full FT'),
      pareto(0.3e6, 87.2),
      pareto(0.8e6, 87.5),
      pareto(1.27e6, 89.3, 'AdaLoRA'),
      pareto(0.9e6, 86.0, 'Adapters'),
      pareto(2e6, 88.0, 'Adapters'),
    ];
    expect(paretoFront(points, 'higher').map((p) => [p.x, p.y])).toEqual([
      [0.3e6, 87.2],
      [0.8e6, 87.5],
      [1.27e6, 89.3],
    ]);
  });

  it('when lower scores are better, then the front keeps the low ones', () => {
    const points = [pareto(1, 10), pareto(2, 12), pareto(3, 8), pareto(4, 9)];
    expect(paretoFront(points, 'lower').map((p) => p.x)).toEqual([1, 3]);
  });

  it('when two points share the parameter count, then only the better one is on the front', () => {
    const points = [pareto(1e6, 80), pareto(1e6, 82), pareto(2e6, 81)];
    expect(paretoFront(points, 'higher').map((p) => [p.x, p.y])).toEqual([[1e6, 82]]);
  });

  it('when a costlier point only ties the score, then the cheaper one dominates it', () => {
    const points = [pareto(1e6, 80), pareto(2e6, 80)];
    expect(paretoFront(points, 'higher').map((p) => p.x)).toEqual([1e6]);
  });

  it('when two points are identical, then neither dominates the other', () => {
    const points = [pareto(1e6, 80, 'LoRA', 'a'), pareto(1e6, 80, 'LoRA', 'b')];
    expect(paretoFront(points, 'higher').map((p) => p.label)).toEqual(['a', 'b']);
  });

  it('when a point is on the front, then no other point dominates it, and every other point is dominated', () => {
    const points = Array.from({ length: 40 }, (_, i) =>
      pareto(((i * 7919) % 97) + 1, (i * 104729) % 89),
    );
    const front = new Set(paretoFront(points, 'higher'));
    const dominates = (q: ParetoPoint, p: ParetoPoint) =>
      q.x <= p.x && q.y >= p.y && (q.x < p.x || q.y > p.y);
    for (const p of points) {
      expect(front.has(p)).toBe(!points.some((q) => dominates(q, p)));
    }
  });
});

describe('buildParetoChart', () => {
  const points = [
    pareto(125e6, 86.4, 'Full fine-tuning', 'RoBERTa-base'),
    pareto(0.3e6, 87.2, 'LoRA'),
    pareto(0.8e6, 87.5, 'LoRA'),
    pareto(1.27e6, 89.3, 'AdaLoRA'),
    pareto(0.9e6, 86.0, 'Adapters'),
  ];
  const { config, table } = buildParetoChart({
    title: 'GLUE vs trainable parameters',
    metricName: 'GLUE 8-task average',
    direction: 'higher',
    points,
  });

  it('when built, then the config is plain JSON', () => {
    roundTrips(config);
    roundTrips(table);
  });

  it('when built, then x is a titled logarithmic axis and y is titled with the metric', () => {
    expect(config.type).toBe('scatter');
    expect(config.options?.scales?.x).toMatchObject({
      type: 'logarithmic',
      title: { display: true, text: 'Trainable parameters (log scale)' },
    });
    expect(config.options?.scales?.y).toMatchObject({ title: { text: 'GLUE 8-task average (%)' } });
  });

  it('when built, then there is a dataset per method and the front as a black stepped line', () => {
    expect(config.data.datasets.map((d) => d.label)).toEqual([
      'Full fine-tuning',
      'LoRA',
      'AdaLoRA',
      'Adapters',
      'Pareto front',
    ]);
    const front = config.data.datasets.at(-1)!;
    expect(front).toMatchObject({ type: 'line', showLine: true, borderColor: OKABE_ITO.black });
    expect(front.data.map((p) => p.x)).toEqual([0.3e6, 0.8e6, 1.27e6]);
  });

  it('when built, then the table gives readable parameter counts and front membership', () => {
    expect(table.columns).toContain('On Pareto front');
    expect(table.rows[0]).toEqual(['LoRA', 'LoRA 300000', '300K', 87.2, null, 'A paper', 'yes']);
    expect(table.rows.at(-1)).toEqual([
      'Full fine-tuning',
      'RoBERTa-base',
      '125M',
      86.4,
      null,
      'A paper',
      'no',
    ]);
  });

  it('when a point has no positive parameter count, then it is rejected (a log axis cannot show it)', () => {
    expect(() =>
      buildParetoChart({
        title: 't',
        metricName: 'm',
        direction: 'higher',
        points: [pareto(0, 80)],
      }),
    ).toThrow(RangeError);
  });
});

describe('buildGroupedBarChart', () => {
  const { config, table } = buildGroupedBarChart({
    title: 'BERT-large vs RoBERTa',
    categories: ['CoLA', 'SST-2', 'RTE'],
    series: [
      { label: 'BERT-large', values: [60.5, 94.9, 70.1] },
      { label: 'RoBERTa', values: [67.8, null, 88.2] },
    ],
    yTitle: 'Score (%)',
  });

  it('when built, then the config is plain JSON with one bar dataset per series', () => {
    roundTrips(config);
    roundTrips(table);
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['CoLA', 'SST-2', 'RTE']);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['BERT-large', [60.5, 94.9, 70.1]],
      ['RoBERTa', [67.8, null, 88.2]],
    ]);
    expect(config.data.datasets[1]!.backgroundColor).toBe(seriesStyle(1).colour);
  });

  it('when built, then both axes are titled', () => {
    expect(config.options?.scales?.x).toMatchObject({
      title: { display: true, text: 'Benchmark' },
    });
    expect(config.options?.scales?.y).toMatchObject({
      title: { display: true, text: 'Score (%)' },
    });
  });

  it('when built, then the table has a row per benchmark and a column per series', () => {
    expect(table).toEqual({
      columns: ['Benchmark', 'BERT-large', 'RoBERTa'],
      rows: [
        ['CoLA', 60.5, 67.8],
        ['SST-2', 94.9, null],
        ['RTE', 70.1, 88.2],
      ],
    });
  });

  it('when a series has the wrong number of values, then it is rejected', () => {
    expect(() =>
      buildGroupedBarChart({
        title: 't',
        categories: ['a', 'b'],
        series: [{ label: 's', values: [1] }],
        yTitle: 'y',
      }),
    ).toThrow(RangeError);
  });
});

describe('seriesStyle', () => {
  it('when there are more series than colours, then colour and shape do not repeat together early', () => {
    const styles = Array.from({ length: 20 }, (_, i) => seriesStyle(i));
    const distinct = new Set(styles.map((s) => JSON.stringify([s.colour, s.pointStyle])));
    expect(distinct.size).toBe(20);
  });
});
