import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { connect } from '../../src/db/connect';
import { createEmptyDatabase, onPostgres, type TestDatabase } from '../support/database';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const fixture = (name: string) => path.join(ROOT, 'test/fixtures', name);

let database: TestDatabase | undefined;
let dataDir: string;

/** The CLI runs in its own process: on Postgres against this file's database, else a PGlite folder. */
function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', USER: 'cli-test' };
  delete env.DATABASE_URL;
  if (database?.config.kind === 'postgres') env.DATABASE_URL = database.config.url;
  else env.DATA_DIR = dataDir;
  return env;
}

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, ['src/exchange/cli.ts', ...args], {
      cwd: ROOT,
      env: environment(),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Counts in the CLI's database, opened only while no CLI process holds it. */
async function counts() {
  const connection = database
    ? database
    : await connect({ kind: 'pglite', dataDir: path.join(dataDir) });
  try {
    const claims = await connection.db
      .selectFrom('claim')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const runs = await connection.db
      .selectFrom('paper')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'run')
      .executeTakeFirstOrThrow();
    return { claims: claims.n, runs: runs.n };
  } finally {
    if (!database) await connection.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'benchledger-cli-'));
  if (onPostgres) database = await createEmptyDatabase();
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run import', () => {
  test('when a CSV is imported with --dry-run, then the preview lists added and skipped rows and nothing is written', async () => {
    const result = await cli(fixture('paper-table.csv'), '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('would add 11 claim(s), 0 already in the ledger, 1 skipped');
    expect(result.stdout).toContain('Dry run: nothing was written.');
    expect(result.stdout).toMatch(/row 13: benchmark: "squad-v1" is not a benchmark/);
    expect((await counts()).claims).toBe(0);
  });

  test('when an lm-evaluation-harness run is imported twice, then the second run adds nothing', async () => {
    const first = await cli(fixture('lm-eval-mmlu.json'));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('lm-evaluation-harness results: added 60 claim(s)');
    expect(first.stdout).toMatch(
      /results\.mmlu_stem: the harness’s mmlu_stem group counts anatomy/,
    );
    const second = await cli(fixture('lm-eval-mmlu.json'), '--json');
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report.added).toHaveLength(0);
    expect(report.alreadyPresent).toHaveLength(60);
    expect(await counts()).toEqual({ claims: 60, runs: 1 });
  });

  test('when the file is malformed or too large, then the CLI exits 2 with the reason and writes nothing', async () => {
    const truncated = path.join(dataDir, 'truncated.json');
    fs.writeFileSync(
      truncated,
      fs.readFileSync(fixture('lm-eval-glue.json'), 'utf8').slice(0, 900),
    );
    const bad = await cli(truncated);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/import failed: The file is not valid JSON.*truncated/);
    const big = await cli(fixture('lm-eval-glue.json'), '--max-bytes', '1024');
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/over the limit of 1024 bytes/);
    expect((await counts()).claims).toBe(60);
  });
});
