import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmptyDatabase, onPostgres } from '../support/database';

const ROOT = path.resolve(__dirname, '../..');

function startServer(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  let output = '';
  // node itself with tsx's loader, not the tsx command: that one relays SIGTERM to its child and,
  // when the child does not acknowledge it within 30 ms (a loaded machine), SIGKILLs it (exit 143).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function waitFor(
  check: () => RegExpMatchArray | null,
  timeoutMs = 45_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = check();
    if (match) return match;
    if (Date.now() > deadline) throw new Error('timed out waiting for the server');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the server process', () => {
  test('when started on an empty database, then it migrates, seeds, serves, and stops cleanly on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'benchledger-'));
    const database = onPostgres ? await createEmptyDatabase() : undefined;
    const env =
      database?.config.kind === 'postgres'
        ? { DATABASE_URL: database.config.url }
        : { DATA_DIR: dataDir };
    if (database) await database.close();
    const server = startServer(env);
    try {
      const [, port] = await waitFor(() =>
        /benchledger on http:\/\/localhost:(\d+)/.exec(server.output()),
      );
      expect(server.output()).toContain('empty ledger seeded');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      expect(home).toContain('<strong>166</strong> approved claims');
      if (!database) expect(fs.existsSync(path.join(dataDir, 'benchledger.lock'))).toBe(true);

      const exited = exitOf(server.child);
      server.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(server.output()).toContain('stopped');
      if (!database) expect(fs.existsSync(path.join(dataDir, 'benchledger.lock'))).toBe(false);
    } finally {
      server.child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (database) await database.drop().catch(() => undefined);
    }
  });

  test('when a configuration value is bad, then start-up stops with a message naming it', async () => {
    const server = startServer({ PORT: 'not-a-port', LOG_LEVEL: 'shouty' });
    const code = await exitOf(server.child);
    expect(code).toBe(2);
    expect(server.output()).toMatch(/PORT: /);
    expect(server.output()).toMatch(/LOG_LEVEL: /);
  });

  test('when a second process opens the same embedded data folder, then it refuses with a clear message', async () => {
    if (onPostgres) return;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'benchledger-'));
    fs.writeFileSync(path.join(dataDir, 'benchledger.lock'), String(process.pid));
    const server = startServer({ DATA_DIR: dataDir });
    expect(await exitOf(server.child)).toBe(1);
    expect(server.output()).toMatch(/in use by process \d+/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
