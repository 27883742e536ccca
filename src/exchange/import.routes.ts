import { Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { requireAdmin } from '../auth/require-admin';
import type { Config } from '../config';
import type { DB } from '../db/database';
import { verifyCsrf } from '../http/csrf';
import { readTableImport } from '../paste/table-import';
import { detectFormat, parseImportFile } from './formats/detect';
import { runImport, type ImportReport } from './import.service';
import { FORMAT_LABELS, IMPORT_FORMATS, ImportError } from './import.types';
import { PendingImports } from './pending-imports';

const uploadFields = z.object({
  format: z.enum(['auto', ...IMPORT_FORMATS]).catch('auto'),
});
const confirmFields = z.object({ token: z.string().min(10).max(100) });
const doneQuery = z.object({
  added: z.coerce.number().int().min(0).catch(0),
  already: z.coerce.number().int().min(0).catch(0),
  skipped: z.coerce.number().int().min(0).catch(0),
});

/** How many rows of each list the preview prints; the counts are always complete. */
const SHOWN = 200;

export function importRouter(db: DB, config: Config, pending = new PendingImports()): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: config.maxUploadBytes, files: 2, fields: 5 },
  }).fields([
    { name: 'file', maxCount: 1 },
    { name: 'mapping', maxCount: 1 },
  ]);

  const renderForm = (res: Response, status: number, extra: Record<string, unknown> = {}) =>
    res.status(status).render('exchange/import', {
      title: 'Import',
      formats: IMPORT_FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] })),
      maxUploadBytes: config.maxUploadBytes,
      error: null,
      problems: [],
      done: null,
      // Not `format`: that name is the formatting helpers every view has (app.locals).
      chosenFormat: 'auto',
      ...extra,
    });

  /** Multer's size and count errors become the form again with a message, not an error page. */
  const receiveFile: RequestHandler = (req, res, next) => {
    upload(req, res, (error: unknown) => {
      if (!error) return next();
      if (error instanceof multer.MulterError) {
        const tooLarge = error.code === 'LIMIT_FILE_SIZE';
        return renderForm(res, tooLarge ? 413 : 400, {
          error: tooLarge
            ? `The file is larger than the upload limit of ${config.maxUploadBytes} bytes (MAX_UPLOAD_BYTES); import it with npm run import instead.`
            : `The upload could not be read: ${error.message}.`,
        });
      }
      next(error);
    });
  };

  router.get('/admin/import', requireAdmin, (req, res) => {
    const done = Object.keys(req.query).length ? doneQuery.parse(req.query) : null;
    renderForm(res, 200, { done });
  });

  router.post('/admin/import', requireAdmin, receiveFile, verifyCsrf, async (req: Request, res) => {
    const { format } = uploadFields.parse(req.body ?? {});
    const files = (req.files ?? {}) as Record<string, Express.Multer.File[] | undefined>;
    const [file] = files.file ?? [];
    const [mapping] = files.mapping ?? [];
    if (!file || file.size === 0) {
      renderForm(res, 422, { error: 'Choose a file to import.', chosenFormat: format });
      return;
    }
    const fileName = file.originalname.slice(0, 200);
    try {
      const text = file.buffer.toString('utf8');
      const chosen = format === 'auto' ? detectFormat(text, fileName) : format;
      if (chosen === 'table' && !mapping) {
        throw new ImportError(
          'A LaTeX or Markdown table needs its mapping file (YAML or JSON) beside it: choose it under "Mapping file".',
        );
      }
      const parsed =
        chosen === 'table'
          ? await readTableImport(db, text, mapping!.buffer.toString('utf8'), fileName)
          : parseImportFile(text, { fileName, format: chosen });
      const report = await runImport(db, parsed, {
        actor: res.locals.admin!.user,
        dryRun: true,
        fileName,
      });
      const token = pending.put(parsed, fileName, res.locals.admin!.sid);
      res.render('exchange/preview', {
        title: 'Import preview',
        ...previewLocals(report),
        fileName,
        token,
      });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      const [message = error.message] = error.message.split('\n');
      renderForm(res, 422, {
        error: `${fileName}: ${message}`,
        problems: error.problems,
        chosenFormat: format,
      });
    }
  });

  router.post('/admin/import/confirm', requireAdmin, async (req, res) => {
    const body = confirmFields.safeParse(req.body);
    const entry = body.success ? pending.take(body.data.token, res.locals.admin!.sid) : undefined;
    if (!entry) {
      renderForm(res, 409, {
        error: 'This preview has expired or was already imported; upload the file again.',
      });
      return;
    }
    try {
      const report = await runImport(db, entry.parsed, {
        actor: res.locals.admin!.user,
        dryRun: false,
        fileName: entry.fileName,
      });
      res.redirect(
        303,
        `/admin/import?added=${report.added.length}&already=${report.alreadyPresent.length}&skipped=${report.skipped.length}`,
      );
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      renderForm(res, 422, { error: error.message.split('\n')[0], problems: error.problems });
    }
  });

  return router;
}

function previewLocals(report: ImportReport) {
  return {
    report,
    formatLabel: FORMAT_LABELS[report.format],
    added: report.added.slice(0, SHOWN),
    alreadyPresent: report.alreadyPresent.slice(0, SHOWN),
    skipped: report.skipped.slice(0, SHOWN * 5),
    shown: SHOWN,
  };
}
