/** The staff security flows on PostgreSQL: login, throttle, revocation, an admin change and a refused one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/staff/auth/session-cookie.js';
import { DEMO_EMAILS, DEMO_PASSWORD, buildWebTestApp, cookieOf, formBody, type WebTestApp } from './support/app.js';

describe('staff security on PostgreSQL', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp({ dialect: 'postgres', web: { loginThrottle: { freeFailures: 3, firstDelayMs: 60 * 60 * 1000 } } });
  });
  afterAll(() => t?.close());

  it('logs in, refuses a viewer change, lets an admin change, and revokes at logout', async () => {
    const [admin, viewer] = [await t.login('admin'), await t.login('viewer')];
    const form = { name: 'Pat Postgres', email: 'pat@riverton.example', role: 'viewer', department: '', password: 'postgres-password' };
    expect((await t.postForm('/staff/users', form, viewer)).statusCode).toBe(403);
    expect(await t.store.findUserByEmail(form.email)).toBeUndefined();
    expect((await t.postForm('/staff/users', form, admin)).statusCode).toBe(303);
    expect((await t.store.findUserByEmail(form.email))?.password_hash).toMatch(/^\$argon2id\$/);

    expect((await t.postForm('/staff/logout', {}, admin)).statusCode).toBe(303);
    expect((await t.get('/staff/users', admin)).statusCode).toBe(303);
  });

  it('throttles one address after the configured number of failures, not the account', async () => {
    const attempt = (password: string, remoteAddress = '192.0.2.44') => t.app.inject({
      method: 'POST', url: '/staff/login', remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ email: DEMO_EMAILS.agent, password }),
    });
    expect((await attempt('wrong-1')).statusCode).toBe(401);
    expect((await attempt('wrong-2')).statusCode).toBe(401);
    expect((await attempt('wrong-3')).statusCode).toBe(401);
    const right = await attempt(DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(cookieOf(right, SESSION_COOKIE)).toBeUndefined();
    expect((await attempt(DEMO_PASSWORD, '198.51.100.44')).statusCode).toBe(303);
  });
});
