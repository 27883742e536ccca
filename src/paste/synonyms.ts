/**
 * The words papers print in table headers, and what they name in the catalogue. Headers are
 * compared as lower-case words (`MNLI-(m/mm)` → `mnli m mm`), so each phrase is written that way.
 * Benchmark names and slugs from the catalogue are added to these automatically.
 */
import type { Adaptation } from '../claims/claim.setting';

/** Lower-case words of a header or name: "MNLI-(m/mm)" → ["mnli", "m", "mm"]. */
export const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);

/** What a model name is compared by: "BERT$_{BASE}$" and "BERT-base" are both "bertbase". */
export const modelKey = (name: string): string => words(name).join('');

export const BENCHMARK_SYNONYMS: Record<string, string[]> = {
  glue: ['glue score', 'glue benchmark'],
  'glue-cola': ['cola'],
  'glue-sst2': ['sst 2', 'sst'],
  'glue-mrpc': ['mrpc'],
  'glue-stsb': ['sts b', 'sts'],
  'glue-qqp': ['qqp'],
  'glue-mnli': ['mnli', 'multinli', 'multi nli'],
  'glue-qnli': ['qnli'],
  'glue-rte': ['rte'],
  'glue-wnli': ['wnli'],
  'glue-ax': ['ax', 'glue diagnostic'],
  superglue: ['super glue', 'superglue score'],
  'superglue-cb': ['commitmentbank'],
  'superglue-axb': ['ax b'],
  'superglue-axg': ['ax g'],
  blurb: ['blurb score'],
  'blurb-bc5-chem': ['bc5 chem', 'bc5cdr chem', 'bc5cdr chemical', 'bc5 chemical'],
  'blurb-bc5-disease': ['bc5 disease', 'bc5 dis', 'bc5cdr disease', 'bc5cdr dis'],
  'blurb-ncbi-disease': ['ncbi disease', 'ncbi dis', 'ncbi'],
  'blurb-bc2gm': ['bc2 gm'],
  'blurb-ebm-pico': ['ebm pico', 'pico', 'ebm nlp'],
  'blurb-chemprot': ['chem prot'],
  'blurb-pubmedqa': ['pubmed qa'],
  mmlu: ['mmlu avg', 'mmlu average', 'mmlu 57'],
  gsm8k: ['gsm 8k', 'gsm'],
};

/** Phrases that name a benchmark only when the table is about its suite ("Other" on MMLU). */
export const CONTEXTUAL_SYNONYMS: Record<string, { suite: string; phrases: string[] }> = {
  'mmlu-stem': { suite: 'mmlu', phrases: ['stem'] },
  'mmlu-humanities': { suite: 'mmlu', phrases: ['humanities', 'hum'] },
  'mmlu-social-sciences': {
    suite: 'mmlu',
    phrases: ['social sciences', 'social science', 'social sci', 'soc sci', 'social'],
  },
  'mmlu-other': { suite: 'mmlu', phrases: ['other', 'others', 'misc'] },
};

/** Header words for a paper's own average of a suite: mapped to a recipe, never the official score. */
export const AVERAGE_PHRASES = [
  'avg',
  'average',
  'ave',
  'all ave',
  'all avg',
  'mean',
  'overall',
  'total',
  'macro avg',
];

/** Header words for "the suite's score": the official recipe is a candidate only with these. */
export const SCORE_PHRASES = ['score', 'glue score', 'superglue score', 'blurb score'];

/** Headers of the column of model names, the likeliest first ("Model" beats a submitter's "Name"). */
export const MODEL_HEADERS = [
  'model',
  'models',
  'method',
  'methods',
  'system',
  'systems',
  'approach',
  'baseline',
  'baselines',
  'encoder',
  'architecture',
  'name',
];
export const SIZE_HEADERS = ['size', 'model size', 'scale'];
export const PARAMS_HEADERS = [
  'params',
  'param',
  'parameters',
  'parameter',
  'trainable params',
  'trainable parameters',
  'trainable',
  'tunable params',
  'tuned params',
];

/**
 * Metric words → catalogue metric. The families let "F1" on BC5-chem mean its entity-level F1, and
 * "acc" on MNLI its matched accuracy.
 */
export const METRIC_WORDS: Array<{ phrase: string; metric: string }> = [
  ...['m', 'matched', 'mnli m'].map((phrase) => ({ phrase, metric: 'accuracy-matched' })),
  ...['mm', 'mismatched', 'mis'].map((phrase) => ({ phrase, metric: 'accuracy-mismatched' })),
  ...['acc', 'accuracy'].map((phrase) => ({ phrase, metric: 'accuracy' })),
  ...['f1', 'f'].map((phrase) => ({ phrase, metric: 'f1' })),
  { phrase: 'f1a', metric: 'f1a' },
  ...['em', 'exact match', 'exact'].map((phrase) => ({ phrase, metric: 'em' })),
  ...['mcc', 'matthews', 'matthews corr', 'mc', 'matt'].map((phrase) => ({
    phrase,
    metric: 'mcc',
  })),
  ...['pearson', 'pear', 'p', 'r', 'pcc'].map((phrase) => ({ phrase, metric: 'pearson' })),
  ...['spearman', 'spear', 's', 'spr', 'rho', 'scc'].map((phrase) => ({
    phrase,
    metric: 'spearman',
  })),
  ...['corr', 'correlation', 'avg corr'].map((phrase) => ({
    phrase,
    metric: 'pearson-spearman-mean',
  })),
  ...['micro f1', 'f1 micro', 'micro'].map((phrase) => ({ phrase, metric: 'f1-micro' })),
  ...['macro f1', 'f1 macro'].map((phrase) => ({ phrase, metric: 'f1-macro-word' })),
  ...['entity f1', 'f1 entity'].map((phrase) => ({ phrase, metric: 'f1-entity' })),
];

/** Metric words specific enough to trust in running text (a caption); no single letters. */
export const CAPTION_METRIC_WORDS = new Set([
  'accuracy',
  'f1',
  'matthews',
  'mcc',
  'pearson',
  'spearman',
  'exact match',
]);

export const METRIC_FAMILIES: Record<string, string> = {
  accuracy: 'accuracy',
  'accuracy-matched': 'accuracy',
  'accuracy-mismatched': 'accuracy',
  f1: 'f1',
  f1a: 'f1',
  'f1-entity': 'f1',
  'f1-micro': 'f1',
  'f1-macro-word': 'f1',
  pearson: 'correlation',
  spearman: 'correlation',
  'pearson-spearman-mean': 'correlation',
  mcc: 'mcc',
  em: 'em',
};

/** A method printed as a row name (PEFT tables) → its adaptation. First match wins. */
export const METHODS: Array<{ pattern: RegExp; adaptation: Adaptation }> = [
  { pattern: /adalora/i, adaptation: 'adalora' },
  { pattern: /\b(q?lora)\b/i, adaptation: 'lora' },
  { pattern: /\bbitfit\b/i, adaptation: 'bitfit' },
  { pattern: /\bprefix(?:[- ]?tuning)?\b/i, adaptation: 'prefix_tuning' },
  { pattern: /\b(?:prompt[- ]?tuning|p-?tuning)\b/i, adaptation: 'prompt_tuning' },
  { pattern: /adapter/i, adaptation: 'adapter' },
  { pattern: /\bfull[- ]?(?:ft|fine[- ]?tun\w*)\b|^ft$|^fine[- ]?tun/i, adaptation: 'full_ft' },
];

/** Running text (caption, headers) → the table-wide adaptation it states. */
export const ADAPTATION_WORDS: Array<{ pattern: RegExp; adaptation: Adaptation }> = [
  {
    pattern: /\b(?:zero|one|few|\d+)[- ]shot\b|\bin[- ]context\b|\bprompting\b/i,
    adaptation: 'in_context',
  },
  { pattern: /\bfine[- ]?tun/i, adaptation: 'full_ft' },
];

/** Suites whose results are fine-tuned as a rule, so "full fine-tuning" is the suggestion. */
export const FINE_TUNED_SUITES = new Set(['glue', 'superglue', 'blurb']);
