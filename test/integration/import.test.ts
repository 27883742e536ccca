import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { countApprovedClaims } from '../../src/claims/claim.repository';
import { parseImportFile } from '../../src/exchange/formats/detect';
import { runImport } from '../../src/exchange/import.service';
import { ImportError } from '../../src/exchange/import.types';
import { buildTestApp, useMigratedApp, useSeededApp } from '../support/app';
import type { TestDatabase } from '../support/database';
import { schemaValidator } from '../support/schemas';

const fixture = (name: string) =>
  fs.readFileSync(path.resolve(__dirname, '../fixtures', name), 'utf8');
const validLedger = schemaValidator('ledger.schema.json');

const { database: source } = useSeededApp();
const { database: target } = useMigratedApp();

const importText = async (db: TestDatabase, text: string, fileName: string, dryRun = false) =>
  runImport(db.db, parseImportFile(text, { fileName }), { actor: 'test-admin', dryRun, fileName });

const auditCount = async (db: TestDatabase) => {
  const { n } = await db.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return n;
};

interface DumpClaim {
  paper: number;
  id: number;
  submitter: string;
  createdAt: string;
  reviewedAt: string | null;
  [key: string]: unknown;
}
interface Dump {
  papers: { ref: number; [key: string]: unknown }[];
  models: unknown[];
  claims: DumpClaim[];
}

/** A dump's claims without what the importing ledger assigns itself (ids, times, submitter). */
function comparable(dump: Dump) {
  const papers = new Map(dump.papers.map(({ ref, ...p }) => [ref, p]));
  return dump.claims
    .map(({ id: _id, paper, submitter: _s, createdAt: _c, reviewedAt: _r, ...claim }) =>
      JSON.stringify({ paper: papers.get(paper), ...claim }),
    )
    .sort();
}

describe('own JSON round trip', () => {
  test('when the full dump is imported into an empty ledger and dumped again, then the claims, papers and models are the same', async () => {
    const first = await request(buildTestApp(source)).get('/export/ledger.json').expect(200);
    const before: Dump = JSON.parse(first.text);
    expect(await countApprovedClaims(target.db)).toBe(0);

    const report = await importText(target, first.text, 'ledger.json');
    expect(report.added).toHaveLength(before.claims.length);
    expect(report.skipped).toEqual([]);

    const second = await request(buildTestApp(target)).get('/export/ledger.json').expect(200);
    const after: Dump = JSON.parse(second.text);
    expect(validLedger(after)).toEqual([]);
    expect(comparable(after)).toEqual(comparable(before));
    const papers = (d: Dump) => d.papers.map(({ ref: _ref, ...p }) => JSON.stringify(p)).sort();
    expect(papers(after)).toEqual(papers(before));
    const models = (d: Dump) => d.models.map((m) => JSON.stringify(m)).sort();
    expect(models(after)).toEqual(models(before));
    expect(after.claims.every((c) => c.submitter === 'test-admin')).toBe(true);
  });

  test('when the same dump is imported twice, then the second import adds nothing and writes no audit event', async () => {
    const dump = (await request(buildTestApp(source)).get('/export/ledger.json')).text;
    const claims = await countApprovedClaims(target.db);
    const events = await auditCount(target);
    const report = await importText(target, dump, 'ledger.json');
    expect(report.added).toHaveLength(0);
    expect(report.alreadyPresent.length).toBe(claims);
    expect(await countApprovedClaims(target.db)).toBe(claims);
    expect(await auditCount(target)).toBe(events);
  });
});

describe('lm-evaluation-harness import', () => {
  const { database: db } = useMigratedApp();

  test('when an MMLU run is imported, then its claims are approved, audited as imports and appear on the leaderboards', async () => {
    const report = await importText(db, fixture('lm-eval-mmlu.json'), 'results.json');
    expect(report.added).toHaveLength(57 + 3);
    const run = await db.db
      .selectFrom('paper')
      .selectAll()
      .where('kind', '=', 'run')
      .executeTakeFirstOrThrow();
    expect(run.run_details).toMatchObject({
      model: 'meta-llama/Llama-2-7b-hf',
      harnessVersion: '5c3e8f2',
    });
    const audit = await db.db
      .selectFrom('audit_event')
      .select(['action', 'actor'])
      .distinct()
      .execute();
    expect(audit).toEqual([{ action: 'import', actor: 'test-admin' }]);
    const app = buildTestApp(db);
    const anatomy = await request(app).get('/benchmarks/mmlu-anatomy.json').expect(200);
    expect(anatomy.body.rows).toHaveLength(1);
    expect(anatomy.body.rows[0].claim).toMatchObject({
      model: { name: 'meta-llama/Llama-2-7b-hf' },
      setting: { split: 'test', nShot: 5, adaptation: 'in_context' },
    });
    const suite = await request(app).get('/benchmarks/mmlu.json').expect(200);
    expect(suite.body.rows[0].published[0]).toMatchObject({ recipe: 'mmlu-average' });
  });

  test('when the GLUE run is imported, then GLUE tasks and both gsm8k variants are on their leaderboards', async () => {
    const report = await importText(db, fixture('lm-eval-glue.json'), 'glue.json');
    expect(report.added.length).toBe(11 + 2);
    const gsm8k = await request(buildTestApp(db)).get('/benchmarks/gsm8k.json').expect(200);
    expect(
      gsm8k.body.rows
        .map((r: { claim: { setting: { variant: string } } }) => r.claim.setting.variant)
        .sort(),
    ).toEqual(['flexible-extract', 'strict-match']);
    const glue = await request(buildTestApp(db)).get('/benchmarks/glue.json?split=dev').expect(200);
    expect(glue.body.rows[0].official.complete).toBe(false);
    expect(Object.keys(glue.body.rows[0].cells)).toContain('glue-cola/mcc');
  });

  test('when the old flat file is imported twice, then the second time adds nothing', async () => {
    const first = await importText(db, fixture('lm-eval-old-flat.json'), 'old.json');
    expect(first.added).toHaveLength(6);
    const second = await importText(db, fixture('lm-eval-old-flat.json'), 'old.json');
    expect(second.added).toHaveLength(0);
    expect(second.alreadyPresent).toHaveLength(6);
  });
});

describe('Papers with Code and CSV imports', () => {
  const { database: db } = useSeededApp();

  test('when PwC tables are imported into a seeded ledger, then mapped rows join existing papers by arXiv id and the rest are reported', async () => {
    const bert = await db.db
      .selectFrom('paper')
      .select('id')
      .where('arxiv_id', '=', '1810.04805')
      .executeTakeFirstOrThrow();
    const report = await importText(
      db,
      fixture('pwc-evaluation-tables.json'),
      'evaluation-tables.json',
    );
    expect(report.added.length).toBeGreaterThanOrEqual(7);
    expect(report.skipped.map((s) => s.reason).join('\n')).toMatch(/SQuAD1\.1/);
    const claims = await db.db
      .selectFrom('claim')
      .select('paper_id')
      .where('paper_id', '=', bert.id)
      .where('submitter', '=', 'test-admin')
      .execute();
    expect(claims).toHaveLength(2);
  });

  test('when a paper’s CSV table is previewed, then nothing is written; when committed, it is on the GLUE leaderboard', async () => {
    const claims = await countApprovedClaims(db.db);
    const preview = await importText(db, fixture('paper-table.csv'), 'table.csv', true);
    expect(preview.dryRun).toBe(true);
    expect(preview.added).toHaveLength(11);
    expect(preview.skipped).toEqual([
      expect.objectContaining({ where: 'row 13', reason: expect.stringMatching(/squad-v1/) }),
    ]);
    expect(await countApprovedClaims(db.db)).toBe(claims);
    const commit = await importText(db, fixture('paper-table.csv'), 'table.csv');
    expect(commit.added).toHaveLength(11);
    const glue = await request(buildTestApp(db)).get('/benchmarks/glue.json?split=dev').expect(200);
    const roberta = glue.body.rows.find(
      (r: { model: { name: string } }) => r.model.name === 'RoBERTa-large',
    );
    expect(roberta.cells['glue-cola/mcc']).toMatchObject({ value: 68 });
    expect(roberta.official.missing).toContain('glue-mrpc (f1)');
  });
});

describe('malformed files write nothing', () => {
  const { database: db } = useMigratedApp();

  const cases: [string, string, string, RegExp][] = [
    ['truncated JSON', 'a.json', fixture('lm-eval-mmlu.json').slice(0, 5000), /not valid JSON/],
    [
      'wrong types in our own JSON',
      'a.json',
      JSON.stringify({
        schemaVersion: 1,
        papers: [
          {
            ref: 1,
            kind: 'paper',
            arxivId: null,
            title: 'T',
            authors: [],
            publishedOn: null,
            datePrecision: 'day',
            venue: null,
            url: null,
          },
        ],
        claims: [
          {
            paper: 1,
            model: 'M',
            benchmark: 'glue-cola',
            metric: 'mcc',
            recipe: null,
            value: '60',
            stderr: null,
            setting: {},
            role: 'proposed',
            provenance: {},
          },
        ],
      }),
      /claims\[0\]\.value/,
    ],
    [
      'only unknown benchmarks',
      'a.csv',
      'paper_title,model,benchmark,metric,value\nP,X,imagenet,accuracy,80\nP,X,squad,f1,90\n',
      /Nothing in this file maps onto the catalogue.*imagenet/s,
    ],
    [
      'a value of the wrong size',
      'a.csv',
      `paper_title,model,benchmark,metric,value,variant\nP,X,glue-cola,mcc,60,${'v'.repeat(300)}\n`,
      /row 2: variant/,
    ],
    ['an empty file', 'a.json', '  ', /empty/],
  ];
  test.each(cases)(
    'when the file has %s, then the import fails clearly and nothing is written',
    async (_name, fileName, text, message) => {
      const before = await auditCount(db);
      await expect(importText(db, text, fileName)).rejects.toThrow(ImportError);
      await expect(importText(db, text, fileName)).rejects.toThrow(message);
      expect(await auditCount(db)).toBe(before);
      expect(await countApprovedClaims(db.db)).toBe(0);
    },
  );

  test('when one row fails after others were written, then the transaction rolls back every row', async () => {
    const csv = 'paper_title,model,benchmark,metric,value\nRollback paper,X,glue-cola,mcc,60\n';
    const parsed = parseImportFile(csv, { fileName: 'a.csv' });
    parsed.bundles.push({
      ...parsed.bundles[0]!,
      paper: { ...parsed.bundles[0]!.paper, title: 'Second', url: 'ftp://nope' },
    });
    await expect(runImport(db.db, parsed, { actor: 't', dryRun: false })).rejects.toThrow(
      /must start with http/,
    );
    expect(
      await db.db.selectFrom('paper').select('id').where('title', '=', 'Rollback paper').execute(),
    ).toEqual([]);
  });
});
