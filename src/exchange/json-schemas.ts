/**
 * `npm run schemas` writes docs/*.schema.json from the contract; `npm run schemas:check` fails
 * (exit 1) when a committed file differs from what the contract generates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { jsonSchemaFiles } from './exchange.contract';

const DOCS = path.resolve(__dirname, '../../docs');

/** The files whose committed content differs from the generated one. */
export function staleSchemaFiles(dir = DOCS): string[] {
  return Object.entries(jsonSchemaFiles())
    .filter(([name, schema]) => {
      const file = path.join(dir, name);
      return (
        !fs.existsSync(file) ||
        !isDeepStrictEqual(JSON.parse(fs.readFileSync(file, 'utf8')), schema)
      );
    })
    .map(([name]) => name);
}

async function write(dir = DOCS): Promise<void> {
  // Formatted as the rest of the repository, so `prettier --check` passes on the written files.
  const prettier = await import('prettier');
  for (const [name, schema] of Object.entries(jsonSchemaFiles())) {
    const file = path.join(dir, name);
    const options = (await prettier.resolveConfig(file)) ?? {};
    fs.writeFileSync(
      file,
      await prettier.format(JSON.stringify(schema), { ...options, parser: 'json', filepath: file }),
    );
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const stale = staleSchemaFiles();
    if (stale.length) {
      console.error(
        `${stale.join(', ')} ${stale.length === 1 ? 'differs' : 'differ'} from the contract: run npm run schemas and commit the result.`,
      );
      process.exit(1);
    }
    console.log('docs/*.schema.json match the contract.');
  } else {
    write().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  }
}
