import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const DOCS = path.resolve(__dirname, '../../docs');

/** The JSON Schemas in docs/, compiled once: every export is checked against its schema. */
export function schemaValidator(file: 'ledger.schema.json' | 'export.schema.json') {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(DOCS, file), 'utf8')));
  return (data: unknown): string[] =>
    validate(data)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
}
