import {
  blankClaim,
  ImportError,
  parseJsonText,
  toPercent,
  type ImportBundle,
  type ParsedImport,
  type SkippedRow,
} from '../import.types';
import { parsePaperDate } from './csv';

interface DatasetTarget {
  benchmark: string;
  recipe?: string;
  /** Normalised PwC metric name → catalogue metric slug. */
  metrics: Record<string, string>;
}

/** Lower case, letters and digits only: "SST-2 Binary classification" → "sst2binaryclassification". */
export const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const ACC = { accuracy: 'accuracy', acc: 'accuracy' };
const ACC_F1 = { ...ACC, f1: 'f1', f1score: 'f1' };
const MCC = { mcc: 'mcc', matthewscorrelation: 'mcc', matthewscorrelationcoefficient: 'mcc' };
const F1_ENTITY = { f1: 'f1-entity', f1entitylevel: 'f1-entity' };
const F1_MICRO = { f1: 'f1-micro', microf1: 'f1-micro', f1micro: 'f1-micro' };

/** Papers with Code dataset names (as they appear in evaluation-tables.json) we can map. */
const DATASETS: [string[], DatasetTarget][] = [
  [['CoLA'], { benchmark: 'glue-cola', metrics: MCC }],
  [['SST-2 Binary classification', 'SST-2'], { benchmark: 'glue-sst2', metrics: ACC }],
  [['MRPC'], { benchmark: 'glue-mrpc', metrics: ACC_F1 }],
  [['QQP', 'Quora Question Pairs'], { benchmark: 'glue-qqp', metrics: ACC_F1 }],
  [
    ['MultiNLI', 'MNLI'],
    {
      benchmark: 'glue-mnli',
      metrics: {
        matched: 'accuracy-matched',
        mismatched: 'accuracy-mismatched',
        accuracymatched: 'accuracy-matched',
        accuracymismatched: 'accuracy-mismatched',
      },
    },
  ],
  [['QNLI'], { benchmark: 'glue-qnli', metrics: ACC }],
  [['RTE'], { benchmark: 'glue-rte', metrics: ACC }],
  [['WNLI'], { benchmark: 'glue-wnli', metrics: ACC }],
  [
    ['STS Benchmark', 'STS-B'],
    {
      benchmark: 'glue-stsb',
      metrics: {
        pearsoncorrelation: 'pearson',
        pearson: 'pearson',
        spearmancorrelation: 'spearman',
        spearman: 'spearman',
      },
    },
  ],
  [
    ['GLUE'],
    {
      benchmark: 'glue',
      recipe: 'glue-official',
      metrics: { average: 'score', score: 'score', gluescore: 'score' },
    },
  ],
  [['BoolQ'], { benchmark: 'superglue-boolq', metrics: ACC }],
  [['COPA'], { benchmark: 'superglue-copa', metrics: ACC }],
  [['WiC', 'Words in Context'], { benchmark: 'superglue-wic', metrics: ACC }],
  [
    ['ReCoRD'],
    { benchmark: 'superglue-record', metrics: { f1: 'f1', em: 'em', exactmatch: 'em' } },
  ],
  [['MultiRC'], { benchmark: 'superglue-multirc', metrics: { f1a: 'f1a', em: 'em' } }],
  [['CommitmentBank', 'CB'], { benchmark: 'superglue-cb', metrics: ACC_F1 }],
  [['GSM8K'], { benchmark: 'gsm8k', metrics: ACC }],
  [
    ['MMLU'],
    {
      benchmark: 'mmlu',
      recipe: 'mmlu-average',
      metrics: { average: 'accuracy', averageaccuracy: 'accuracy', accuracy: 'accuracy' },
    },
  ],
  [['BC5CDR-chemical', 'BC5-chem'], { benchmark: 'blurb-bc5-chem', metrics: F1_ENTITY }],
  [['BC5CDR-disease', 'BC5-disease'], { benchmark: 'blurb-bc5-disease', metrics: F1_ENTITY }],
  [['NCBI-disease', 'NCBI Disease'], { benchmark: 'blurb-ncbi-disease', metrics: F1_ENTITY }],
  [['BC2GM'], { benchmark: 'blurb-bc2gm', metrics: F1_ENTITY }],
  [['JNLPBA'], { benchmark: 'blurb-jnlpba', metrics: F1_ENTITY }],
  [['ChemProt'], { benchmark: 'blurb-chemprot', metrics: F1_MICRO }],
  [['DDI', 'DDI extraction 2013 corpus'], { benchmark: 'blurb-ddi', metrics: F1_MICRO }],
  [['GAD'], { benchmark: 'blurb-gad', metrics: F1_MICRO }],
  [['HoC'], { benchmark: 'blurb-hoc', metrics: F1_MICRO }],
  [
    ['BIOSSES'],
    { benchmark: 'blurb-biosses', metrics: { pearsoncorrelation: 'pearson', pearson: 'pearson' } },
  ],
  [['PubMedQA'], { benchmark: 'blurb-pubmedqa', metrics: ACC }],
  [['BioASQ'], { benchmark: 'blurb-bioasq', metrics: ACC }],
];

/** The MMLU table on PwC also carries the four category columns of the MMLU paper. */
const MMLU_CATEGORY_COLUMNS: Record<string, string> = {
  humanities: 'mmlu-humanities',
  stem: 'mmlu-stem',
  socialsciences: 'mmlu-social-sciences',
  other: 'mmlu-other',
};

const BY_NAME = new Map(DATASETS.flatMap(([names, t]) => names.map((n) => [normalise(n), t])));

/** Metric strings as PwC prints them: "85.3", "85.3%", "0.853", "85.3 ± 0.2", "85.3 (±0.2)". */
export function parseMetricValue(
  text: string,
): { value: number; spread: number | null; percentSign: boolean } | undefined {
  const match =
    /^\s*(-?\d+(?:\.\d+)?)\s*(%)?\s*(?:\(?\s*(?:±|\+\/-|\+-)\s*(\d+(?:\.\d+)?)\s*%?\s*\)?)?\s*$/.exec(
      text.replaceAll(',', ''),
    );
  if (!match) return undefined;
  return {
    value: Number(match[1]),
    spread: match[3] === undefined ? null : Number(match[3]),
    percentSign: match[2] === '%',
  };
}

const ARXIV_URL =
  /arxiv\.org\/(?:abs|pdf)\/([0-9]{4}\.[0-9]{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/[0-9]{7})(?:v\d+)?/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function looksLikePapersWithCode(data: unknown): boolean {
  const first = Array.isArray(data) ? (data as unknown[])[0] : undefined;
  return isObject(first) && 'task' in first && Array.isArray(first.datasets);
}

interface DatasetEntry {
  path: string;
  dataset: Json;
}

/** Datasets of every task, subtask and subdataset, with a readable path for the report. */
function collectDatasets(tasks: unknown[], path: string, out: DatasetEntry[]): void {
  for (const [i, task] of tasks.entries()) {
    if (!isObject(task)) continue;
    const taskPath = `${path}[${i}] ${str(task.task) || '(unnamed task)'}`;
    const datasets = Array.isArray(task.datasets) ? task.datasets : [];
    const walk = (list: unknown[], at: string) => {
      for (const dataset of list) {
        if (!isObject(dataset)) continue;
        const here = `${at} › ${str(dataset.dataset) || '(unnamed dataset)'}`;
        out.push({ path: here, dataset });
        if (Array.isArray(dataset.subdatasets)) walk(dataset.subdatasets, here);
      }
    };
    walk(datasets, taskPath);
    if (Array.isArray(task.subtasks)) collectDatasets(task.subtasks, `${taskPath} ›`, out);
  }
}

/** A PwC evaluation-tables.json (or an excerpt of it) → claims for the datasets we can map. */
export function parsePapersWithCode(text: string): ParsedImport {
  return fromPapersWithCodeData(parseJsonText(text));
}

export function fromPapersWithCodeData(data: unknown): ParsedImport {
  if (!Array.isArray(data) || !looksLikePapersWithCode(data)) {
    throw new ImportError(
      'The file is not a Papers with Code evaluation-tables.json: expected a list of tasks with "datasets".',
    );
  }
  const entries: DatasetEntry[] = [];
  collectDatasets(data, 'tasks', entries);
  const skipped: SkippedRow[] = [];
  const bundles = new Map<string, ImportBundle>();
  for (const { path, dataset } of entries) {
    const name = str(dataset.dataset);
    const sota = isObject(dataset.sota) ? dataset.sota : {};
    const rows = Array.isArray(sota.rows) ? sota.rows : [];
    if (rows.length === 0) continue;
    const mapped = BY_NAME.get(normalise(name));
    if (!mapped) {
      skipped.push({
        where: path,
        reason: `dataset “${name}” has no counterpart in the catalogue (${rows.length} row${rows.length === 1 ? '' : 's'})`,
      });
      continue;
    }
    for (const [r, row] of rows.entries()) {
      const at = `${path} › rows[${r}]`;
      if (!isObject(row)) {
        skipped.push({ where: at, reason: 'the row is not an object' });
        continue;
      }
      const model = str(row.model_name);
      const title = str(row.paper_title);
      if (!model || !title) {
        skipped.push({ where: at, reason: 'the row names no model or no paper' });
        continue;
      }
      const url = str(row.paper_url);
      const arxivId = ARXIV_URL.exec(url)?.[1] ?? null;
      const key = arxivId ?? `title:${title.toLowerCase()}`;
      const date = parsePaperDate(str(row.paper_date));
      const bundle = bundles.get(key) ?? {
        paper: {
          kind: 'paper' as const,
          arxivId,
          title: title.slice(0, 500),
          authors: [],
          publishedOn: date?.publishedOn ?? null,
          datePrecision: date?.datePrecision ?? 'day',
          venue: null,
          url: /^https?:\/\//.test(url) ? url : null,
        },
        claims: [],
      };
      bundles.set(key, bundle);
      const metrics = isObject(row.metrics) ? row.metrics : {};
      for (const [metricName, rawValue] of Object.entries(metrics)) {
        const where = `${at} “${model}” ${metricName}`;
        const norm = normalise(metricName);
        const isMmluCategory = mapped.benchmark === 'mmlu' && norm in MMLU_CATEGORY_COLUMNS;
        const metric = isMmluCategory ? 'accuracy' : mapped.metrics[norm];
        if (!metric) {
          skipped.push({
            where,
            reason: `metric “${metricName}” of ${name} has no counterpart in the catalogue`,
          });
          continue;
        }
        const text = typeof rawValue === 'number' ? String(rawValue) : str(rawValue);
        const parsed = parseMetricValue(text);
        if (!parsed) {
          skipped.push({ where, reason: `“${text}” is not a number` });
          continue;
        }
        const isScore = metric === 'score';
        // "0.853" on a 0–100 scale is a proportion; correlations too are kept ×100.
        const proportion =
          !isScore && !parsed.percentSign && Math.abs(parsed.value) <= 1 && parsed.value !== 0;
        const scale = (x: number) => (proportion ? toPercent(x) : x);
        const notes = [
          'Imported from Papers with Code evaluation tables',
          proportion ? `reported as ${text}, converted to percent` : null,
          parsed.spread !== null
            ? `± ${parsed.spread} as reported (kept as the standard error)`
            : null,
        ]
          .filter(Boolean)
          .join('; ');
        bundle.paper.url ??= /^https?:\/\//.test(url) ? url : null;
        bundle.claims.push({
          where,
          claim: {
            ...blankClaim(),
            model,
            benchmark: isMmluCategory ? MMLU_CATEGORY_COLUMNS[norm]! : mapped.benchmark,
            metric,
            recipe: isMmluCategory ? null : (mapped.recipe ?? null),
            value: scale(parsed.value),
            stderr: parsed.spread === null ? null : scale(parsed.spread),
            settingNotes:
              row.uses_additional_data === true ? 'uses additional training data' : null,
            variant: row.uses_additional_data === true ? 'additional data' : '',
            locator: `Papers with Code: ${name}`,
            notes,
          },
        });
      }
    }
  }
  return {
    format: 'papers-with-code',
    bundles: [...bundles.values()].filter((b) => b.claims.length > 0),
    models: [],
    skipped,
  };
}
