import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { connect } from '../../src/db/connect';
import { ADMIN_ENV, useSeededApp } from '../support/app';
import { createEmptyDatabase, onPostgres, type TestDatabase } from '../support/database';
import { decodeEntities } from '../support/html';
import { csrfTokenIn, signedInAdmin } from '../support/forms';

const ROOT = path.resolve(__dirname, '../..');
const TABLES = path.join(ROOT, 'test/fixtures/paste');
const table = (name: string) => path.join(TABLES, name);

const { app } = useSeededApp({ env: ADMIN_ENV });
let scratch: string;
let cliDatabase: TestDatabase | undefined;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'benchledger-table-import-'));
  if (onPostgres) cliDatabase = await createEmptyDatabase();
});
afterAll(async () => {
  await cliDatabase?.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** `npm run import -- …` in its own process, on this file's Postgres database or a PGlite folder. */
async function importCli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', USER: 'table-test' };
  delete env.DATABASE_URL;
  if (cliDatabase?.config.kind === 'postgres') env.DATABASE_URL = cliDatabase.config.url;
  else env.DATA_DIR = path.join(scratch, 'data');
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  return promisify(execFile)(tsx, ['src/exchange/cli.ts', ...args], { cwd: ROOT, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: unknown) => e as { code: number; stdout: string; stderr: string },
  );
}

async function cliClaims() {
  const connection =
    cliDatabase ?? (await connect({ kind: 'pglite', dataDir: path.join(scratch, 'data') }));
  try {
    return await connection.db
      .selectFrom('claim as c')
      .innerJoin('model as m', 'm.id', 'c.model_id')
      .innerJoin('paper as p', 'p.id', 'c.paper_id')
      .select(['m.name as model', 'c.status', 'c.locator', 'c.role', 'p.arxiv_id as arxivId'])
      .execute();
  } finally {
    if (!cliDatabase) await connection.close();
  }
}

/** A copy of a fixture table beside a mapping file written for the test. */
function tableWithMapping(name: string, mapping: string): string {
  const copy = path.join(scratch, name);
  fs.copyFileSync(table(name), copy);
  fs.writeFileSync(copy.replace(/\.[a-z]+$/, '.mapping.yaml'), mapping);
  return copy;
}

describe('npm run import with a paper table and its mapping file', () => {
  test('when the BERT table is imported with the mapping file beside it, then the dry run lists the claims, the import writes them approved, and a second import adds nothing', async () => {
    const dry = await importCli(table('bert-glue-test.tex'), '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      "A paper's table (LaTeX or Markdown) with a mapping file: would add 40 claim(s), 0 already in the ledger, 0 skipped",
    );
    expect(await cliClaims()).toEqual([]);

    const first = await importCli(table('bert-glue-test.tex'));
    expect(first.code).toBe(0);
    const claims = await cliClaims();
    expect(claims).toHaveLength(40);
    expect(claims.filter((c) => c.model === 'Pre-OpenAI SOTA')).toEqual([]);
    expect(
      claims.every(
        (c) => c.status === 'approved' && c.locator === 'Table 1' && c.arxivId === '1810.04805',
      ),
    ).toBe(true);
    expect(
      claims
        .filter((c) => c.role === 'proposed')
        .map((c) => c.model)
        .sort(),
    ).toEqual([...Array(10).fill('BERT BASE'), ...Array(10).fill('BERT LARGE')]);

    const second = await importCli(table('bert-glue-test.tex'), '--json');
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report.added).toHaveLength(0);
    expect(report.alreadyPresent).toHaveLength(40);
  });

  test('when a table has no mapping file, or the mapping file names what the table lacks, then the CLI exits 2 with every reason and writes nothing', async () => {
    const before = (await cliClaims()).length;
    const alone = path.join(scratch, 'alone.md');
    fs.copyFileSync(table('adalora-glue-dev.md'), alone);
    const missing = await importCli(alone);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'import failed: alone.md is a table: give its mapping file with --mapping (or put it beside the table as alone.mapping.yaml).',
    );

    const wrong = tableWithMapping(
      'adalora-glue-dev.md',
      [
        'paper:',
        '  arxivId: 2303.10512',
        'setting:',
        '  split: sometimes',
        'columns:',
        '  "MNLI x": skip',
        '  "SST-2 Acc": { benchmark: glue-sst2, metric: mcc }',
        'colour: blue',
      ].join('\n'),
    );
    const unknown = await importCli(wrong);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('import failed: The mapping file has fields we do not read');
    expect(unknown.stderr).toMatch(/- form: Unrecognized key: "colour"/);

    fs.writeFileSync(
      wrong.replace(/\.md$/, '.mapping.yaml'),
      fs.readFileSync(wrong.replace(/\.md$/, '.mapping.yaml'), 'utf8').replace('colour: blue', ''),
    );
    const mapped = await importCli(wrong);
    expect(mapped.code).toBe(2);
    expect(mapped.stderr).toContain('import failed: The table cannot be mapped:');
    expect(mapped.stderr).toMatch(/- columns: no column is "MNLI x"; give its number \(1 to 11\)/);
    expect(mapped.stderr).toContain('- Column 4, Metric: Choose a metric of SST-2: Accuracy.');
    expect(mapped.stderr).toContain('- Split: Choose test, dev or unknown.');
    expect(mapped.stderr).toContain(
      '- paper.title: the paper is not in the ledger; give its title (and arxivId if it has one)',
    );
    expect((await cliClaims()).length).toBe(before);
  });
});

describe('the admin import page with a paper table', () => {
  test("when the admin uploads the BERT table with its mapping file, then the preview counts the seed ledger's claims as present and confirming adds the rest", async () => {
    const { agent, token } = await signedInAdmin(app);
    const withoutMapping = await agent
      .post('/admin/import')
      .field('_csrf', token)
      .attach('file', table('bert-glue-test.tex'));
    expect(withoutMapping.status).toBe(422);
    expect(decodeEntities(withoutMapping.text)).toContain(
      'bert-glue-test.tex: A LaTeX or Markdown table needs its mapping file (YAML or JSON) beside it',
    );

    const preview = await agent
      .post('/admin/import')
      .field('_csrf', token)
      .attach('file', table('bert-glue-test.tex'))
      .attach('mapping', table('bert-glue-test.mapping.yaml'));
    expect(preview.status).toBe(200);
    const text = decodeEntities(preview.text);
    expect(text).toContain(
      '<strong>20</strong> claims will be added, <strong>20</strong> are already in the ledger, <strong>0</strong> skipped.',
    );
    expect(text).toContain(
      "bert-glue-test.tex · A paper's table (LaTeX or Markdown) with a mapping file",
    );
    const confirmToken = /name="token" value="([^"]+)"/.exec(preview.text)![1]!;
    const confirmed = await agent
      .post('/admin/import/confirm')
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text), token: confirmToken });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.location).toBe('/admin/import?added=20&already=20&skipped=0');
  });
});
