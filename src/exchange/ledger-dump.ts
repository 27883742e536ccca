import type { Writable } from 'node:stream';
import type { DB } from '../db/database';
import { LEDGER_KIND, SCHEMA_VERSION } from './exchange.contract';
import {
  approvedClaimPage,
  catalogueBenchmarks,
  catalogueMetrics,
  catalogueRecipes,
  modelPage,
  paperPage,
} from './ledger.repository';

export class DumpAborted extends Error {}

/** Resolves once the stream can take more, or rejects if the reader went away meanwhile. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new DumpAborted('the reader closed the stream'));
    };
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onClose);
  });
}

export interface DumpOptions {
  batchSize?: number;
  now?: Date;
  /** Called after each batch of claims, for progress reports. */
  onClaims?: (written: number) => void;
}

export interface DumpSummary {
  models: number;
  papers: number;
  claims: number;
  bytes: number;
}

/**
 * Writes the whole ledger as one JSON document (schemaVersion 1, docs/ledger.schema.json), one
 * record per line, page by page: it waits for `drain` whenever the stream's buffer is full, so
 * a slow reader holds the dump back instead of the dump filling memory.
 */
export async function writeLedgerDump(
  db: DB,
  out: Writable,
  options: DumpOptions = {},
): Promise<DumpSummary> {
  const batchSize = options.batchSize ?? 1000;
  const summary: DumpSummary = { models: 0, papers: 0, claims: 0, bytes: 0 };
  const write = async (chunk: string) => {
    if (out.destroyed || out.writableEnded) throw new DumpAborted('the reader closed the stream');
    summary.bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await drained(out);
  };
  const section = async (
    name: string,
    first: boolean,
    page: (after: number) => Promise<{ key: number; item: unknown }[]>,
    count?: (n: number) => void,
  ) => {
    await write(`${first ? '' : ',\n'}"${name}": [`);
    let after = 0;
    let n = 0;
    for (;;) {
      const rows = await page(after);
      if (rows.length === 0) break;
      let chunk = '';
      for (const { item } of rows) chunk += `${n++ === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`;
      await write(chunk);
      after = rows[rows.length - 1]!.key;
      count?.(n);
      if (rows.length < batchSize) break;
    }
    await write(n ? '\n]' : ']');
    return n;
  };
  const header = {
    schemaVersion: SCHEMA_VERSION,
    kind: LEDGER_KIND,
    exportedAt: (options.now ?? new Date()).toISOString(),
  };
  await write(`${JSON.stringify(header).slice(0, -1)},\n`);
  const whole = (items: unknown[]) => (after: number) =>
    Promise.resolve(after === 0 ? items.map((item, i) => ({ key: i + 1, item })) : []);
  await section('metrics', true, whole(await catalogueMetrics(db)));
  await section('benchmarks', false, whole(await catalogueBenchmarks(db)));
  await section('recipes', false, whole(await catalogueRecipes(db)));
  summary.models = await section('models', false, async (after) =>
    (await modelPage(db, after, batchSize)).map(({ id, model }) => ({ key: id, item: model })),
  );
  summary.papers = await section('papers', false, async (after) =>
    (await paperPage(db, after, batchSize)).map((p) => ({ key: p.ref, item: p })),
  );
  summary.claims = await section(
    'claims',
    false,
    async (after) =>
      (await approvedClaimPage(db, after, batchSize)).map((c) => ({ key: c.id, item: c })),
    options.onClaims,
  );
  await write('\n}\n');
  return summary;
}
