import { Router, type RequestHandler, type Response } from 'express';
import type { DB } from '../db/database';
import { errorSummary } from '../http/form';
import { listBenchmarkOptions, listModelNames } from '../submissions/submission.repository';
import { echoValues, type PaperFieldName } from '../submissions/submission.schema';
import { FORMAT_NAMES, PasteError, TABLE_FORMATS, type Grid, type TableFormat } from './grid';
import { readMappingForm, record, validateMapping, type Mapping } from './mapping';
import { parseTable } from './parse-table';
import {
  isClean,
  loadPasteContext,
  normaliseArxivId,
  reviewPaste,
  submitPaste,
  type PasteContext,
  type PasteReview,
} from './paste.service';
import {
  FORMAT_CHOICES,
  hiddenFields,
  mappingPage,
  pasteLabel,
  previewPage,
  reviewSummary,
  type PasteValues,
} from './paste.view';
import { guessHeaderRows, suggestMapping } from './suggest';

const BLANK: PasteValues = { table: '', format: 'auto', arxivId: '', locator: '' };
const PREVIEW_ROWS = 8;

function pasteValues(body: Record<string, unknown>): PasteValues {
  const text = (value: unknown, max: number) =>
    typeof value === 'string' ? value.slice(0, max) : '';
  const format = text(body.format, 20);
  return {
    // Kept whole: the reader refuses an over-long paste with its length.
    table: typeof body.table === 'string' ? body.table : '',
    format: (TABLE_FORMATS as readonly string[]).includes(format)
      ? (format as TableFormat)
      : 'auto',
    arxivId: text(body.arxivId, 60),
    locator: text(body.locator, 200),
  };
}

interface Step {
  body: Record<string, unknown>;
  values: PasteValues;
  grid: Grid;
  paper: Record<PaperFieldName, string>;
  context: PasteContext;
}

/** The paste box, the mapping and the preview: each step parses the paste again from the form. */
export function pasteRouter(db: DB, limiter: RequestHandler): Router {
  const router = Router();

  const renderPaste = (res: Response, values: PasteValues, error: PasteError | null) =>
    res.status(error?.status ?? 200).render('submissions/paste', {
      title: 'Paste a results table',
      paste: values,
      pasteError: error?.describe() ?? null,
      formats: FORMAT_CHOICES,
    });

  /** The grid of the posted paste, or null once the paste page has said why it is unreadable. */
  async function readStep(res: Response, rawBody: unknown): Promise<Step | null> {
    const body = record(rawBody);
    const values = pasteValues(body);
    let grid: Grid;
    try {
      grid = parseTable(values.table, values.format);
    } catch (error) {
      if (!(error instanceof PasteError)) throw error;
      renderPaste(res, values, error);
      return null;
    }
    const paper = echoValues(body).paper;
    const context = await loadPasteContext(db, grid, {
      arxivId: normaliseArxivId(paper.arxivId),
      title: paper.title,
    });
    return { body, values, grid, paper, context };
  }

  async function renderMapping(
    res: Response,
    step: Step,
    mapping: Mapping,
    errors: Record<string, string>,
    status: number,
    review: PasteReview | null = null,
  ) {
    const [benchmarks, modelNames] = await Promise.all([
      listBenchmarkOptions(db),
      listModelNames(db),
    ]);
    const notes = suggestMapping(step.grid, step.context.suggest, {
      locator: step.values.locator,
    }).notes;
    const page = mappingPage({
      grid: step.grid,
      mapping,
      notes,
      errors,
      context: step.context,
      choices: { catalogue: step.context.catalogue, benchmarks },
      paper: step.paper,
      table: step.values.table,
    });
    const summary = [
      ...errorSummary(
        Object.fromEntries(
          Object.entries(errors).filter(([key]) => !(review && key in review.errors)),
        ),
        pasteLabel,
      ),
      ...(review ? reviewSummary(review, 'mapping') : []),
    ];
    res.status(status).render('submissions/paste-map', {
      title: 'Map the pasted table',
      ...page,
      summary,
      modelNames,
      conflicts: [],
      confirm: false,
    });
  }

  function renderPreview(res: Response, step: Step, mapping: Mapping, review: PasteReview) {
    const clean = isClean(review);
    res.status(clean && !review.errors.confirm ? 200 : 422).render('submissions/paste-preview', {
      title: 'Check the claims before sending them',
      ...previewPage(review, step.context),
      hidden: hiddenFields(mapping, step.paper, step.grid.format),
      table: step.values.table,
      confirm: echoValues(step.body).confirm,
      clean,
    });
  }

  /** The mapping as posted, checked; the mapping page again (422) when it or the paper is wrong. */
  async function reviewStep(res: Response, rawBody: unknown) {
    const step = await readStep(res, rawBody);
    if (!step) return null;
    const mapping = readMappingForm(step.body, step.grid);
    const errors = validateMapping(mapping, step.grid, step.context.catalogue);
    if (Object.keys(errors).length) {
      await renderMapping(res, step, mapping, errors, 422);
      return null;
    }
    const review = await reviewPaste(db, step.grid, mapping, step.context, step.body);
    if (Object.keys(review.errors).length) {
      await renderMapping(res, step, mapping, review.errors, 422, review);
      return null;
    }
    return { step, mapping, review };
  }

  router.get('/submit/table/paste', (_req, res) => {
    renderPaste(res, BLANK, null);
  });

  router.post('/submit/table/paste', async (req, res) => {
    const step = await readStep(res, req.body);
    if (!step) return;
    if (step.body.mapped === 'yes') {
      const mapping = readMappingForm(step.body, step.grid);
      const errors = validateMapping(mapping, step.grid, step.context.catalogue);
      await renderMapping(res, step, mapping, errors, Object.keys(errors).length ? 422 : 200);
      return;
    }
    if (!step.paper.arxivId) step.paper.arxivId = step.values.arxivId;
    const { mapping } = suggestMapping(step.grid, step.context.suggest, {
      locator: step.values.locator,
    });
    await renderMapping(res, step, mapping, {}, 200);
  });

  router.post('/submit/table/paste/preview', async (req, res) => {
    const reviewed = await reviewStep(res, req.body);
    if (!reviewed) return;
    renderPreview(res, reviewed.step, reviewed.mapping, reviewed.review);
  });

  router.post('/submit/table/paste/submit', limiter, async (req, res) => {
    const reviewed = await reviewStep(res, req.body);
    if (!reviewed) return;
    const { step, mapping } = reviewed;
    const outcome = await submitPaste(db, reviewed.review, echoValues(step.body).confirm);
    if (outcome.kind === 'stored') {
      res.redirect(303, `/submissions/${outcome.token}?new=1`);
      return;
    }
    renderPreview(res, step, mapping, outcome.review);
  });

  /** What the paste box's script shows as the user types: the grid's first rows, or the problem. */
  router.post('/submit/table/paste.json', (req, res) => {
    const values = pasteValues(record(req.body));
    try {
      const grid = parseTable(values.table, values.format);
      res.json({
        format: grid.format,
        formatName: FORMAT_NAMES[grid.format],
        rows: grid.rows.length,
        columns: grid.width,
        headerRows: guessHeaderRows(grid),
        preview: grid.rows.slice(0, PREVIEW_ROWS).map((row) => row.cells.map((c) => c.text)),
      });
    } catch (error) {
      if (!(error instanceof PasteError)) throw error;
      res.status(error.status).json({
        error: { code: 'paste_unreadable', message: error.describe(), where: error.where },
      });
    }
  });

  return router;
}
