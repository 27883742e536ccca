/** MMLU subjects by category, following the benchmark's own categories.py. */
export const MMLU_CATEGORIES: Record<string, { name: string; subjects: string[] }> = {
  stem: {
    name: 'STEM',
    subjects: [
      'abstract_algebra',
      'astronomy',
      'college_biology',
      'college_chemistry',
      'college_computer_science',
      'college_mathematics',
      'college_physics',
      'computer_security',
      'conceptual_physics',
      'electrical_engineering',
      'elementary_mathematics',
      'high_school_biology',
      'high_school_chemistry',
      'high_school_computer_science',
      'high_school_mathematics',
      'high_school_physics',
      'high_school_statistics',
      'machine_learning',
    ],
  },
  humanities: {
    name: 'Humanities',
    subjects: [
      'formal_logic',
      'high_school_european_history',
      'high_school_us_history',
      'high_school_world_history',
      'international_law',
      'jurisprudence',
      'logical_fallacies',
      'moral_disputes',
      'moral_scenarios',
      'philosophy',
      'prehistory',
      'professional_law',
      'world_religions',
    ],
  },
  'social-sciences': {
    name: 'Social sciences',
    subjects: [
      'econometrics',
      'high_school_geography',
      'high_school_government_and_politics',
      'high_school_macroeconomics',
      'high_school_microeconomics',
      'high_school_psychology',
      'human_sexuality',
      'professional_psychology',
      'public_relations',
      'security_studies',
      'sociology',
      'us_foreign_policy',
    ],
  },
  other: {
    name: 'Other',
    subjects: [
      'anatomy',
      'business_ethics',
      'clinical_knowledge',
      'college_medicine',
      'global_facts',
      'human_aging',
      'management',
      'marketing',
      'medical_genetics',
      'miscellaneous',
      'nutrition',
      'professional_accounting',
      'professional_medicine',
      'virology',
    ],
  },
};

const SUBJECT_WORDS: Record<string, string> = { us: 'US', and: 'and' };
export const subjectName = (subject: string): string =>
  subject
    .split('_')
    .map(
      (word, i) => SUBJECT_WORDS[word] ?? (i === 0 ? word[0]!.toUpperCase() + word.slice(1) : word),
    )
    .join(' ');
export const subjectSlug = (subject: string): string => `mmlu-${subject.replaceAll('_', '-')}`;
