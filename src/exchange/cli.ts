import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Command, Option } from 'commander';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { seedCatalogue } from '../db/seed';
import { parseImportFile } from './formats/detect';
import { formatImportReport } from './import.report';
import { runImport } from './import.service';
import { IMPORT_FORMATS, ImportError, type ImportFormat } from './import.types';

/** Files with more claims than this get a progress bar (on a terminal). */
const PROGRESS_FROM = 500;

interface Options {
  format?: ImportFormat;
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
  const parsed = parseImportFile(fs.readFileSync(file, 'utf8'), {
    fileName: path.basename(file),
    format: options.format,
  });
  const total = parsed.bundles.reduce((n, b) => n + b.claims.length, 0);
  const bar =
    total >= PROGRESS_FROM && process.stderr.isTTY && !options.json
      ? new SingleBar(
          { format: 'importing [{bar}] {value}/{total} claims', stream: process.stderr },
          Presets.shades_classic,
        )
      : null;
  const connection = await connect(config.database);
  try {
    await migrateToLatest(connection.db);
    await seedCatalogue(connection.db);
    bar?.start(total, 0);
    const report = await runImport(connection.db, parsed, {
      actor: options.actor,
      dryRun: options.dryRun,
      fileName: path.basename(file),
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

const program = new Command()
  .name('npm run import --')
  .description(
    'Import claims from a benchledger JSON dump, an lm-evaluation-harness results file, a Papers with Code evaluation-tables.json or a CSV (see README). Validates the whole file first and writes everything in one transaction, or nothing.',
  )
  .argument('<file>', 'the file to import')
  .addOption(new Option('-f, --format <format>', 'skip detection').choices(IMPORT_FORMATS))
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
