import { loadCatalogue } from '../benchmarks/benchmark.repository';
import { checkAgainstCatalogue, resolveClaim } from '../claims/claim-input';
import { claimInputSchema, type ClaimInput } from '../claims/claim.contract';
import { writeClaims } from '../claims/claim.service';
import { settingLabel } from '../claims/claim.setting';
import type { DB } from '../db/database';
import { ensureModel, findModelId, setBaseModelIfUnset } from '../models/model.repository';
import { paperInputSchema, type PaperInput, type SourceKind } from '../papers/paper.contract';
import { findOrCreatePaper } from '../papers/paper.repository';
import { describeIssues } from './formats/ledger-json';
import {
  ImportError,
  type ImportFormat,
  type ModelInput,
  type ParsedImport,
  type SkippedRow,
} from './import.types';

export interface ImportedClaim {
  where: string;
  paper: string;
  model: string;
  benchmark: string;
  metric: string;
  recipe: string | null;
  value: number;
  /** The setting as a label, e.g. "test · 5-shot · In-context / frozen". */
  setting: string;
}

export interface ImportReport {
  format: ImportFormat;
  dryRun: boolean;
  sources: { title: string; kind: SourceKind; added: number; alreadyPresent: number }[];
  added: ImportedClaim[];
  alreadyPresent: ImportedClaim[];
  skipped: SkippedRow[];
  modelsCreated: string[];
}

export interface ImportOptions {
  actor: string;
  dryRun: boolean;
  fileName?: string;
  /** Called as claims are written, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

class DryRun extends Error {}

const CHUNK = 250;

interface Checked {
  paper: PaperInput;
  claims: { where: string; claim: ClaimInput }[];
}

/**
 * Validates every row first (shape, then catalogue), then writes everything in one transaction,
 * or nothing: a dry run rolls the same transaction back, so the preview is exactly what a
 * commit would do. Rows the catalogue cannot take are skipped and reported; a row of the wrong
 * shape fails the whole file.
 */
export async function runImport(
  db: DB,
  parsed: ParsedImport,
  options: ImportOptions,
): Promise<ImportReport> {
  const catalogue = await loadCatalogue(db);
  const problems: string[] = [];
  const skipped: SkippedRow[] = [...parsed.skipped];
  const checked: Checked[] = [];
  for (const bundle of parsed.bundles) {
    const paper = paperInputSchema.safeParse(bundle.paper);
    if (!paper.success) {
      problems.push(
        ...describeIssues(paper.error).map((p) => `paper “${bundle.paper.title}”: ${p}`),
      );
      continue;
    }
    const claims: Checked['claims'] = [];
    for (const { where, claim } of bundle.claims) {
      const shape = claimInputSchema.safeParse(claim);
      if (!shape.success) {
        problems.push(...describeIssues(shape.error).map((p) => `${where}: ${p}`));
        continue;
      }
      const errors = checkAgainstCatalogue(catalogue, shape.data);
      const reasons = Object.entries(errors).map(([field, message]) => `${field}: ${message}`);
      if (reasons.length) skipped.push({ where, reason: reasons.join(' ') });
      else claims.push({ where, claim: shape.data });
    }
    // A source the file lists without claims (our own dump keeps every paper) is kept too;
    // one whose claims were all skipped is not.
    if (claims.length || bundle.claims.length === 0)
      checked.push({ paper: { ...bundle.paper, ...paper.data }, claims });
  }
  if (problems.length) {
    throw new ImportError(
      `The file has ${problems.length} value${problems.length === 1 ? '' : 's'} of the wrong type or size; nothing was imported:`,
      problems
        .slice(0, 50)
        .concat(problems.length > 50 ? [`… and ${problems.length - 50} more`] : []),
    );
  }
  const total = checked.reduce((n, b) => n + b.claims.length, 0);
  if (total === 0) {
    throw new ImportError(
      'Nothing in this file maps onto the catalogue; nothing was imported. Skipped:',
      skipped.slice(0, 50).map((s) => `${s.where}: ${s.reason}`),
    );
  }

  const report: ImportReport = {
    format: parsed.format,
    dryRun: options.dryRun,
    sources: [],
    added: [],
    alreadyPresent: [],
    skipped,
    modelsCreated: [],
  };
  const reason = `import${options.fileName ? ` of ${options.fileName}` : ''} (${parsed.format})`;
  try {
    await db.transaction().execute(async (trx) => {
      report.modelsCreated = await upsertModels(trx, parsed.models);
      const named = new Map<string, string>();
      for (const b of checked)
        for (const { claim } of b.claims) named.set(claim.model.toLowerCase(), claim.model);
      for (const name of named.values())
        if ((await findModelId(trx, name)) === null) report.modelsCreated.push(name);
      let done = 0;
      for (const bundle of checked) {
        const paperId = await findOrCreatePaper(trx, bundle.paper);
        const source = {
          title: bundle.paper.title,
          kind: bundle.paper.kind,
          added: 0,
          alreadyPresent: 0,
        };
        report.sources.push(source);
        for (let start = 0; start < bundle.claims.length; start += CHUNK) {
          const slice = bundle.claims.slice(start, start + CHUNK);
          const resolved = [];
          for (const { claim } of slice) resolved.push(await resolveClaim(trx, catalogue, claim));
          const result = await writeClaims(trx, paperId, resolved, {
            status: 'approved',
            submitter: options.actor,
            action: 'import',
            reason,
          });
          const duplicates = new Set(result.duplicates);
          slice.forEach(({ where, claim }, i) => {
            const row: ImportedClaim = {
              where,
              paper: bundle.paper.title,
              model: claim.model,
              benchmark: claim.benchmark,
              metric: claim.metric,
              recipe: claim.recipe,
              value: claim.value,
              setting: settingLabel(claim),
            };
            if (duplicates.has(i)) {
              report.alreadyPresent.push(row);
              source.alreadyPresent += 1;
            } else {
              report.added.push(row);
              source.added += 1;
            }
          });
          done += slice.length;
          options.onProgress?.(done, total);
        }
      }
      if (options.dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return report;
}

/** Models our own dump describes: created with their details, aliases added where missing. */
async function upsertModels(db: DB, models: ModelInput[]): Promise<string[]> {
  const created: string[] = [];
  const ids = new Map<string, number>();
  for (const model of models) {
    const { id, created: isNew } = await ensureModel(db, model);
    if (isNew) created.push(model.name);
    ids.set(model.name, id);
  }
  for (const model of models) {
    if (!model.baseModel) continue;
    const baseId = ids.get(model.baseModel) ?? (await findModelId(db, model.baseModel));
    if (baseId === null) continue;
    await setBaseModelIfUnset(db, ids.get(model.name)!, baseId);
  }
  return created;
}
