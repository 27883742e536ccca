import request from 'supertest';
import { ADMIN_ENV, ADMIN_USER, useSeededApp } from '../support/app';
import {
  formBody,
  signedInAdmin,
  tableCounts,
  uniqueName,
  validPaper,
  validRow,
  visitor,
} from '../support/forms';

let admin: Awaited<ReturnType<typeof signedInAdmin>>;

const { database, app } = useSeededApp({ env: ADMIN_ENV, rateLimits: { submissions: 1000 } });

beforeAll(async () => {
  admin = await signedInAdmin(app);
});

/** Submits a table through the public form; returns the new claims' ids and the link. */
async function submitTable(rows: Array<Record<string, string>>, paper = validPaper()) {
  const { agent, token } = await visitor(app, '/submit/table');
  const response = await agent
    .post('/submit/table')
    .type('form')
    .send(formBody({ _csrf: token, ...paper, rows }));
  expect(response.status).toBe(303);
  const link = response.headers.location as string;
  const page = await agent.get(link);
  const ids = await database.db
    .selectFrom('claim')
    .select('id')
    .where('submission_id', '=', (eb) =>
      eb.selectFrom('claim').select(eb.fn.max('submission_id').as('s')),
    )
    .orderBy('id')
    .execute();
  return { ids: ids.map((r) => r.id), link, page, agent };
}

async function status(id: number) {
  return database.db
    .selectFrom('claim')
    .select(['status', 'review_note', 'value', 'reviewed_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function events(id: number) {
  return database.db
    .selectFrom('audit_event')
    .selectAll()
    .where('claim_id', '=', id)
    .orderBy('id')
    .execute();
}

const post = (path: string, fields: Record<string, unknown> = {}) =>
  admin.agent
    .post(path)
    .type('form')
    .send(formBody({ _csrf: admin.token, ...fields }));

describe('the approval queue', () => {
  test('when claims are approved, then they appear on the leaderboard and paper page, with approve events and a history', async () => {
    const model = uniqueName('Approved');
    const { ids } = await submitTable([
      validRow({ model, value: '96.6', locator: 'Table 3' }),
      validRow({ model, benchmark: 'glue-cola', metric: 'mcc', value: '70.2' }),
    ]);
    const queue = await admin.agent.get('/moderation');
    expect(queue.status).toBe(200);
    expect(queue.text).toContain(model);
    expect(queue.text).toContain(`/moderation/claims/${ids[0]}/approve`);
    expect((await request(app).get('/benchmarks/glue-sst2')).text).not.toContain(model);

    const approve = await post(`/moderation/claims/${ids[0]}/approve`);
    expect(approve.status).toBe(303);
    expect(approve.headers.location).toBe(`/moderation?done=approved&id=${ids[0]}`);
    expect((await admin.agent.get(approve.headers.location!)).text).toContain(
      `Claim #${ids[0]} approved.`,
    );

    expect(await status(ids[0]!)).toMatchObject({ status: 'approved', review_note: null });
    expect((await status(ids[1]!)).status).toBe('pending');
    const leaderboard = await request(app).get('/benchmarks/glue-sst2');
    expect(leaderboard.text).toContain(model);
    expect(leaderboard.text).toContain('Table 3');
    expect((await request(app).get('/benchmarks/glue-cola')).text).not.toContain(model);

    const log = await events(ids[0]!);
    expect(log.map((e) => e.action)).toEqual(['submit', 'approve']);
    expect(log[1]).toMatchObject({ actor: ADMIN_USER });
    expect(log[1]!.before).toMatchObject({ status: 'pending' });
    expect(log[1]!.after).toMatchObject({ status: 'approved' });

    const history = await request(app).get(`/claims/${ids[0]}/history`);
    expect(history.status).toBe(200);
    expect(history.text).toContain('<strong>submit</strong>');
    expect(history.text).toContain('<strong>approve</strong> by admin');
    expect(history.text).toMatch(/<th scope="row">status<\/th><td>pending<\/td><td>approved<\/td>/);
  });

  test('when a whole submission is approved at once, then every claim of it is approved in one step', async () => {
    const model = uniqueName('Bulk');
    const { ids, agent, link } = await submitTable([
      validRow({ model, benchmark: 'glue-qnli', value: '93.3' }),
      validRow({ model, benchmark: 'glue-rte', value: '80.1' }),
    ]);
    const submissionId = (
      await database.db
        .selectFrom('claim')
        .select('submission_id')
        .where('id', '=', ids[0]!)
        .executeTakeFirstOrThrow()
    ).submission_id;
    const response = await post(`/moderation/submissions/${submissionId}/approve`);
    expect(response.status).toBe(303);
    for (const id of ids) expect((await status(id)).status).toBe('approved');
    expect((await request(app).get('/benchmarks/glue-rte')).text).toContain(model);
    expect((await agent.get(link.replace('?new=1', ''))).text).toContain('status-approved');
  });

  test('when a claim is rejected with a reason, then it stays off the leaderboard and the submitter sees the reason', async () => {
    const model = uniqueName('Rejected');
    const { ids, agent, link } = await submitTable([validRow({ model, value: '97.9' })]);
    const response = await post(`/moderation/claims/${ids[0]}/reject`, {
      reason: 'Table 2 reports 79.9, not 97.9.',
    });
    expect(response.status).toBe(303);
    expect(await status(ids[0]!)).toMatchObject({
      status: 'rejected',
      review_note: 'Table 2 reports 79.9, not 97.9.',
    });
    expect((await request(app).get('/benchmarks/glue-sst2?split=all')).text).not.toContain(model);
    const mine = await agent.get(link);
    expect(mine.text).toContain('status-rejected');
    expect(mine.text).toContain('Table 2 reports 79.9, not 97.9.');
    const log = await events(ids[0]!);
    expect(log.at(-1)).toMatchObject({
      action: 'reject',
      reason: 'Table 2 reports 79.9, not 97.9.',
    });
    // The history of a rejected claim is for moderators only.
    expect((await request(app).get(`/claims/${ids[0]}/history`)).status).toBe(404);
    expect((await admin.agent.get(`/claims/${ids[0]}/history`)).text).toContain(
      '<strong>reject</strong>',
    );
  });

  test('when a rejection has no reason, then the queue is re-rendered with 422 and the claim stays pending', async () => {
    const { ids } = await submitTable([validRow({ model: uniqueName('NoReason') })]);
    const before = await tableCounts(database.db);
    const response = await post(`/moderation/claims/${ids[0]}/reject`, { reason: '   ' });
    expect(response.status).toBe(422);
    expect(response.text).toContain(`href="#reason-${ids[0]}"`);
    expect(response.text).toMatch(new RegExp(`id="reason-${ids[0]}"[^>]*aria-invalid="true"`));
    expect((await status(ids[0]!)).status).toBe('pending');
    expect(await tableCounts(database.db)).toEqual(before);
  });

  test('when an approved claim is rejected, then the request conflicts and nothing changes', async () => {
    const { ids } = await submitTable([validRow({ model: uniqueName('Twice') })]);
    await post(`/moderation/claims/${ids[0]}/approve`);
    const before = await tableCounts(database.db);
    const response = await post(`/moderation/claims/${ids[0]}/reject`, { reason: 'Too late' });
    expect(response.status).toBe(409);
    expect((await status(ids[0]!)).status).toBe('approved');
    expect(await tableCounts(database.db)).toEqual(before);
  });

  test('when a claim does not exist, then reviewing it is a 404', async () => {
    expect((await post('/moderation/claims/99999999/approve')).status).toBe(404);
    expect((await post('/moderation/claims/abc/approve')).status).toBe(404);
  });

  test('when the audit log is opened, then it lists the latest events with their reasons', async () => {
    const page = await admin.agent.get('/moderation/audit');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Table 2 reports 79.9, not 97.9.');
    expect(page.text).not.toContain('<td>seed</td>');
  });
});

describe('editing and retracting', () => {
  test('when an admin edits a claim, then the new values are stored and the edit event keeps before, after and why', async () => {
    const model = uniqueName('Edited');
    const { ids } = await submitTable([validRow({ model, value: '88.8' })]);
    await post(`/moderation/claims/${ids[0]}/approve`);
    const form = await admin.agent.get(`/claims/${ids[0]}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="88.8"');

    const response = await post(`/claims/${ids[0]}/edit`, {
      rows: [validRow({ model, value: '89.8', locator: 'Table 4' })],
      reason: 'Typo: the paper says 89.8.',
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/claims/${ids[0]}/history?done=saved&id=${ids[0]}`);
    expect(await status(ids[0]!)).toMatchObject({ status: 'approved', value: 89.8 });
    const edit = (await events(ids[0]!)).at(-1)!;
    expect(edit).toMatchObject({
      action: 'edit',
      actor: ADMIN_USER,
      reason: 'Typo: the paper says 89.8.',
    });
    expect(edit.before).toMatchObject({ value: 88.8, locator: 'Table 2' });
    expect(edit.after).toMatchObject({ value: 89.8, locator: 'Table 4' });
    const history = await request(app).get(`/claims/${ids[0]}/history`);
    expect(history.text).toMatch(/<th scope="row">value<\/th><td>88.8<\/td><td>89.8<\/td>/);
    expect(history.text).toContain('Typo: the paper says 89.8.');
  });

  test.each([
    ['an out-of-range value', { value: '0.5' }, 'Typo', 'rows-0-value', 'looks like a proportion'],
    [
      'a metric of another benchmark',
      { metric: 'mcc' },
      'Typo',
      'rows-0-metric',
      'not a metric of SST-2',
    ],
    ['no reason', {}, '', 'reason', 'Say why the claim is being changed.'],
  ])(
    'when an edit has %s, then it is re-rendered with 422 and the claim is unchanged',
    async (_name, changes, reason, fieldId, message) => {
      const model = uniqueName('BadEdit');
      const { ids } = await submitTable([validRow({ model, value: '77.7' })]);
      const before = await tableCounts(database.db);
      const response = await post(`/claims/${ids[0]}/edit`, {
        rows: [validRow({ model, ...changes })],
        reason,
      });
      expect(response.status).toBe(422);
      expect(response.text).toContain(`href="#${fieldId}"`);
      expect(response.text).toContain(message);
      expect(await status(ids[0]!)).toMatchObject({ value: 77.7, status: 'pending' });
      expect(await tableCounts(database.db)).toEqual(before);
    },
  );

  test('when an approved claim is retracted with a reason, then it leaves the leaderboard and its history says why', async () => {
    const model = uniqueName('Retracted');
    const { ids } = await submitTable([validRow({ model, benchmark: 'glue-wnli', value: '65.1' })]);
    await post(`/moderation/claims/${ids[0]}/approve`);
    expect((await request(app).get('/benchmarks/glue-wnli')).text).toContain(model);

    const missing = await post(`/moderation/claims/${ids[0]}/retract`, { reason: '' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('href="#retract-reason"');
    expect((await status(ids[0]!)).status).toBe('approved');

    const response = await post(`/moderation/claims/${ids[0]}/retract`, {
      reason: 'The paper was withdrawn.',
    });
    expect(response.status).toBe(303);
    expect(await status(ids[0]!)).toMatchObject({
      status: 'retracted',
      review_note: 'The paper was withdrawn.',
    });
    expect((await request(app).get('/benchmarks/glue-wnli')).text).not.toContain(model);
    const history = await request(app).get(`/claims/${ids[0]}/history`);
    expect(history.status).toBe(200);
    expect(history.text).toContain('<strong>retract</strong> by admin');
    expect(history.text).toContain('The paper was withdrawn.');
    // Nothing is deleted: the claim row and all three events remain.
    expect((await events(ids[0]!)).map((e) => e.action)).toEqual(['submit', 'approve', 'retract']);
    expect(
      (await post(`/claims/${ids[0]}/edit`, { rows: [validRow({ model })], reason: 'x' })).status,
    ).toBe(409);
  });
});
