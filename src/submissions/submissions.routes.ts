import { Router, type RequestHandler, type Response } from 'express';
import { loadCatalogue } from '../benchmarks/benchmark.repository';
import { blankFormValues, type FormValues } from '../claims/claim.mappers';
import type { DB } from '../db/database';
import { fieldErrors } from '../http/form';
import { HttpError } from '../http/http-error';
import { FORMAT_CHOICES } from '../paste/paste.view';
import { paperControls, rowControls, summaryOf, type Choices } from './submission.form';
import { claimsOfSubmission, listBenchmarkOptions, listModelNames } from './submission.repository';
import { echoValues, submissionSchema } from './submission.schema';
import { findSubmissionByToken, submitClaims, type RowConflict } from './submission.service';

export type FormKind = 'claim' | 'table';

const TITLES: Record<FormKind, string> = {
  claim: 'Submit a claim',
  table: "Submit a paper's results table",
};
const BLANK_TABLE_ROWS = 5;
const MAX_BLANK_TABLE_ROWS = 50;

interface FormState {
  values: ReturnType<typeof echoValues>;
  errors: Record<string, string>;
  conflicts: RowConflict[];
}

export function submissionsRouter(db: DB, limiter: RequestHandler): Router {
  const router = Router();

  async function render(res: Response, kind: FormKind, state: FormState, status = 200) {
    const [catalogue, benchmarks, modelNames] = await Promise.all([
      loadCatalogue(db),
      listBenchmarkOptions(db),
      listModelNames(db),
    ]);
    const choices: Choices = { catalogue, benchmarks };
    let rows = state.values.rows;
    if (rows.length === 0) rows = [['0', blankFormValues()]];
    if (kind === 'claim') rows = rows.slice(0, 1);
    res.status(status).render(`submissions/${kind}`, {
      title: TITLES[kind],
      kind,
      summary: summaryOf(state.errors),
      errors: state.errors,
      paper: paperControls(state.values.paper, state.errors),
      rows: rows.map(([key, values]) => ({
        key,
        number: Number(key) + 1,
        controls: rowControls(key, values, state.errors, choices),
      })),
      modelNames,
      conflicts: state.conflicts,
      confirm: state.values.confirm,
      nextRowKey: rows.reduce((max, [key]) => Math.max(max, Number(key)), -1) + 1,
      pasteFormats: FORMAT_CHOICES,
    });
  }

  const blank = (rowCount: number): FormState => ({
    values: {
      paper: {
        arxivId: '',
        title: '',
        authors: '',
        publishedOn: '',
        venue: '',
        url: '',
        submitterName: '',
        submitterEmail: '',
      },
      rows: Array.from({ length: rowCount }, (_, i): [string, FormValues] => [
        String(i),
        blankFormValues(),
      ]),
      confirm: false,
    },
    errors: {},
    conflicts: [],
  });

  router.get('/submit', (_req, res) => {
    res.render('submissions/index', { title: 'Submit results' });
  });

  router.get('/submit/claim', async (_req, res) => {
    await render(res, 'claim', blank(1));
  });

  router.get('/submit/table', async (req, res) => {
    const asked = Number(req.query.rows);
    const count =
      Number.isInteger(asked) && asked > 0
        ? Math.min(asked, MAX_BLANK_TABLE_ROWS)
        : BLANK_TABLE_ROWS;
    await render(res, 'table', blank(count));
  });

  for (const kind of ['claim', 'table'] as const) {
    router.post(`/submit/${kind}`, limiter, async (req, res) => {
      const values = echoValues(req.body);
      const parsed = submissionSchema(new Date()).safeParse(req.body ?? {});
      if (!parsed.success) {
        await render(res, kind, { values, errors: fieldErrors(parsed.error), conflicts: [] }, 422);
        return;
      }
      if (kind === 'claim' && Object.keys(parsed.data.rows).length > 1) {
        const errors = { rows: 'This form takes one claim; use the table form for several.' };
        await render(res, kind, { values, errors, conflicts: [] }, 422);
        return;
      }
      const outcome = await submitClaims(db, parsed.data);
      if (outcome.kind === 'invalid') {
        await render(res, kind, { values, ...outcome }, 422);
        return;
      }
      res.redirect(303, `/submissions/${outcome.token}?new=1`);
    });
  }

  router.get('/submissions/:token', async (req, res) => {
    const submission = await findSubmissionByToken(db, req.params.token);
    if (!submission) throw HttpError.notFound('The submission');
    const claims = await claimsOfSubmission(db, submission.id);
    res.set('Cache-Control', 'no-store');
    res.set('Referrer-Policy', 'no-referrer');
    res.render('submissions/show', {
      title: 'Your submission',
      submission,
      claims,
      justSubmitted: req.query.new === '1',
      link: `${req.protocol}://${req.get('host') ?? 'localhost'}/submissions/${req.params.token}`,
    });
  });

  return router;
}
