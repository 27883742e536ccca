import type { Express } from 'express';
import request from 'supertest';
import { hashPassword, verifyPassword } from '../../src/auth/password';
import { SESSION_COOKIE } from '../../src/auth/session';
import { ADMIN_ENV, ADMIN_PASSWORD, ADMIN_USER, buildTestApp, useSeededApp } from '../support/app';
import { csrfTokenIn, formBody, signedInAdmin, tableCounts, visitor } from '../support/forms';

const { database, app } = useSeededApp({ env: ADMIN_ENV });

async function login(target: Express, user: string, password: string, next?: string) {
  const { agent, token } = await visitor(target, '/login');
  const response = await agent
    .post('/login')
    .type('form')
    .send(formBody({ _csrf: token, user, password, next }));
  return { agent, response };
}

const cookies = (response: request.Response): string[] => {
  const header = response.headers['set-cookie'] as unknown;
  return Array.isArray(header) ? (header as string[]) : [];
};

describe('password hashes', () => {
  test('when a password is hashed, then the scrypt$N$salt$hash form verifies it and nothing else', async () => {
    const hash = await hashPassword('a long enough password', 1024);
    expect(hash).toMatch(/^scrypt\$1024\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('a long enough password', hash)).toBe(true);
    expect(await verifyPassword('a long enough passwore', hash)).toBe(false);
    expect(await verifyPassword('a long enough password', 'scrypt$1000$abc$def')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$12$abc$def')).toBe(false);
  });

  test('when ADMIN_PASSWORD_HASH is configured, then that password signs in', async () => {
    const hashed = buildTestApp(database, {
      env: {
        ADMIN_PASSWORD_HASH: await hashPassword('another password 123', 1024),
        SESSION_SECRET: ADMIN_ENV.SESSION_SECRET,
      },
    });
    expect((await login(hashed, 'admin', 'another password 123')).response.status).toBe(303);
    expect((await login(hashed, 'admin', ADMIN_PASSWORD)).response.status).toBe(401);
  });
});

describe('signing in and out', () => {
  test('when the right user and password are given, then a signed, httpOnly, SameSite=Lax session cookie is set', async () => {
    const { agent, response } = await login(app, ADMIN_USER, ADMIN_PASSWORD, '/moderation/audit');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/moderation/audit');
    const session = cookies(response).find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Max-Age=28800/);
    expect(session).not.toMatch(/Secure/);
    const home = await agent.get('/');
    expect(home.text).toContain('Sign out');
    expect(home.text).toContain('href="/moderation"');
  });

  test('when the app is behind a TLS proxy, then the session cookie is Secure', async () => {
    const proxied = buildTestApp(database, { env: { ...ADMIN_ENV, TRUST_PROXY: 'true' } });
    const page = await request(proxied).get('/login').set('X-Forwarded-Proto', 'https');
    const csrfCookie = cookies(page).find((c) => c.startsWith('benchledger.csrf='))!;
    expect(csrfCookie).toMatch(/; Secure/);
    // The test client keeps Secure cookies to https, so the cookie is handed over by hand.
    const response = await request(proxied)
      .post('/login')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', csrfCookie.split(';')[0]!)
      .type('form')
      .send(
        formBody({ _csrf: csrfTokenIn(page.text), user: ADMIN_USER, password: ADMIN_PASSWORD }),
      );
    expect(response.status).toBe(303);
    expect(cookies(response).find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(/; Secure/);
  });

  test.each([
    ['a wrong password', ADMIN_USER, 'not the password at all', 401, 'do not match'],
    ['a wrong user', 'root', ADMIN_PASSWORD, 401, 'do not match'],
    ['no password', ADMIN_USER, '', 422, 'Enter the password.'],
  ])(
    'when %s is given, then no session is set and the form says why',
    async (_n, user, password, code, message) => {
      const fresh = buildTestApp(database, { env: ADMIN_ENV });
      const { agent, response } = await login(fresh, user, password);
      expect(response.status).toBe(code);
      expect(response.text).toContain(message);
      expect(response.text).toContain(`value="${user}"`);
      expect(cookies(response).some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
      expect((await agent.get('/moderation')).status).toBe(303);
    },
  );

  test('when sign-in fails too often, then further attempts are refused with 429, even with the right password', async () => {
    const limited = buildTestApp(database, { env: ADMIN_ENV, rateLimits: { login: 3 } });
    for (let i = 0; i < 3; i += 1) {
      expect((await login(limited, ADMIN_USER, `wrong password ${i}`)).response.status).toBe(401);
    }
    const blocked = await login(limited, ADMIN_USER, ADMIN_PASSWORD);
    expect(blocked.response.status).toBe(429);
    expect(blocked.response.text).toContain('Too many failed sign-in attempts');
  });

  test('when a successful sign-in is followed by more, then successes do not count towards the limit', async () => {
    const limited = buildTestApp(database, { env: ADMIN_ENV, rateLimits: { login: 2 } });
    for (let i = 0; i < 4; i += 1) {
      expect((await login(limited, ADMIN_USER, ADMIN_PASSWORD)).response.status).toBe(303);
    }
  });

  test('when next points to another site, then sign-in goes to the queue instead', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { response } = await login(app, ADMIN_USER, ADMIN_PASSWORD, next);
      expect(response.headers.location).toBe('/moderation');
    }
  });

  test('when the admin signs out, then the session cookie is cleared and admin pages ask to sign in again', async () => {
    const admin = await signedInAdmin(app);
    const response = await admin.agent
      .post('/logout')
      .type('form')
      .send(formBody({ _csrf: admin.token }));
    expect(response.status).toBe(303);
    expect(cookies(response).find((c) => c.startsWith(`${SESSION_COOKIE}=`))).toMatch(
      /Expires=Thu, 01 Jan 1970/,
    );
    const queue = await admin.agent.get('/moderation');
    expect(queue.status).toBe(303);
    expect(queue.headers.location).toBe('/login?next=%2Fmoderation');
  });

  test('when a session cookie is forged or altered, then the request is anonymous', async () => {
    const forged = encodeURIComponent(
      `s:${JSON.stringify({ user: 'admin', sid: 'x'.repeat(32), expiresAt: Date.now() + 1e6 })}.bogus`,
    );
    const response = await request(app)
      .get('/moderation')
      .set('Cookie', `${SESSION_COOKIE}=${forged}`);
    expect(response.status).toBe(303);
    const unsigned = encodeURIComponent(
      JSON.stringify({ user: 'admin', sid: 'x'.repeat(32), expiresAt: Date.now() + 1e6 }),
    );
    expect(
      (await request(app).get('/moderation').set('Cookie', `${SESSION_COOKIE}=${unsigned}`)).status,
    ).toBe(303);
  });

  test('when no admin password is configured, then sign-in is explained and always refused', async () => {
    const off = buildTestApp(database);
    const page = await request(off).get('/login');
    expect(page.text).toContain('Moderation is not configured');
    expect((await login(off, 'admin', 'anything at all')).response.status).toBe(401);
  });
});

describe('admin routes refuse anonymous users', () => {
  let claimId: number;
  beforeAll(async () => {
    const claim = await database.db
      .selectFrom('claim')
      .select('id')
      .where('status', '=', 'approved')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    claimId = claim.id;
  });

  const pages = () => ['/moderation', '/moderation/audit', `/claims/${claimId}/edit`];
  const actions = () =>
    [
      [`/moderation/claims/${claimId}/approve`, {}],
      [`/moderation/claims/${claimId}/reject`, { reason: 'nope' }],
      [`/moderation/claims/${claimId}/retract`, { reason: 'nope' }],
      ['/moderation/submissions/1/approve', {}],
      [`/claims/${claimId}/edit`, { reason: 'nope', rows: [{ model: 'x' }] }],
    ] as const;

  test('when an anonymous user opens an admin page, then they are sent to sign in and come back after', async () => {
    for (const path of pages()) {
      const response = await request(app).get(path);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
  });

  test('when an anonymous user asks for JSON, then admin routes answer 401 in JSON', async () => {
    for (const path of pages()) {
      const response = await request(app).get(path).set('Accept', 'application/json');
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        error: { code: 'unauthorized', message: 'Sign in as an admin to do this.' },
      });
    }
  });

  test('when an anonymous user posts to an admin action with a valid CSRF token, then nothing changes', async () => {
    const before = await tableCounts(database.db);
    const { agent, token } = await visitor(app);
    for (const [path, fields] of actions()) {
      const response = await agent
        .post(path)
        .type('form')
        .send(formBody({ _csrf: token, ...fields }));
      expect(response.status).toBe(303);
      expect(response.headers.location).toMatch(/^\/login\?next=/);
    }
    const json = await agent
      .post(actions()[0][0])
      .set('Accept', 'application/json')
      .set('x-csrf-token', token)
      .send({});
    expect(json.status).toBe(401);
    expect(await tableCounts(database.db)).toEqual(before);
    const claim = await database.db
      .selectFrom('claim')
      .select('status')
      .where('id', '=', claimId)
      .executeTakeFirstOrThrow();
    expect(claim.status).toBe('approved');
  });
});
