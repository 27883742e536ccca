/**
 * Maps the published figures in seeds/data onto the catalogue. Every rule here is explicit so a
 * reader can check how a record became a claim, and every record that cannot become one is
 * returned with the reason.
 */
import { MMLU_CATEGORIES, subjectSlug } from '../src/benchmarks/mmlu';
import type { ClaimInput } from '../src/claims/claim.contract';
import { unstatedSetting, type Adaptation } from '../src/claims/claim.setting';
import type { DatePrecision } from '../src/papers/paper.contract';
import { BENCHMARKS } from './catalogue';

export interface SeedClaimRecord {
  paper_title: string;
  arxiv_id: string;
  paper_date: string | null;
  benchmark: string | null;
  dataset_or_task: string;
  split: string;
  model: string;
  setting: string;
  metric: string;
  value: number;
  source_locator: string;
  reference: string;
  notes: string | null;
  confidence: string;
}

export interface SeedPaperRecord {
  title: string;
  arxiv_id: string;
  first_submitted: string | null;
  authors: string[];
  venue: string | null;
  url: string | null;
}

/** A seed record as a claim input of its paper, with the model's details. */
export interface MappedClaim extends Omit<ClaimInput, 'model' | 'stderr' | 'quote'> {
  arxivId: string;
  model: { name: string; alias: string; parameterCount: number | null; family: string | null };
}

/** The claim input a mapped record stands for (published figures carry no stderr or quote). */
export const seedClaimInput = ({ arxivId: _paper, model, ...claim }: MappedClaim): ClaimInput => ({
  ...claim,
  model: model.name,
  stderr: null,
  quote: null,
});

export type MappingResult = { ok: true; claim: MappedClaim } | { ok: false; reason: string };

interface ModelRule {
  name: string;
  family?: string;
  parameterCount?: number;
  adaptation?: Adaptation;
  variant?: string;
  /** Papers in which this entry is the paper's own method or model. */
  proposedIn?: string[];
}

const M = 1e6;
const B = 1e9;
const deberta = (adaptation: Adaptation, variant = '', proposedIn: string[] = []): ModelRule => ({
  name: 'DeBERTaV3-base',
  family: 'DeBERTa',
  parameterCount: 184 * M,
  adaptation,
  variant,
  proposedIn,
});
const roberta = (adaptation: Adaptation, variant = '', proposedIn: string[] = []): ModelRule => ({
  name: 'RoBERTa-base',
  family: 'RoBERTa',
  parameterCount: 125 * M,
  adaptation,
  variant,
  proposedIn,
});
const BERT_BASE: ModelRule = {
  name: 'BERT-base',
  family: 'BERT',
  parameterCount: 110 * M,
  proposedIn: ['1810.04805'],
};
const BERT_LARGE: ModelRule = {
  name: 'BERT-large',
  family: 'BERT',
  parameterCount: 340 * M,
  proposedIn: ['1810.04805'],
};
const PUBMEDBERT: ModelRule = {
  name: 'PubMedBERT',
  family: 'BERT',
  parameterCount: 110 * M,
  proposedIn: ['2007.15779'],
};
const BIOLINKBERT_LARGE: ModelRule = {
  name: 'BioLinkBERT-large',
  family: 'LinkBERT',
  parameterCount: 340 * M,
  proposedIn: ['2203.15827'],
};
const GPT3: ModelRule = {
  name: 'GPT-3 175B',
  family: 'GPT-3',
  parameterCount: 175 * B,
  proposedIn: ['2005.14165'],
};

/** Model names as printed in the records → the canonical model and, for PEFT tables, the method. */
export const MODEL_RULES: Record<string, ModelRule> = {
  'BERT (uncased)': BERT_BASE,
  'BERT (cased)': { name: 'BERT-base (cased)', family: 'BERT', parameterCount: 110 * M },
  'RoBERTa (cased)': { name: 'RoBERTa-base', family: 'RoBERTa', parameterCount: 125 * M },
  'BioBERT (cased)': { name: 'BioBERT', family: 'BERT', parameterCount: 110 * M },
  'SciBERT (uncased)': { name: 'SciBERT (uncased)', family: 'BERT', parameterCount: 110 * M },
  'SciBERT (cased)': { name: 'SciBERT (cased)', family: 'BERT', parameterCount: 110 * M },
  'ClinicalBERT (cased)': { name: 'ClinicalBERT', family: 'BERT', parameterCount: 110 * M },
  'BlueBERT (cased)': { name: 'BlueBERT', family: 'BERT', parameterCount: 110 * M },
  'PubMedBERT (uncased, PubMed abstracts; BERT-Base size)': PUBMEDBERT,
  'PubMedBERT (uncased)': PUBMEDBERT,
  'PubMedBERT-base (as reported in LinkBERT Table 7)': PUBMEDBERT,
  'PubMedBERT (PubMed + PMC full text, 60% longer training)': {
    name: 'PubMedBERT (abstracts + full text)',
    family: 'BERT',
    parameterCount: 110 * M,
    proposedIn: ['2007.15779'],
  },
  'BioLinkBERT-base': {
    name: 'BioLinkBERT-base',
    family: 'LinkBERT',
    parameterCount: 110 * M,
    proposedIn: ['2203.15827'],
  },
  'BioLinkBERT-large (340M params)': BIOLINKBERT_LARGE,
  'BioLinkBERT-large': BIOLINKBERT_LARGE,
  'GPT-3 (175B params)': GPT3,
  'GPT-3 175B': GPT3,
  'BERT-large': BERT_LARGE,
  'BERT-base': BERT_BASE,
  'Fine-tuned BERT-Large (baseline in GPT-3 Table 3.8)': BERT_LARGE,
  'MT-DNN (BERT-large initialised)': {
    name: 'MT-DNN',
    family: 'BERT',
    parameterCount: 340 * M,
    proposedIn: ['1901.11504'],
  },
  'GLUE Human Baselines': {
    name: 'Human baseline (GLUE)',
    adaptation: 'other',
    proposedIn: ['1905.10425'],
  },
  'SuperGLUE Human Baselines (as cited in ERNIE 3.0 abstract)': {
    name: 'Human baseline (SuperGLUE)',
    adaptation: 'other',
  },
  'Yi-34B (base)': {
    name: 'Yi-34B',
    family: 'Yi',
    parameterCount: 34 * B,
    proposedIn: ['2403.04652'],
  },
  'Yi-6B (base)': {
    name: 'Yi-6B',
    family: 'Yi',
    parameterCount: 6 * B,
    proposedIn: ['2403.04652'],
  },
  'Yi-34B-Chat': {
    name: 'Yi-34B-Chat',
    family: 'Yi',
    parameterCount: 34 * B,
    proposedIn: ['2403.04652'],
  },
  'Yi-6B-Chat': {
    name: 'Yi-6B-Chat',
    family: 'Yi',
    parameterCount: 6 * B,
    proposedIn: ['2403.04652'],
  },
  UnifiedQA: { name: 'UnifiedQA', family: 'T5' },
  'GPT-2': { name: 'GPT-2', family: 'GPT-2', parameterCount: 1.5 * B },
  'Full FT (DeBERTaV3-base)': deberta('full_ft'),
  'BitFit (DeBERTaV3-base)': deberta('bitfit'),
  'HAdapter (DeBERTaV3-base)': deberta('adapter', 'Houlsby'),
  'PAdapter (DeBERTaV3-base)': deberta('adapter', 'Pfeiffer'),
  'LoRA r=8 (DeBERTaV3-base)': deberta('lora', 'r=8'),
  'LoRA r=2 (DeBERTaV3-base)': deberta('lora', 'r=2'),
  'AdaLoRA (DeBERTaV3-base)': deberta('adalora', '', ['2303.10512']),
  'Full-FT (RoBERTa-base)': roberta('full_ft'),
  'BitFit (RoBERTa-base)': roberta('bitfit'),
  'Prefix tuning (RoBERTa-base)': roberta('prefix_tuning'),
  'LoRA (RoBERTa-base)': roberta('lora'),
  'Adapter (RoBERTa-base)': roberta('adapter'),
  'MAM Adapter (RoBERTa-base)': roberta('adapter', 'MAM', ['2110.04366']),
  'ERNIE-Gram (base, 160G corpus)': {
    name: 'ERNIE-Gram-base (160G)',
    family: 'ERNIE',
    proposedIn: ['2010.12148'],
  },
  'ERNIE 3.0 (English version; 10B-parameter model per abstract)': {
    name: 'ERNIE 3.0',
    family: 'ERNIE',
    parameterCount: 10 * B,
    proposedIn: ['2107.02137'],
  },
  'BERT-Tiny (L=2,H=128)': {
    name: 'BERT-Tiny',
    family: 'BERT',
    parameterCount: 4.4 * M,
    proposedIn: ['1908.08962'],
  },
  'BERT-Mini (L=4,H=256)': {
    name: 'BERT-Mini',
    family: 'BERT',
    parameterCount: 11.3 * M,
    proposedIn: ['1908.08962'],
  },
  'BERT-Small (L=4,H=512)': {
    name: 'BERT-Small',
    family: 'BERT',
    parameterCount: 29.1 * M,
    proposedIn: ['1908.08962'],
  },
  'BERT-Medium (L=8,H=512)': {
    name: 'BERT-Medium',
    family: 'BERT',
    parameterCount: 41.7 * M,
    proposedIn: ['1908.08962'],
  },
  'Vega v1 (1.3B parameters, JDExplore d-team)': {
    name: 'Vega v1',
    parameterCount: 1.3 * B,
    proposedIn: ['2302.09268'],
  },
  'Llama-2-7B student (LLM2LLM)': {
    name: 'Llama-2-7B (LLM2LLM)',
    family: 'Llama',
    parameterCount: 7 * B,
    proposedIn: ['2403.15042'],
  },
};

const SUITES: Record<string, string> = {
  GLUE: 'glue',
  SuperGLUE: 'superglue',
  BLURB: 'blurb',
  MMLU: 'mmlu',
  GSM8K: 'gsm8k',
};

const MEMBER_NAMES: Record<string, Record<string, string>> = {
  glue: Object.fromEntries(
    ['CoLA', 'SST-2', 'MRPC', 'STS-B', 'QQP', 'MNLI', 'QNLI', 'RTE', 'WNLI'].map((n) => [
      n,
      `glue-${n.toLowerCase().replace('-', '')}`,
    ]),
  ),
  superglue: Object.fromEntries(
    ['BoolQ', 'CB', 'COPA', 'MultiRC', 'ReCoRD', 'RTE', 'WiC', 'WSC'].map((n) => [
      n,
      `superglue-${n.toLowerCase()}`,
    ]),
  ),
  blurb: Object.fromEntries(
    BENCHMARKS.filter((b) => b.parent === 'blurb').map((b) => [b.name, b.slug]),
  ),
  mmlu: {
    Humanities: 'mmlu-humanities',
    'Social Science': 'mmlu-social-sciences',
    STEM: 'mmlu-stem',
    Other: 'mmlu-other',
    ...Object.fromEntries(
      Object.values(MMLU_CATEGORIES).flatMap((c) => c.subjects.map((s) => [s, subjectSlug(s)])),
    ),
  },
  gsm8k: { GSM8K: 'gsm8k' },
};

/** Aggregate rows: which recipe a paper's printed average follows. */
const AGGREGATE_RULES: { suite: string; pattern: RegExp; recipe: string }[] = [
  { suite: 'glue', pattern: /^GLUE (average )?score/, recipe: 'glue-official' },
  { suite: 'glue', pattern: /^paper 'Average' \(excludes WNLI/, recipe: 'glue-bert-average' },
  {
    suite: 'glue',
    pattern: /^All Ave\. \(8 tasks; MNLI and QQP pairs averaged first\)/,
    recipe: 'glue-8-task-pair-mean',
  },
  { suite: 'glue', pattern: /^AVG \(mean of 8 tasks\)/, recipe: 'glue-8-task-single-metric' },
  { suite: 'superglue', pattern: /^SuperGLUE (average|score)/, recipe: 'superglue-official' },
  { suite: 'blurb', pattern: /^BLURB score/, recipe: 'blurb-official' },
  { suite: 'mmlu', pattern: /^MMLU( average \(57 subjects\))?$/, recipe: 'mmlu-average' },
];

const METRIC_NAMES: Record<string, string> = {
  Accuracy: 'accuracy',
  'Accuracy (%)': 'accuracy',
  'Accuracy (exact match)': 'em',
  'matched acc': 'accuracy-matched',
  'mismatched acc': 'accuracy-mismatched',
  F1: 'f1',
  F1a: 'f1a',
  'F1 (entity-level)': 'f1-entity',
  'Micro F1': 'f1-micro',
  'Macro F1 (word-level)': 'f1-macro-word',
  'Matthews corr': 'mcc',
  'Pearson correlation': 'pearson',
  'Pearson corr': 'pearson',
  'Spearman corr': 'spearman',
  'average of Pearson and Spearman correlation': 'pearson-spearman-mean',
  'GLUE score': 'score',
  'SuperGLUE score': 'score',
  'BLURB score': 'score',
  Average: 'score',
  'Average of 9 reported columns': 'score',
};

/** Conventions for records whose metric name is looser than the catalogue's. */
const METRIC_CONVENTIONS: Record<string, { metric: string; note: string }> = {
  'glue-mnli|accuracy': {
    metric: 'accuracy-matched',
    note: 'A single MNLI accuracy is read as matched accuracy (MNLI-m), the usual convention.',
  },
  'superglue-record|accuracy': {
    metric: 'em',
    note: 'ReCoRD "accuracy" next to F1 is the exact-match score.',
  },
};

const ALLOWED_METRICS = new Map(BENCHMARKS.map((b) => [b.slug, new Set(b.metrics)]));

function mapSplit(split: string): MappedClaim['split'] {
  if (split === 'test') return 'test';
  if (split === 'dev') return 'dev';
  return 'unknown';
}

export function parseNShot(setting: string): number | null {
  const shot = /\b(\d+)-shot\b/i.exec(setting);
  if (shot) return Number(shot[1]);
  const k = /\bK\s*=\s*(\d+)\b/.exec(setting);
  if (k && /few-shot/i.test(setting)) return Number(k[1]);
  return null;
}

export function parseTrainableParams(setting: string): number | null {
  const match = /([\d.]+)\s*([MB])\s+trainable parameters/i.exec(setting);
  if (!match) return null;
  return Math.round(Number(match[1]) * (match[2]!.toUpperCase() === 'B' ? B : M));
}

export function parseChainOfThought(setting: string): boolean | null {
  if (/\b(chain[- ]of[- ]thought|CoT)\b/i.test(setting)) return !/\bno (CoT|chain)/i.test(setting);
  return null;
}

/**
 * The sampling protocol a setting names. LLaMA's and Minerva's tables write maj1@k for a majority
 * vote over k samples, and maj1@1 (a "single sample, no majority voting") for one; self-consistency
 * over N paths is a majority vote too.
 */
export function parseSampling(setting: string): string | null {
  const overK = /\bmaj1?@k\b[^.;]*?\bk\s*=\s*(\d+)/i.exec(setting);
  if (overK) return `maj@${Number(overK[1])}`;
  const majority = /\b(?:em_)?maj1?@(\d+)\b/i.exec(setting);
  if (majority) return `maj@${Number(majority[1])}`;
  const paths = /self-consistency\D*?(\d+)\s+(?:sampled\s+reasoning\s+)?paths/i.exec(setting);
  if (paths) return `maj@${Number(paths[1])}`;
  if (/\bsingle sample\b/i.test(setting)) return 'maj@1';
  if (/\bgreedy\b/i.test(setting)) return 'greedy';
  const pass = /\bpass@(\d+)\b/i.exec(setting);
  return pass ? `pass@${Number(pass[1])}` : null;
}

export function parseAdaptation(setting: string): Adaptation {
  const s = setting.toLowerCase();
  if (s.includes('adalora')) return 'adalora';
  if (/\blora\b/.test(s)) return 'lora';
  if (s.includes('bitfit')) return 'bitfit';
  if (s.includes('prefix tuning') || s.includes('prefix-tuning')) return 'prefix_tuning';
  if (s.includes('prompt tuning')) return 'prompt_tuning';
  if (s.includes('adapter')) return 'adapter';
  if (s.includes('human')) return 'other';
  if (s.includes('no gradient updates') || s.includes('in-context') || s.includes('few-shot')) {
    return 'in_context';
  }
  if (s.includes('pretrained base model') || s.includes('chat model')) return 'in_context';
  if (s.includes('evaluated without further adaptation')) return 'other';
  if (/full[- ]ft|fine-tun/.test(s)) return 'full_ft';
  return 'unknown';
}

function resolveBenchmark(
  record: SeedClaimRecord,
): { benchmark: string; recipe: string | null } | { reason: string } {
  if (record.benchmark === null) {
    return { reason: 'not a benchmark figure (the record names no benchmark)' };
  }
  const suite = SUITES[record.benchmark];
  if (!suite) {
    const member = Object.values(MEMBER_NAMES).find((names) => names[record.benchmark!])?.[
      record.benchmark
    ];
    if (member) return { benchmark: member, recipe: null };
    return { reason: `benchmark "${record.benchmark}" is not in the catalogue` };
  }
  const aggregate = AGGREGATE_RULES.find(
    (rule) => rule.suite === suite && rule.pattern.test(record.dataset_or_task),
  );
  if (aggregate) return { benchmark: suite, recipe: aggregate.recipe };
  const member = MEMBER_NAMES[suite]?.[record.dataset_or_task];
  if (member) return { benchmark: member, recipe: null };
  return {
    reason: `"${record.dataset_or_task}" is not a ${record.benchmark} dataset or a known aggregate`,
  };
}

export function mapSeedClaim(record: SeedClaimRecord): MappingResult {
  const target = resolveBenchmark(record);
  if ('reason' in target) return { ok: false, reason: target.reason };

  let metric = METRIC_NAMES[record.metric];
  if (!metric) {
    return {
      ok: false,
      reason: `metric "${record.metric}" is not a score on the benchmark (a derived or relative figure)`,
    };
  }
  const notes: string[] = [];
  const convention = METRIC_CONVENTIONS[`${target.benchmark}|${metric}`];
  if (convention) {
    metric = convention.metric;
    notes.push(convention.note);
  }
  if (!ALLOWED_METRICS.get(target.benchmark)?.has(metric)) {
    return { ok: false, reason: `metric "${record.metric}" is not used by ${target.benchmark}` };
  }
  if (target.recipe && target.benchmark !== 'mmlu' && metric !== 'score') {
    return { ok: false, reason: `aggregate "${record.dataset_or_task}" is not given as a score` };
  }

  const rule = MODEL_RULES[record.model];
  if (!rule) return { ok: false, reason: `model name "${record.model}" has no normalisation rule` };
  if (!Number.isFinite(record.value)) return { ok: false, reason: 'value is not a number' };

  const split = mapSplit(record.split);
  if (split === 'unknown' && record.split !== 'not stated') {
    notes.push(`Split as recorded: "${record.split}".`);
  }
  if (record.notes) notes.push(record.notes);
  const confidence =
    record.confidence === 'high' || record.confidence === 'medium' ? record.confidence : 'low';

  return {
    ok: true,
    claim: {
      arxivId: record.arxiv_id,
      model: {
        name: rule.name,
        alias: record.model,
        parameterCount: rule.parameterCount ?? null,
        family: rule.family ?? null,
      },
      benchmark: target.benchmark,
      metric,
      recipe: target.recipe,
      value: record.value,
      ...unstatedSetting(),
      split,
      nShot: parseNShot(record.setting),
      chainOfThought: parseChainOfThought(record.setting),
      sampling: parseSampling(record.setting),
      adaptation: rule.adaptation ?? parseAdaptation(record.setting),
      trainableParams: parseTrainableParams(record.setting),
      variant: rule.variant ?? '',
      settingNotes: record.setting,
      role: rule.proposedIn?.includes(record.arxiv_id) ? 'proposed' : 'baseline',
      locator: record.source_locator,
      reference: record.reference,
      notes: notes.length ? notes.join(' ') : null,
      confidence,
    },
  };
}

/** 'YYYY-MM-DD', 'YYYY-MM' or null (then the arXiv id gives year and month). */
export function paperDate(
  date: string | null,
  arxivId: string | null,
): { publishedOn: string | null; precision: DatePrecision } {
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) return { publishedOn: date, precision: 'day' };
  if (date && /^\d{4}-\d{2}$/.test(date)) return { publishedOn: `${date}-01`, precision: 'month' };
  const fromId = arxivId ? /^(\d{2})(\d{2})\./.exec(arxivId) : null;
  if (fromId) return { publishedOn: `20${fromId[1]}-${fromId[2]}-01`, precision: 'month' };
  return { publishedOn: null, precision: 'day' };
}
