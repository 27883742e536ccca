import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');

interface ComposeService {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
}

describe('deployment files', () => {
  const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };

  test('docker-compose runs the app against a healthy Postgres with a named volume', () => {
    const { app, db } = compose.services;
    expect(db?.image).toMatch(/^postgres:\d+/);
    expect(db?.healthcheck?.test.join(' ')).toContain('pg_isready');
    const [volume] = db?.volumes ?? [];
    expect(Object.keys(compose.volumes)).toContain(volume?.split(':')[0]);
    expect(app?.depends_on?.db?.condition).toBe('service_healthy');
    expect(app?.healthcheck?.test.join(' ')).toContain('/healthz');
    const url = new URL(app!.environment!.DATABASE_URL!);
    expect(url.hostname).toBe('db');
    expect(url.username).toBe(db?.environment?.POSTGRES_USER);
    expect(url.password).toBe(db?.environment?.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${db?.environment?.POSTGRES_DB}`);
  });

  test('the Dockerfile starts the built server that npm run build produces', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(dockerfile).toContain('npm ci');
    expect(dockerfile).toContain('RUN npm run build');
    expect(pkg.scripts.start).toBe('node dist/src/server.js');
    expect(dockerfile).toContain('CMD ["node", "dist/src/server.js"]');
    for (const folder of ['views', 'public']) expect(dockerfile).toContain(`./${folder}`);
  });

  test('the CLIs run from the build, so the runtime dependencies need neither tsx nor typescript', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    const build = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
      include: string[];
    };
    for (const name of ['db:migrate', 'db:rollback', 'db:seed', 'import', 'admin:hash']) {
      const [command, script] = pkg.scripts[name]!.split(' ');
      expect(command).toBe('node');
      // dist/src/db/cli.js is what tsc -p tsconfig.build.json makes of src/db/cli.ts.
      const source = script!.replace(/^dist\//, '').replace(/\.js$/, '.ts');
      expect(fs.existsSync(path.join(ROOT, source))).toBe(true);
      expect(build.include).toContain(source.split('/')[0]);
    }
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.dependencies)).not.toContain('typescript');
  });
});
