import { Router, type Request, type Response } from 'express';
import { requireAdmin } from '../auth/require-admin';
import { loadCatalogue } from '../benchmarks/benchmark.repository';
import { toFormValues, type FormValues } from '../claims/claim.mappers';
import type { DB } from '../db/database';
import { bodyFields } from '../http/body';
import { errorSummary, fieldErrors } from '../http/form';
import { HttpError } from '../http/http-error';
import { fieldLabel, rowControls, summaryOf } from '../submissions/submission.form';
import { listBenchmarkOptions, listModelNames } from '../submissions/submission.repository';
import { echoValues } from '../submissions/submission.schema';
import { describeEvent, noticeFrom } from './audit.presenter';
import {
  auditEventsForClaim,
  findClaimView,
  pendingClaims,
  recentAuditEvents,
  type QueuedClaim,
} from './moderation.repository';
import {
  claimIdParam,
  editSchema,
  optionalReasonSchema,
  requiredReasonSchema,
} from './moderation.schema';
import { approveSubmission, editClaim, reviewClaim, type Review } from './moderation.service';

const DONE: Record<Review, string> = {
  approve: 'approved',
  reject: 'rejected',
  retract: 'retracted',
};

function idOf(req: Request, name = 'id'): number {
  const parsed = claimIdParam.safeParse(req.params[name]);
  if (!parsed.success) throw HttpError.notFound('The claim');
  return parsed.data;
}

function groupBySubmission(claims: QueuedClaim[]) {
  const groups = new Map<
    string,
    { submissionId: number | null; submitter: string; email: string | null; claims: QueuedClaim[] }
  >();
  for (const claim of claims) {
    const key =
      claim.submissionId === null ? `claim-${claim.id}` : `submission-${claim.submissionId}`;
    const group = groups.get(key) ?? {
      submissionId: claim.submissionId,
      submitter: claim.submitter,
      email: claim.submitterEmail,
      claims: [],
    };
    group.claims.push(claim);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const editLabel = (key: string) => {
  const field = key.split('.')[2];
  return field ? fieldLabel(field) : key === 'reason' ? 'Reason' : '';
};

export function moderationRouter(db: DB): Router {
  const router = Router();

  async function renderQueue(res: Response, errors: Record<string, string> = {}, status = 200) {
    const claims = await pendingClaims(db);
    res.status(status).render('moderation/queue', {
      title: 'Moderation queue',
      groups: groupBySubmission(claims),
      count: claims.length,
      errors,
      summary: errorSummary(errors, () => 'Reason'),
      notice: noticeFrom(res.req.query),
    });
  }

  router.get('/moderation', requireAdmin, async (_req, res) => {
    await renderQueue(res);
  });

  const reviews: Array<[Review, typeof optionalReasonSchema | typeof requiredReasonSchema]> = [
    ['approve', optionalReasonSchema],
    ['reject', requiredReasonSchema],
    ['retract', requiredReasonSchema],
  ];
  for (const [review, schema] of reviews) {
    router.post(`/moderation/claims/:id/${review}`, requireAdmin, async (req, res) => {
      const id = idOf(req);
      const parsed = schema.safeParse(req.body ?? {});
      if (!parsed.success) {
        const message = parsed.error.issues[0]?.message ?? 'Give a reason.';
        if (review === 'retract') {
          await renderEdit(req, res, id, { retractReason: message }, 422);
        } else {
          await renderQueue(res, { [`reason-${id}`]: message }, 422);
        }
        return;
      }
      await reviewClaim(db, id, review, parsed.data.reason, { user: res.locals.admin!.user });
      const target = review === 'retract' ? `/claims/${id}/history` : '/moderation';
      res.redirect(303, `${target}?done=${DONE[review]}&id=${id}`);
    });
  }

  router.post('/moderation/submissions/:id/approve', requireAdmin, async (req, res) => {
    const id = idOf(req);
    const parsed = optionalReasonSchema.safeParse(req.body ?? {});
    const reason = parsed.success ? parsed.data.reason : null;
    await approveSubmission(db, id, reason, { user: res.locals.admin!.user });
    res.redirect(303, `/moderation?done=submission&id=${id}`);
  });

  router.get('/moderation/audit', requireAdmin, async (_req, res) => {
    const events = await recentAuditEvents(db);
    res.render('moderation/audit', {
      title: 'Audit log',
      events: events.map(describeEvent),
    });
  });

  async function renderEdit(
    req: Request,
    res: Response,
    id: number,
    state: {
      values?: FormValues;
      errors?: Record<string, string>;
      reason?: string;
      retractReason?: string;
    },
    status = 200,
  ) {
    const claim = await findClaimView(db, id);
    if (!claim) throw HttpError.notFound('The claim');
    const [catalogue, benchmarks, modelNames] = await Promise.all([
      loadCatalogue(db),
      listBenchmarkOptions(db),
      listModelNames(db),
    ]);
    const errors = state.errors ?? {};
    const retractErrors: Record<string, string> = state.retractReason
      ? { 'retract-reason': state.retractReason }
      : {};
    res.status(status).render('claims/edit', {
      title: `Edit claim #${id}`,
      claim,
      controls: rowControls('0', state.values ?? toFormValues(claim), errors, {
        catalogue,
        benchmarks,
      }),
      modelNames,
      errors: { ...errors, ...retractErrors },
      summary: [
        ...summaryOf(errors, editLabel),
        ...errorSummary(retractErrors, () => 'Reason for retracting'),
      ],
      reason: state.reason ?? '',
      path: req.originalUrl,
    });
  }

  router.get('/claims/:id/edit', requireAdmin, async (req, res) => {
    await renderEdit(req, res, idOf(req), {});
  });

  router.post('/claims/:id/edit', requireAdmin, async (req, res) => {
    const id = idOf(req);
    const echoed = echoValues(req.body);
    const values = echoed.rows[0]?.[1];
    const body = bodyFields(req);
    const reason = typeof body.reason === 'string' ? body.reason.slice(0, 1000) : '';
    const parsed = editSchema.safeParse(body);
    if (!parsed.success) {
      await renderEdit(req, res, id, { values, errors: fieldErrors(parsed.error), reason }, 422);
      return;
    }
    const outcome = await editClaim(db, id, parsed.data.rows[0], parsed.data.reason, {
      user: res.locals.admin!.user,
    });
    if (outcome.kind === 'invalid') {
      const errors = Object.fromEntries(
        Object.entries(outcome.errors).map(([field, message]) => [`rows.0.${field}`, message]),
      );
      await renderEdit(req, res, id, { values, errors, reason }, 422);
      return;
    }
    res.redirect(303, `/claims/${id}/history?done=saved&id=${id}`);
  });

  router.get('/claims/:id/history', async (req, res) => {
    const id = idOf(req);
    const claim = await findClaimView(db, id);
    // Pending and rejected claims are seen by moderators and, through their link, the submitter.
    const visible = claim && (res.locals.admin || ['approved', 'retracted'].includes(claim.status));
    if (!claim || !visible) throw HttpError.notFound('The claim');
    const events = await auditEventsForClaim(db, id);
    res.render('claims/history', {
      title: `History of claim #${id}`,
      claim,
      events: events.map(describeEvent),
      notice: noticeFrom(req.query),
    });
  });

  return router;
}
