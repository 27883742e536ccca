import { tableFormatOf } from '../../paste/grid';
import { ImportError, parseJsonText, type ImportFormat, type ParsedImport } from '../import.types';
import { parseClaimsCsv } from './csv';
import { fromLedgerData, looksLikeLedger } from './ledger-json';
import { fromLmEvalData, looksLikeLmEval } from './lm-eval';
import { fromPapersWithCodeData, looksLikePapersWithCode } from './papers-with-code';

/** JSON formats are told apart by their shape; anything that does not start like JSON is CSV. */
export function detectFormat(text: string, fileName = ''): ImportFormat {
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (tableFormatOf(fileName)) return 'table';
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (start !== '{' && start !== '[') {
    if (/\.json$/i.test(fileName)) parseJsonText(text);
    return 'csv';
  }
  const data = parseJsonText(text);
  if (looksLikeLedger(data)) return 'ledger';
  if (looksLikeLmEval(data)) return 'lm-eval';
  if (looksLikePapersWithCode(data)) return 'papers-with-code';
  throw new ImportError(
    'The JSON file is none of the formats we read: a benchledger dump (schemaVersion), lm-evaluation-harness results (results + versions/config) or Papers with Code evaluation tables (a list of tasks with datasets).',
  );
}

/** Any supported file → what it would add; pure: nothing is looked up or written. */
export function parseImportFile(
  text: string,
  options: { fileName?: string; format?: ImportFormat } = {},
): ParsedImport {
  if (!text.trim()) throw new ImportError('The file is empty.');
  const format = options.format ?? detectFormat(text, options.fileName);
  if (format === 'table') {
    throw new ImportError(
      'A LaTeX or Markdown table is imported with a mapping file that names its paper (see the README).',
    );
  }
  if (format === 'csv') return parseClaimsCsv(text);
  const data = parseJsonText(text);
  if (format === 'ledger') return fromLedgerData(data);
  if (format === 'lm-eval') return fromLmEvalData(data);
  return fromPapersWithCodeData(data);
}
