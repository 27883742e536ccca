import { createHash } from 'node:crypto';
import { MMLU_CATEGORIES, subjectSlug } from '../../benchmarks/mmlu';
import type { Split } from '../../claims/claim.setting';
import {
  blankClaim,
  ImportError,
  parseJsonText,
  toPercent,
  type ImportBundle,
  type ParsedImport,
  type SkippedRow,
  type SourcedClaim,
} from '../import.types';

/** Where a harness task lands in the catalogue: harness metric name → catalogue metric slug. */
interface TaskTarget {
  benchmark: string;
  recipe: string | null;
  metrics: Record<string, string>;
  split: Split;
  chainOfThought: boolean | null;
  /** The harness filter that is the setting (gsm8k's strict-match vs flexible-extract). */
  filterIsVariant: boolean;
}

type Lookup = TaskTarget | { skip: string };

const target = (benchmark: string, metrics: Record<string, string>, split: Split): TaskTarget => ({
  benchmark,
  recipe: null,
  metrics,
  split,
  chainOfThought: null,
  filterIsVariant: false,
});

const ACC = { acc: 'accuracy' };
const ACC_F1 = { acc: 'accuracy', f1: 'f1' };

/** GLUE and SuperGLUE are scored on their dev sets: the harness has no test labels. */
const TASKS: Record<string, Lookup> = {
  cola: target('glue-cola', { mcc: 'mcc' }, 'dev'),
  sst2: target('glue-sst2', ACC, 'dev'),
  mrpc: target('glue-mrpc', ACC_F1, 'dev'),
  qqp: target('glue-qqp', ACC_F1, 'dev'),
  mnli: target('glue-mnli', { acc: 'accuracy-matched' }, 'dev'),
  mnli_mismatch: target('glue-mnli', { acc: 'accuracy-mismatched' }, 'dev'),
  qnli: target('glue-qnli', ACC, 'dev'),
  rte: target('glue-rte', ACC, 'dev'),
  wnli: target('glue-wnli', ACC, 'dev'),
  stsb: target('glue-stsb', { pearson: 'pearson', spearmanr: 'spearman' }, 'dev'),
  boolq: target('superglue-boolq', ACC, 'dev'),
  cb: target('superglue-cb', ACC_F1, 'dev'),
  copa: target('superglue-copa', ACC, 'dev'),
  wic: target('superglue-wic', ACC, 'dev'),
  wsc: target('superglue-wsc', ACC, 'dev'),
  sglue_rte: target('superglue-rte', ACC, 'dev'),
  record: target('superglue-record', { f1: 'f1', em: 'em' }, 'dev'),
  gsm8k: {
    ...target('gsm8k', { exact_match: 'accuracy' }, 'test'),
    chainOfThought: false,
    filterIsVariant: true,
  },
  gsm8k_cot: {
    ...target('gsm8k', { exact_match: 'accuracy' }, 'test'),
    chainOfThought: true,
    filterIsVariant: true,
  },
  // The harness weights the mmlu group by subject size: the average over all questions.
  mmlu: { ...target('mmlu', ACC, 'test'), recipe: 'mmlu-average' },
  // The harness's humanities and social-sciences groups hold the same subjects as MMLU's own
  // categories; its STEM group adds anatomy, which MMLU files under "other", so those two
  // groups are not MMLU's categories and are reported instead of imported.
  mmlu_humanities: target('mmlu-humanities', ACC, 'test'),
  mmlu_social_sciences: target('mmlu-social-sciences', ACC, 'test'),
  mmlu_stem: {
    skip: 'the harness’s mmlu_stem group counts anatomy, which MMLU’s own categories put under “other”, so it is not the MMLU STEM score; its subjects are imported one by one',
  },
  mmlu_other: {
    skip: 'the harness’s mmlu_other group leaves out anatomy, which MMLU’s own categories put under “other”, so it is not the MMLU Other score; its subjects are imported one by one',
  },
  multirc: {
    skip: 'the harness scores MultiRC by per-answer accuracy; the catalogue keeps F1a and exact match',
  },
  glue: { skip: 'a harness average over GLUE tasks is not the official GLUE score' },
};

const SUBJECTS = new Set(Object.values(MMLU_CATEGORIES).flatMap((c) => c.subjects));

/** Older harness releases named MMLU subjects hendrycksTest-<subject>. */
export function canonicalTask(task: string): string {
  const old = /^hendrycksTest-(.+)$/.exec(task);
  return old ? `mmlu_${old[1]}` : task;
}

export function lookupTask(task: string): Lookup | undefined {
  const name = canonicalTask(task);
  const known = TASKS[name];
  if (known) return known;
  const subject = /^mmlu_(.+)$/.exec(name)?.[1];
  if (subject && SUBJECTS.has(subject)) return target(subjectSlug(subject), ACC, 'test');
  return undefined;
}

/** "pretrained=org/name,revision=main,dtype=float16" → { pretrained: 'org/name', … }. */
export function parseModelArgs(text: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const part of text.split(',')) {
    const at = part.indexOf('=');
    if (at > 0) args[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return args;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export function looksLikeLmEval(data: unknown): boolean {
  return (
    isObject(data) &&
    isObject(data.results) &&
    !('schemaVersion' in data) &&
    ('versions' in data || 'config' in data || 'configs' in data || 'n-shot' in data)
  );
}

/** The date a run finished: a unix timestamp in current files, sometimes a string. */
function runDate(value: unknown): Date | null {
  const seconds =
    num(value) ?? (str(value) && /^\d+(\.\d+)?$/.test(str(value)!) ? Number(value) : null);
  if (seconds !== null) return new Date(seconds * 1000);
  const text = str(value);
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

interface RunInfo {
  model: string;
  revision: string | null;
  harnessVersion: string | null;
  date: Date | null;
}

function runInfo(data: Json): RunInfo {
  const config = isObject(data.config) ? data.config : {};
  const modelArgs =
    typeof config.model_args === 'string'
      ? parseModelArgs(config.model_args)
      : isObject(config.model_args)
        ? Object.fromEntries(Object.entries(config.model_args).map(([k, v]) => [k, String(v)]))
        : {};
  const model =
    modelArgs.pretrained ?? modelArgs.model ?? str(data.model_name) ?? str(config.model) ?? null;
  if (!model) {
    throw new ImportError(
      'The results file does not name the model: expected config.model_args with pretrained=… or model_name.',
    );
  }
  return {
    model,
    revision: modelArgs.revision ?? str(config.model_revision) ?? str(data.model_revision),
    harnessVersion: str(data.lm_eval_version) ?? str(data.git_hash),
    date: runDate(data.date),
  };
}

const shotsOf = (data: Json, task: string): number | null => {
  const nShot = isObject(data['n-shot']) ? num(data['n-shot'][task]) : null;
  if (nShot !== null) return nShot;
  const config = isObject(data.configs) && isObject(data.configs[task]) ? data.configs[task] : null;
  if (config && num(config.num_fewshot) !== null) return num(config.num_fewshot);
  return null;
};

function splitOf(data: Json, task: string, fallback: Split): Split {
  const config = isObject(data.configs) && isObject(data.configs[task]) ? data.configs[task] : null;
  if (config && str(config.test_split)) return 'test';
  if (config && str(config.validation_split)) return 'dev';
  return fallback;
}

/**
 * A group's own n-shot entry is often 0 or missing; its subtasks say what was run. The group's
 * subtasks come from group_subtasks when present, else from the task-name prefix.
 */
function groupShots(data: Json, group: string, tasks: string[]): number | null {
  const subtasks = isObject(data.group_subtasks) ? data.group_subtasks : {};
  const leaves = (name: string, depth: number): string[] => {
    const listed = subtasks[name];
    if (!Array.isArray(listed) || listed.length === 0 || depth > 5) return [name];
    return listed
      .filter((t): t is string => typeof t === 'string')
      .flatMap((t) => leaves(t, depth + 1));
  };
  const members = Array.isArray(subtasks[group])
    ? leaves(group, 0)
    : tasks.filter((t) => t !== group && canonicalTask(t).startsWith(`${group}_`) && !isGroup(t));
  const shots = new Set(members.map((t) => shotsOf(data, t) ?? fallbackShots(data)));
  if (shots.size === 1) return [...shots][0] ?? null;
  return null;
}

/**
 * How a generated answer was chosen, where the task's config says: a filter that takes a
 * majority vote (its name maj@K, or majority_vote over K repeats) is maj@K; one sample generated
 * without sampling (do_sample false or temperature 0) is greedy. Multiple-choice tasks, and files
 * without the config, do not say.
 */
export function samplingOf(data: Json, task: string, filter: string): string | null {
  const config = isObject(data.configs) && isObject(data.configs[task]) ? data.configs[task] : null;
  if (!config || config.output_type !== 'generate_until') return null;
  const named = /^maj@(\d+)$/.exec(filter);
  if (named) return `maj@${Number(named[1])}`;
  const filters = Array.isArray(config.filter_list) ? config.filter_list.filter(isObject) : [];
  const steps = filters.find((f) => f.name === filter)?.filter;
  const votes =
    Array.isArray(steps) &&
    steps.some((step) => isObject(step) && step.function === 'majority_vote');
  const repeats = num(config.repeats) ?? 1;
  if (votes) return repeats > 1 ? `maj@${repeats}` : null;
  const generation = isObject(config.generation_kwargs) ? config.generation_kwargs : {};
  const greedy = generation.do_sample === false || num(generation.temperature) === 0;
  return greedy && repeats === 1 ? 'greedy' : null;
}

const fallbackShots = (data: Json): number | null =>
  isObject(data.config) ? num(data.config.num_fewshot) : null;

const isGroup = (task: string) =>
  ['mmlu', 'mmlu_humanities', 'mmlu_social_sciences', 'mmlu_stem', 'mmlu_other'].includes(task);

/** An lm-evaluation-harness results file (current or older flat format) → one run's claims. */
export function parseLmEval(text: string): ParsedImport {
  return fromLmEvalData(parseJsonText(text));
}

export function fromLmEvalData(data: unknown): ParsedImport {
  if (!looksLikeLmEval(data) || !isObject(data)) {
    throw new ImportError(
      'The file is not an lm-evaluation-harness results file: expected an object with "results" and "versions" or "config".',
    );
  }
  const results = data.results as Json;
  const info = runInfo(data);
  const skipped: SkippedRow[] = [];
  const claims: SourcedClaim[] = [];
  const tasks = Object.keys(results);
  const versions = isObject(data.versions) ? data.versions : {};
  const harness = `lm-evaluation-harness${info.harnessVersion ? ` ${info.harnessVersion}` : ''}`;

  for (const task of tasks) {
    const scores = results[task];
    const where = `results.${task}`;
    if (!isObject(scores)) {
      skipped.push({ where, reason: 'the task’s results are not an object' });
      continue;
    }
    const found = lookupTask(task);
    if (!found) {
      skipped.push({ where, reason: `task ${task} has no counterpart in the catalogue` });
      continue;
    }
    if ('skip' in found) {
      skipped.push({ where, reason: found.skip });
      continue;
    }
    const name = canonicalTask(task);
    const nShot = isGroup(name)
      ? (groupShots(data, task, tasks) ?? shotsOf(data, task) ?? fallbackShots(data))
      : (shotsOf(data, task) ?? fallbackShots(data));
    const version = versions[task] ?? versions[name];
    for (const [key, raw] of Object.entries(scores)) {
      if (key === 'alias' || key === 'samples' || /_stderr(,|$)/.test(key)) continue;
      const [metricName = key, filter = 'none'] = key.split(',');
      const metric = found.metrics[metricName];
      const at = `${where} "${key}"`;
      if (!metric) {
        skipped.push({
          where: at,
          reason: `metric ${metricName} of ${task} has no counterpart in the catalogue (it takes ${Object.keys(found.metrics).join(', ')})`,
        });
        continue;
      }
      const value = num(raw);
      if (value === null) {
        skipped.push({ where: at, reason: `the value ${JSON.stringify(raw)} is not a number` });
        continue;
      }
      const stderrKey =
        filter === 'none' && !key.includes(',')
          ? `${metricName}_stderr`
          : `${metricName}_stderr,${filter}`;
      const stderr = num(scores[stderrKey]);
      const variant = found.filterIsVariant || filter !== 'none' ? filter : '';
      claims.push({
        where: at,
        claim: {
          ...blankClaim(),
          model: info.model,
          benchmark: found.benchmark,
          metric,
          recipe: found.recipe,
          value: toPercent(value),
          stderr: stderr === null ? null : toPercent(stderr),
          split: splitOf(data, task, found.split),
          nShot,
          chainOfThought: found.chainOfThought,
          sampling: samplingOf(data, task, filter),
          adaptation: 'in_context',
          variant,
          settingNotes: [
            harness,
            `task ${task}${version === undefined ? '' : ` version ${typeof version === 'string' ? version : JSON.stringify(version)}`}`,
            filter === 'none' ? null : `filter ${filter}`,
          ]
            .filter(Boolean)
            .join('; '),
          role: 'reproduction',
          locator: `results.${task} ${key}`,
        },
      });
    }
  }

  const stamp = info.date
    ? ` on ${info.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
    : ` (results ${createHash('sha256').update(JSON.stringify(results)).digest('hex').slice(0, 10)})`;
  const bundle: ImportBundle = {
    paper: {
      kind: 'run',
      arxivId: null,
      title:
        `lm-evaluation-harness run: ${info.model}${info.revision ? ` @ ${info.revision}` : ''}${stamp}`.slice(
          0,
          500,
        ),
      authors: [],
      publishedOn: info.date ? info.date.toISOString().slice(0, 10) : null,
      datePrecision: 'day',
      venue: null,
      url: /^[\w.-]+\/[\w.-]+$/.test(info.model) ? `https://huggingface.co/${info.model}` : null,
      runDetails: {
        harness: 'lm-evaluation-harness',
        harnessVersion: info.harnessVersion,
        model: info.model,
        revision: info.revision,
        modelArgs: isObject(data.config) ? (data.config.model_args ?? null) : null,
        date: info.date ? info.date.toISOString() : null,
        versions,
      },
    },
    claims,
  };
  return { format: 'lm-eval', bundles: claims.length ? [bundle] : [], models: [], skipped };
}
