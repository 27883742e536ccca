import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Command, Option } from 'commander';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { seedCatalogue } from '../db/seed';
import { readTableImport } from '../paste/table-import';
import { detectFormat, parseImportFile } from './formats/detect';
import { formatImportReport } from './import.report';
import { runImport } from './import.service';
import { IMPORT_FORMATS, ImportError, type ImportFormat } from './import.types';

/** Files with more claims than this get a progress bar (on a terminal). */
const PROGRESS_FROM = 500;

interface Options {
  format?: ImportFormat;
  mapping?: string;
  dryRun: boolean;
  actor: string;
  json: boolean;
  verbose: boolean;
  maxBytes?: number;
}

async function importFile(file: string, options: Options): Promise<number> {
  const config = loadConfig();
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new ImportError(`${file}: no such file`);
  const limit = options.maxBytes ?? Number.POSITIVE_INFINITY;
  if (stat.size > limit) {
    throw new ImportError(`${file} is ${stat.size} bytes, over the limit of ${limit} bytes.`);
  }
  const text = fs.readFileSync(file, 'utf8');
  const fileName = path.basename(file);
  const format = options.format ?? detectFormat(text, fileName);
  // A paper's table is mapped against the catalogue and the ledger's models, so it is read once
  // the database is open; every other format is read (and refused) before.
  const mapping = format === 'table' ? readMappingFileFor(file, options.mapping) : null;
  let parsed = mapping === null ? parseImportFile(text, { fileName, format }) : null;
  const connection = await connect(config.database);
  let bar: SingleBar | null = null;
  try {
    await migrateToLatest(connection.db);
    await seedCatalogue(connection.db);
    parsed ??= await readTableImport(connection.db, text, mapping!, fileName);
    const total = parsed.bundles.reduce((n, b) => n + b.claims.length, 0);
    bar =
      total >= PROGRESS_FROM && process.stderr.isTTY && !options.json
        ? new SingleBar(
            { format: 'importing [{bar}] {value}/{total} claims', stream: process.stderr },
            Presets.shades_classic,
          )
        : null;
    bar?.start(total, 0);
    const report = await runImport(connection.db, parsed, {
      actor: options.actor,
      dryRun: options.dryRun,
      fileName,
      onProgress: (done) => bar?.update(done),
    });
    bar?.stop();
    console.log(
      options.json ? JSON.stringify(report, null, 2) : formatImportReport(report, options),
    );
    return 0;
  } finally {
    bar?.stop();
    await connection.close();
  }
}

/** The mapping file named with --mapping, or the one beside the table (table.mapping.yaml). */
function readMappingFileFor(table: string, named: string | undefined): string {
  const stem = table.replace(/\.[a-z]+$/i, '');
  const candidates = named
    ? [named]
    : ['.mapping.yaml', '.mapping.yml', '.mapping.json'].map((ext) => stem + ext);
  const found = candidates.find((candidate) =>
    fs.statSync(candidate, { throwIfNoEntry: false })?.isFile(),
  );
  if (!found) {
    throw new ImportError(
      named
        ? `${named}: no such mapping file`
        : `${path.basename(table)} is a table: give its mapping file with --mapping (or put it beside the table as ${path.basename(candidates[0]!)}).`,
    );
  }
  return fs.readFileSync(found, 'utf8');
}

const program = new Command()
  .name('npm run import --')
  .description(
    "Import claims from a benchledger JSON dump, an lm-evaluation-harness results file, a Papers with Code evaluation-tables.json, a CSV, or a paper's LaTeX or Markdown table with a mapping file (see README). Validates the whole file first and writes everything in one transaction, or nothing.",
  )
  .argument('<file>', 'the file to import')
  .addOption(new Option('-f, --format <format>', 'skip detection').choices(IMPORT_FORMATS))
  .option(
    '-m, --mapping <file>',
    'for a .tex or .md table: the YAML or JSON file that names its paper and corrects the suggested mapping',
  )
  .option(
    '-n, --dry-run',
    'print what would be added, already there and skipped; write nothing',
    false,
  )
  .option(
    '--actor <name>',
    'recorded as submitter and in the audit log',
    `cli:${process.env.USER ?? 'unknown'}`,
  )
  .option('--json', 'print the report as JSON', false)
  .option('-v, --verbose', 'list every row in the report', false)
  .option('--max-bytes <n>', 'refuse files larger than this', (v) => Number(v))
  .action(async (file: string, options: Options) => {
    process.exitCode = await importFile(file, options);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof ImportError ? `import failed: ${error.message}` : error);
  process.exitCode = error instanceof ImportError ? 2 : 1;
});
