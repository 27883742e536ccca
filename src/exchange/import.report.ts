import type { ImportReport } from './import.service';
import { FORMAT_LABELS } from './import.types';

const claimLine = (c: ImportReport['added'][number]) =>
  `${c.model} · ${c.benchmark} ${c.recipe ?? c.metric} = ${c.value}${c.setting ? ` (${c.setting})` : ''} — ${c.where}`;

/** The plain-text report the CLI prints; the import page shows the same report as tables. */
export function formatImportReport(report: ImportReport, { verbose = false } = {}): string {
  const lines: string[] = [];
  const verb = report.dryRun ? 'would add' : 'added';
  lines.push(
    `${FORMAT_LABELS[report.format]}: ${verb} ${report.added.length} claim(s), ${report.alreadyPresent.length} already in the ledger, ${report.skipped.length} skipped.${report.dryRun ? ' Dry run: nothing was written.' : ''}`,
  );
  for (const s of report.sources) {
    lines.push(
      `  ${s.kind === 'run' ? 'run' : 'paper'} “${s.title}”: ${s.added} ${verb}, ${s.alreadyPresent} already there`,
    );
  }
  if (report.modelsCreated.length) lines.push(`New models: ${report.modelsCreated.join(', ')}`);
  const list = (title: string, rows: string[]) => {
    if (!rows.length) return;
    lines.push('', `${title}:`);
    const shown = verbose ? rows : rows.slice(0, 100);
    lines.push(...shown.map((r) => `  ${r}`));
    if (shown.length < rows.length)
      lines.push(`  … and ${rows.length - shown.length} more (--verbose lists all)`);
  };
  list(report.dryRun ? 'Would add' : 'Added', report.added.map(claimLine));
  list('Already in the ledger', report.alreadyPresent.map(claimLine));
  list(
    'Skipped',
    report.skipped.map((s) => `${s.where}: ${s.reason}`),
  );
  return lines.join('\n');
}
