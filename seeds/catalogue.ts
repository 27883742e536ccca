/**
 * The reference catalogue: benchmarks, their metrics and their aggregate recipes, as data.
 * Facts come from the benchmark papers (GLUE: Wang et al. 2018; SuperGLUE: Wang et al. 2019;
 * BLURB: Gu et al. 2020; MMLU: Hendrycks et al. 2020, categories as in its categories.py;
 * GSM8K: Cobbe et al. 2021).
 */
import type {
  BenchmarkKind,
  LedgerMetric,
  RecipeDefinition,
  RecipeMember,
} from '../src/benchmarks/benchmark.contract';
import { MMLU_CATEGORIES, subjectName, subjectSlug } from '../src/benchmarks/mmlu';

export type MetricSeed = LedgerMetric;

export interface BenchmarkSeed {
  slug: string;
  name: string;
  kind: BenchmarkKind;
  parent: string | null;
  taskType: string | null;
  scored: boolean;
  /** Allowed metrics; the first is the primary one. */
  metrics: string[];
  description: string;
  url?: string;
}

export interface RecipeSeed {
  slug: string;
  benchmark: string;
  name: string;
  official: boolean;
  computable: boolean;
  description: string;
  definition: RecipeDefinition;
}

const percent = (slug: string, name: string): MetricSeed => ({
  slug,
  name,
  direction: 'higher',
  scale: 'percent',
  min: 0,
  max: 100,
});
const correlation = (slug: string, name: string): MetricSeed => ({
  slug,
  name,
  direction: 'higher',
  scale: 'correlation',
  min: -100,
  max: 100,
});

export const METRICS: MetricSeed[] = [
  percent('accuracy', 'Accuracy'),
  percent('accuracy-matched', 'Matched accuracy'),
  percent('accuracy-mismatched', 'Mismatched accuracy'),
  percent('f1', 'F1'),
  percent('f1a', 'F1a (answer-level F1)'),
  percent('em', 'Exact match'),
  percent('f1-entity', 'F1 (entity-level)'),
  percent('f1-micro', 'Micro F1'),
  percent('f1-macro-word', 'Macro F1 (word-level)'),
  correlation('mcc', 'Matthews corr.'),
  correlation('pearson', 'Pearson corr.'),
  correlation('spearman', 'Spearman corr.'),
  correlation('pearson-spearman-mean', 'Mean of Pearson and Spearman corr.'),
  {
    slug: 'score',
    name: 'Aggregate score',
    direction: 'higher',
    scale: 'raw',
    min: -100,
    max: 100,
  },
];

const dataset = (
  suite: string,
  slug: string,
  name: string,
  metrics: string[],
  description: string,
  taskType: string | null = null,
  scored = true,
): BenchmarkSeed => ({
  slug: `${suite}-${slug}`,
  name,
  kind: 'dataset',
  parent: suite,
  taskType,
  scored,
  metrics,
  description,
});

const GLUE: BenchmarkSeed[] = [
  {
    slug: 'glue',
    name: 'GLUE',
    kind: 'suite',
    parent: null,
    taskType: null,
    scored: true,
    metrics: ['score'],
    description:
      'General Language Understanding Evaluation: nine English sentence and sentence-pair tasks.',
    url: 'https://gluebenchmark.com/',
  },
  dataset('glue', 'cola', 'CoLA', ['mcc'], 'Corpus of Linguistic Acceptability'),
  dataset('glue', 'sst2', 'SST-2', ['accuracy'], 'Stanford Sentiment Treebank, binary'),
  dataset('glue', 'mrpc', 'MRPC', ['f1', 'accuracy'], 'Microsoft Research Paraphrase Corpus'),
  dataset(
    'glue',
    'stsb',
    'STS-B',
    ['pearson', 'spearman', 'pearson-spearman-mean'],
    'Semantic Textual Similarity Benchmark',
  ),
  dataset('glue', 'qqp', 'QQP', ['f1', 'accuracy'], 'Quora Question Pairs'),
  dataset(
    'glue',
    'mnli',
    'MNLI',
    ['accuracy-matched', 'accuracy-mismatched'],
    'Multi-Genre Natural Language Inference',
  ),
  dataset('glue', 'qnli', 'QNLI', ['accuracy'], 'Question-answering NLI built from SQuAD'),
  dataset('glue', 'rte', 'RTE', ['accuracy'], 'Recognizing Textual Entailment'),
  dataset('glue', 'wnli', 'WNLI', ['accuracy'], 'Winograd NLI'),
  dataset(
    'glue',
    'ax',
    'AX (diagnostic)',
    ['mcc'],
    'Diagnostic dataset: reported, not part of the GLUE score',
    null,
    false,
  ),
];

const SUPERGLUE: BenchmarkSeed[] = [
  {
    slug: 'superglue',
    name: 'SuperGLUE',
    kind: 'suite',
    parent: null,
    taskType: null,
    scored: true,
    metrics: ['score'],
    description: 'A harder successor to GLUE: eight language understanding tasks.',
    url: 'https://super.gluebenchmark.com/',
  },
  dataset('superglue', 'boolq', 'BoolQ', ['accuracy'], 'Boolean questions'),
  dataset('superglue', 'cb', 'CB', ['f1', 'accuracy'], 'CommitmentBank'),
  dataset('superglue', 'copa', 'COPA', ['accuracy'], 'Choice of Plausible Alternatives'),
  dataset('superglue', 'multirc', 'MultiRC', ['f1a', 'em'], 'Multi-Sentence Reading Comprehension'),
  dataset(
    'superglue',
    'record',
    'ReCoRD',
    ['f1', 'em'],
    'Reading Comprehension with Commonsense Reasoning',
  ),
  dataset('superglue', 'rte', 'RTE', ['accuracy'], 'Recognizing Textual Entailment'),
  dataset('superglue', 'wic', 'WiC', ['accuracy'], 'Words in Context'),
  dataset('superglue', 'wsc', 'WSC', ['accuracy'], 'Winograd Schema Challenge'),
  dataset(
    'superglue',
    'axb',
    'AX-b (diagnostic)',
    ['mcc'],
    'Broad-coverage diagnostics: not scored',
    null,
    false,
  ),
  dataset(
    'superglue',
    'axg',
    'AX-g (diagnostic)',
    ['accuracy'],
    'Winogender diagnostics: not scored',
    null,
    false,
  ),
];

const NER = 'Named entity recognition';
const PICO = 'PICO extraction';
const RE = 'Relation extraction';
const SIM = 'Sentence similarity';
const DOC = 'Document classification';
const QA = 'Question answering';

const BLURB: BenchmarkSeed[] = [
  {
    slug: 'blurb',
    name: 'BLURB',
    kind: 'suite',
    parent: null,
    taskType: null,
    scored: true,
    metrics: ['score'],
    description:
      'Biomedical Language Understanding and Reasoning Benchmark: 13 datasets in 6 task types.',
    url: 'https://microsoft.github.io/BLURB/',
  },
  dataset('blurb', 'bc5-chem', 'BC5-chem', ['f1-entity'], 'BioCreative V chemical NER', NER),
  dataset('blurb', 'bc5-disease', 'BC5-disease', ['f1-entity'], 'BioCreative V disease NER', NER),
  dataset('blurb', 'ncbi-disease', 'NCBI-disease', ['f1-entity'], 'NCBI disease NER', NER),
  dataset('blurb', 'bc2gm', 'BC2GM', ['f1-entity'], 'BioCreative II gene mention NER', NER),
  dataset('blurb', 'jnlpba', 'JNLPBA', ['f1-entity'], 'JNLPBA bio-entity NER', NER),
  dataset(
    'blurb',
    'ebm-pico',
    'EBM PICO',
    ['f1-macro-word'],
    'Evidence-based medicine PICO elements',
    PICO,
  ),
  dataset('blurb', 'chemprot', 'ChemProt', ['f1-micro'], 'Chemical-protein relations', RE),
  dataset('blurb', 'ddi', 'DDI', ['f1-micro'], 'Drug-drug interactions', RE),
  dataset('blurb', 'gad', 'GAD', ['f1-micro'], 'Gene-disease associations', RE),
  dataset('blurb', 'biosses', 'BIOSSES', ['pearson'], 'Biomedical sentence similarity', SIM),
  dataset('blurb', 'hoc', 'HoC', ['f1-micro'], 'Hallmarks of Cancer', DOC),
  dataset(
    'blurb',
    'pubmedqa',
    'PubMedQA',
    ['accuracy'],
    'Yes/no/maybe questions on PubMed abstracts',
    QA,
  ),
  dataset('blurb', 'bioasq', 'BioASQ', ['accuracy'], 'BioASQ yes/no questions', QA),
];

const MMLU: BenchmarkSeed[] = [
  {
    slug: 'mmlu',
    name: 'MMLU',
    kind: 'suite',
    parent: null,
    taskType: null,
    scored: true,
    metrics: ['accuracy'],
    description:
      'Massive Multitask Language Understanding: multiple-choice questions in 57 subjects, usually 5-shot.',
    url: 'https://github.com/hendrycks/test',
  },
  ...Object.entries(MMLU_CATEGORIES).flatMap(([key, category]): BenchmarkSeed[] => [
    {
      slug: `mmlu-${key}`,
      name: `MMLU ${category.name}`,
      kind: 'group',
      parent: 'mmlu',
      taskType: category.name,
      scored: true,
      metrics: ['accuracy'],
      description: `The ${category.subjects.length} MMLU subjects in the ${category.name} category.`,
    },
    ...category.subjects.map((subject): BenchmarkSeed => ({
      slug: subjectSlug(subject),
      name: `MMLU ${subjectName(subject)}`,
      kind: 'dataset',
      parent: `mmlu-${key}`,
      taskType: category.name,
      scored: true,
      metrics: ['accuracy'],
      description: `MMLU subject ${subject} (${category.name}).`,
    })),
  ]),
];

const GSM8K: BenchmarkSeed = {
  slug: 'gsm8k',
  name: 'GSM8K',
  kind: 'dataset',
  parent: null,
  taskType: null,
  scored: true,
  metrics: ['accuracy'],
  description:
    'Grade-school math word problems; accuracy is exact match of the final answer. n-shot, chain-of-thought and maj@k change results a lot.',
  url: 'https://github.com/openai/grade-school-math',
};

export const BENCHMARKS: BenchmarkSeed[] = [...GLUE, ...SUPERGLUE, ...BLURB, ...MMLU, GSM8K];

const single = (benchmark: string, ...metrics: string[][]): RecipeMember => ({
  benchmark,
  metrics,
});
const oneGroup = (label: string, members: RecipeMember[]) => [{ label, members }];

export const RECIPES: RecipeSeed[] = [
  {
    slug: 'glue-official',
    benchmark: 'glue',
    name: 'GLUE score',
    official: true,
    computable: true,
    description:
      'Unweighted mean over the 9 tasks (WNLI counted, AX not); MRPC, STS-B, QQP and MNLI first become the mean of their two metrics.',
    definition: {
      groups: oneGroup('GLUE', [
        single('glue-cola', ['mcc']),
        single('glue-sst2', ['accuracy']),
        single('glue-mrpc', ['f1', 'accuracy']),
        single('glue-stsb', ['pearson', 'spearman'], ['pearson-spearman-mean']),
        single('glue-qqp', ['f1', 'accuracy']),
        single('glue-mnli', ['accuracy-matched', 'accuracy-mismatched']),
        single('glue-qnli', ['accuracy']),
        single('glue-rte', ['accuracy']),
        single('glue-wnli', ['accuracy']),
      ]),
    },
  },
  {
    slug: 'glue-bert-average',
    benchmark: 'glue',
    name: "BERT paper's Average (9 columns, no WNLI)",
    official: false,
    computable: true,
    description:
      'Mean of the 9 columns of BERT Table 1: MNLI-m and MNLI-mm as separate columns, F1 for QQP and MRPC, Spearman for STS-B; WNLI left out.',
    definition: {
      groups: [
        {
          label: 'columns',
          members: [
            single('glue-mnli', ['accuracy-matched']),
            single('glue-mnli', ['accuracy-mismatched']),
            single('glue-qqp', ['f1']),
            single('glue-qnli', ['accuracy']),
            single('glue-sst2', ['accuracy']),
            single('glue-cola', ['mcc']),
            single('glue-stsb', ['spearman']),
            single('glue-mrpc', ['f1']),
            single('glue-rte', ['accuracy']),
          ],
        },
      ],
    },
  },
  {
    slug: 'glue-8-task-pair-mean',
    benchmark: 'glue',
    name: "8-task average, pairs averaged (AdaLoRA's All Ave.)",
    official: false,
    computable: true,
    description:
      'Mean over 8 GLUE tasks without WNLI; MNLI m/mm and QQP accuracy/F1 averaged first; MRPC accuracy, STS-B mean of Pearson and Spearman, CoLA Matthews corr.',
    definition: {
      groups: oneGroup('8 tasks', [
        single('glue-mnli', ['accuracy-matched', 'accuracy-mismatched']),
        single('glue-sst2', ['accuracy']),
        single('glue-cola', ['mcc']),
        single('glue-qqp', ['accuracy', 'f1']),
        single('glue-qnli', ['accuracy']),
        single('glue-rte', ['accuracy']),
        single('glue-mrpc', ['accuracy']),
        single('glue-stsb', ['pearson-spearman-mean'], ['pearson', 'spearman']),
      ]),
    },
  },
  {
    slug: 'glue-8-task-single-metric',
    benchmark: 'glue',
    name: '8-task average, one metric per task',
    official: false,
    computable: true,
    description:
      'Mean over 8 GLUE tasks without WNLI, one number per task: MNLI matched accuracy, QQP and MRPC accuracy, STS-B Pearson, CoLA Matthews corr.',
    definition: {
      groups: oneGroup('8 tasks', [
        single('glue-mnli', ['accuracy-matched']),
        single('glue-qnli', ['accuracy']),
        single('glue-qqp', ['accuracy']),
        single('glue-sst2', ['accuracy']),
        single('glue-cola', ['mcc']),
        single('glue-mrpc', ['accuracy']),
        single('glue-rte', ['accuracy']),
        single('glue-stsb', ['pearson']),
      ]),
    },
  },
  {
    slug: 'superglue-official',
    benchmark: 'superglue',
    name: 'SuperGLUE score',
    official: true,
    computable: true,
    description:
      'Unweighted mean over the 8 tasks; CB (F1, accuracy), MultiRC (F1a, EM) and ReCoRD (F1, EM) first become the mean of their two metrics. AX-b and AX-g are not scored.',
    definition: {
      groups: oneGroup('SuperGLUE', [
        single('superglue-boolq', ['accuracy']),
        single('superglue-cb', ['f1', 'accuracy']),
        single('superglue-copa', ['accuracy']),
        single('superglue-multirc', ['f1a', 'em']),
        single('superglue-record', ['f1', 'em']),
        single('superglue-rte', ['accuracy']),
        single('superglue-wic', ['accuracy']),
        single('superglue-wsc', ['accuracy']),
      ]),
    },
  },
  {
    slug: 'blurb-official',
    benchmark: 'blurb',
    name: 'BLURB score',
    official: true,
    computable: true,
    description:
      'Macro average: the mean over the 6 task types of the mean of each type’s datasets (not the flat mean of 13).',
    definition: {
      groups: [
        {
          label: NER,
          members: ['bc5-chem', 'bc5-disease', 'ncbi-disease', 'bc2gm', 'jnlpba'].map((d) =>
            single(`blurb-${d}`, ['f1-entity']),
          ),
        },
        { label: PICO, members: [single('blurb-ebm-pico', ['f1-macro-word'])] },
        {
          label: RE,
          members: ['chemprot', 'ddi', 'gad'].map((d) => single(`blurb-${d}`, ['f1-micro'])),
        },
        { label: SIM, members: [single('blurb-biosses', ['pearson'])] },
        { label: DOC, members: [single('blurb-hoc', ['f1-micro'])] },
        {
          label: QA,
          members: [single('blurb-pubmedqa', ['accuracy']), single('blurb-bioasq', ['accuracy'])],
        },
      ],
    },
  },
  {
    slug: 'mmlu-average',
    benchmark: 'mmlu',
    name: 'MMLU average (over all questions)',
    official: true,
    computable: false,
    description:
      'Accuracy over all test questions of the 57 subjects, as published. It weights subjects by their size, so it is not the mean of the category scores; the ledger stores the reported figure.',
    definition: {
      groups: Object.keys(MMLU_CATEGORIES).map((key) => ({
        label: MMLU_CATEGORIES[key]!.name,
        members: [single(`mmlu-${key}`, ['accuracy'])],
      })),
    },
  },
  {
    slug: 'mmlu-category-mean',
    benchmark: 'mmlu',
    name: 'Mean of the 4 category scores',
    official: false,
    computable: true,
    description:
      'Unweighted mean of the STEM, humanities, social sciences and other scores: a check on a paper’s average, not the official figure.',
    definition: {
      groups: oneGroup(
        'categories',
        Object.keys(MMLU_CATEGORIES).map((key) => single(`mmlu-${key}`, ['accuracy'])),
      ),
    },
  },
];
