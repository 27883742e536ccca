import cookieParser from 'cookie-parser';
import express from 'express';
import multer from 'multer';
import request from 'supertest';
import { loadConfig } from '../../src/config';
import { csrfProtection, verifyCsrf } from '../../src/http/csrf';
import { ADMIN_ENV, useSeededApp } from '../support/app';
import {
  formBody,
  signedInAdmin,
  tableCounts,
  uniqueName,
  validPaper,
  validRow,
  visitor,
} from '../support/forms';

const { database, app } = useSeededApp({ env: ADMIN_ENV, rateLimits: { submissions: 1000 } });

describe('CSRF tokens', () => {
  const submission = () => ({ ...validPaper(), rows: [validRow({ model: uniqueName('Csrf') })] });

  test('when a form is posted without a token, then it is refused with 403 and nothing is stored', async () => {
    const { agent } = await visitor(app);
    const before = await tableCounts(database.db);
    const response = await agent.post('/submit/claim').type('form').send(formBody(submission()));
    expect(response.status).toBe(403);
    expect(response.text).toContain('did not come from this site');
    expect(await tableCounts(database.db)).toEqual(before);
  });

  test('when a form is posted with a wrong token, then it is refused with 403 and nothing is stored', async () => {
    const { agent, token } = await visitor(app);
    const before = await tableCounts(database.db);
    const wrong = token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const response = await agent
      .post('/submit/claim')
      .type('form')
      .send(formBody({ _csrf: wrong, ...submission() }));
    expect(response.status).toBe(403);
    expect(await tableCounts(database.db)).toEqual(before);
  });

  test('when a token is sent without its cookie (another browser), then it is refused', async () => {
    const { token } = await visitor(app);
    const response = await request(app)
      .post('/submit/claim')
      .type('form')
      .send(formBody({ _csrf: token, ...submission() }));
    expect(response.status).toBe(403);
  });

  test('when the token is repeated as an array, then it is refused rather than guessed at', async () => {
    const { agent, token } = await visitor(app);
    const response = await agent
      .post('/submit/claim')
      .type('form')
      .send(`_csrf=${token}&_csrf=${token}`);
    expect(response.status).toBe(403);
  });

  test('when an anonymous token is used after signing in, then it no longer works: tokens are bound to the session', async () => {
    const admin = await signedInAdmin(app);
    const { token: anonymous } = await visitor(app);
    const response = await admin.agent
      .post('/moderation/claims/1/approve')
      .type('form')
      .send(formBody({ _csrf: anonymous }));
    expect(response.status).toBe(403);
  });

  test('when JSON is posted with the token in the x-csrf-token header, then it passes the check', async () => {
    const { agent, token } = await visitor(app);
    const response = await agent
      .post('/submit/claim')
      .set('x-csrf-token', token)
      .send({ arxivId: 'nope' });
    expect(response.status).toBe(422);
  });

  test('when JSON is posted without a token, then the answer is a 403 in JSON', async () => {
    const response = await request(app)
      .post('/api/anything')
      .set('Accept', 'application/json')
      .send({});
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('csrf_invalid');
  });

  test('when a multipart route runs verifyCsrf after its own parser, then a missing or wrong token is refused and a right one passes', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...ADMIN_ENV });
    const csrf = csrfProtection(config);
    const upload = express();
    upload.use(cookieParser(config.sessionSecret));
    upload.use((_req, res, next) => {
      res.locals.admin = null;
      next();
    });
    upload.use(csrf.issue);
    upload.use(csrf.check);
    upload.get('/form', (_req, res) => {
      res.send(res.locals.csrfToken);
    });
    upload.post('/upload', multer().single('file'), verifyCsrf, (_req, res) => {
      res.send('stored');
    });
    upload.use(((error, _req, res, _next) => {
      res.status(error.status ?? 500).send(error.code ?? 'error');
    }) as express.ErrorRequestHandler);

    const agent = request.agent(upload);
    const token = (await agent.get('/form')).text;
    const file = Buffer.from('{"schemaVersion":1}');
    const missing = await agent.post('/upload').attach('file', file, 'claims.json');
    expect(missing.status).toBe(403);
    const wrong = await agent
      .post('/upload')
      .field('_csrf', 'x.y')
      .attach('file', file, 'claims.json');
    expect(wrong.status).toBe(403);
    const right = await agent
      .post('/upload')
      .field('_csrf', token)
      .attach('file', file, 'claims.json');
    expect(right.status).toBe(200);
    expect(right.text).toBe('stored');
  });
});

describe('body limits', () => {
  test('when a form body is larger than the limit, then the answer is a 413 page, not a 500', async () => {
    const { agent, token } = await visitor(app);
    const before = await tableCounts(database.db);
    const response = await agent
      .post('/submit/claim')
      .type('form')
      .send(formBody({ _csrf: token, title: 'x'.repeat(1_200_000) }));
    expect(response.status).toBe(413);
    expect(response.text).toContain('The request body is too large.');
    expect(await tableCounts(database.db)).toEqual(before);
  });

  test('when a JSON body is larger than the limit, then the answer is a 413 in JSON', async () => {
    const response = await request(app)
      .post('/submit/table')
      .set('Accept', 'application/json')
      .send({ title: 'x'.repeat(1_200_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('entity_too_large');
  });

  test('when a form has more fields than the parser allows, then the answer is 413, not 500', async () => {
    const { agent, token } = await visitor(app);
    const fields = Array.from({ length: 6000 }, (_, i) => `f${i}=1`).join('&');
    const response = await agent
      .post('/submit/table')
      .type('form')
      .send(`_csrf=${token}&${fields}`);
    expect(response.status).toBe(413);
  });
});

describe('headers and escaping', () => {
  test('when a form page is served, then a strict CSP forbids inline script and style', async () => {
    const response = await request(app).get('/submit/table');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.text).not.toMatch(/\son[a-z]+="/);
  });

  test('when submitted text holds HTML, then every page prints it escaped', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const { agent, token } = await visitor(app);
    const bad = await agent
      .post('/submit/claim')
      .type('form')
      .send(
        formBody({
          _csrf: token,
          ...validPaper({ title: hostile, publishedOn: 'never' }),
          rows: [validRow({ model: hostile, locator: hostile })],
        }),
      );
    expect(bad.status).toBe(422);
    expect(bad.text).not.toContain('<script>alert(1)');
    expect(bad.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const good = await agent
      .post('/submit/claim')
      .type('form')
      .send(
        formBody({
          _csrf: token,
          ...validPaper({ title: hostile, submitterName: hostile }),
          rows: [validRow({ model: `${hostile}${uniqueName('')}`, quote: hostile })],
        }),
      );
    expect(good.status).toBe(303);
    const page = await agent.get(good.headers.location!);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).not.toContain('<img src=x');
    const admin = await signedInAdmin(app);
    const queue = await admin.agent.get('/moderation');
    expect(queue.text).not.toContain('<script>alert(1)');
    expect(queue.text).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });
});
