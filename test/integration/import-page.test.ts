import path from 'node:path';
import request from 'supertest';
import { ADMIN_ENV, useSeededApp } from '../support/app';
import { csrfTokenIn, signedInAdmin, visitor } from '../support/forms';

const fixture = (name: string) => path.resolve(__dirname, '../fixtures', name);

const { database, app } = useSeededApp({
  env: { ...ADMIN_ENV, MAX_UPLOAD_BYTES: String(64 * 1024) },
});

const runClaims = async () => {
  const { n } = await database.db
    .selectFrom('claim as c')
    .innerJoin('paper as p', 'p.id', 'c.paper_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.kind', '=', 'run')
    .executeTakeFirstOrThrow();
  return n;
};

describe('the admin import page', () => {
  test('when an anonymous visitor opens or posts to the import page, then they are sent to sign in and nothing is parsed', async () => {
    const page = await request(app).get('/admin/import').expect(303);
    expect(page.headers.location).toBe('/login?next=%2Fadmin%2Fimport');
    const { agent, token } = await visitor(app, '/login');
    await agent
      .post('/admin/import')
      .field('_csrf', token)
      .attach('file', fixture('lm-eval-glue.json'))
      .expect(303);
    const json = await request(app)
      .post('/admin/import/confirm')
      .set('Accept', 'application/json')
      .send({ token: 'x'.repeat(20) });
    expect(json.status).toBeGreaterThanOrEqual(401);
    expect(await runClaims()).toBe(0);
  });

  test('when the admin uploads an lm-evaluation-harness run, then the preview lists what will be added and skipped, and confirming imports it', async () => {
    const { agent } = await signedInAdmin(app);
    const form = await agent.get('/admin/import').expect(200);
    const token = csrfTokenIn(form.text);
    const preview = await agent
      .post('/admin/import')
      .field('_csrf', token)
      .field('format', 'auto')
      .attach('file', fixture('lm-eval-glue.json'))
      .expect(200);
    expect(preview.text).toContain('Import preview');
    expect(preview.text).toMatch(/<strong>13<\/strong> claims will be added/);
    expect(preview.text).toContain('task hellaswag has no counterpart in the catalogue');
    expect(preview.text).toContain('strict-match');
    expect(await runClaims()).toBe(0);

    const confirmToken = /name="token" value="([^"]+)"/.exec(preview.text)![1]!;
    const done = await agent
      .post('/admin/import/confirm')
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text), token: confirmToken })
      .expect(303);
    expect(done.headers.location).toBe('/admin/import?added=13&already=0&skipped=1');
    expect(await runClaims()).toBe(13);
    const audit = await database.db
      .selectFrom('audit_event')
      .select('actor')
      .where('action', '=', 'import')
      .execute();
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set([ADMIN_ENV.ADMIN_USER]));
    const after = await agent.get(String(done.headers.location)).expect(200);
    expect(after.text).toContain('13 claims added');

    const again = await agent
      .post('/admin/import/confirm')
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text), token: confirmToken })
      .expect(409);
    expect(again.text).toContain('upload the file again');

    const second = await agent
      .post('/admin/import')
      .field('_csrf', token)
      .attach('file', fixture('lm-eval-glue.json'))
      .expect(200);
    expect(second.text).toMatch(
      /<strong>0<\/strong> claims will be added, <strong>13<\/strong> are already in the ledger/,
    );
  });

  test('when the upload has no CSRF token, then it is refused after the multipart body is read', async () => {
    const { agent } = await signedInAdmin(app);
    await agent
      .post('/admin/import')
      .field('_csrf', 'forged')
      .attach('file', fixture('paper-table.csv'))
      .expect(403);
  });

  test('when the file is malformed or too large, then the form comes back with the reason and nothing is written', async () => {
    const { agent, token } = await signedInAdmin(app);
    const truncated = await agent
      .post('/admin/import')
      .field('_csrf', token)
      .attach('file', Buffer.from('{"results": {"cola": {"mcc,none": 0.'), 'results.json')
      .expect(422);
    expect(truncated.text).toContain('is it truncated?');
    const unknown = await agent
      .post('/admin/import')
      .field('_csrf', token)
      .attach(
        'file',
        Buffer.from('paper_title,model,benchmark,metric,value\nP,X,imagenet,accuracy,80\n'),
        'table.csv',
      )
      .expect(422);
    expect(unknown.text).toContain('Nothing in this file maps onto the catalogue');
    expect(unknown.text).toContain('imagenet');
    const big = await agent
      .post('/admin/import')
      .field('_csrf', token)
      .attach('file', Buffer.alloc(65 * 1024, 'x'), 'big.csv')
      .expect(413);
    expect(big.text).toContain('larger than the upload limit');
    const none = await agent.post('/admin/import').field('_csrf', token).expect(422);
    expect(none.text).toContain('Choose a file to import.');
    expect(await runClaims()).toBe(13);
  });
});
