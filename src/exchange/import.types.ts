import { noProvenance, type ClaimInput } from '../claims/claim.contract';
import { unstatedSetting } from '../claims/claim.setting';
import type { LedgerModel } from '../models/model.contract';
import type { PaperInput } from '../papers/paper.contract';

export const IMPORT_FORMATS = ['ledger', 'lm-eval', 'papers-with-code', 'csv', 'table'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  ledger: 'benchledger JSON',
  'lm-eval': 'lm-evaluation-harness results',
  'papers-with-code': 'Papers with Code evaluation tables',
  csv: 'CSV, one claim per row',
  table: "A paper's table (LaTeX or Markdown) with a mapping file",
};

/** A claim candidate and where in the file it came from, for the report. */
export interface SourcedClaim {
  where: string;
  claim: ClaimInput;
}

/** One source (a paper or an evaluation run) and the claims the file gives it. */
export interface ImportBundle {
  paper: PaperInput;
  claims: SourcedClaim[];
}

/** A model as our own JSON describes it; other formats name models only. */
export type ModelInput = LedgerModel;

export interface SkippedRow {
  where: string;
  reason: string;
}

/** What a parser makes of a file: pure data, nothing looked up in the database yet. */
export interface ParsedImport {
  format: ImportFormat;
  bundles: ImportBundle[];
  models: ModelInput[];
  skipped: SkippedRow[];
}

/** The file as a whole cannot be imported; `problems` names each reason, nothing is written. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length ? `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}` : message);
    this.name = 'ImportError';
  }
}

/** Defaults for the claim fields a format does not carry. */
export const blankClaim = (): Omit<ClaimInput, 'model' | 'benchmark' | 'metric' | 'value'> => ({
  recipe: null,
  stderr: null,
  ...unstatedSetting(),
  settingNotes: null,
  role: 'proposed',
  ...noProvenance(),
});

/** Parses JSON text, turning a syntax error (truncated file, stray comma) into an ImportError. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportError(
      `The file is not valid JSON (${(error as Error).message}); is it truncated?`,
    );
  }
}

/** Rounds away binary noise from proportion → percent conversion (0.853 * 100 = 85.30000000000001). */
export const toPercent = (proportion: number): number => Math.round(proportion * 1e8) / 1e6;
