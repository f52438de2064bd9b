/** The staff security flows on PostgreSQL: login, lock-out, revocation, an admin change and a refused one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/staff/auth/session-cookie.js';
import { DEMO_EMAILS, DEMO_PASSWORD, buildWebTestApp, cookieOf, type WebTestApp } from './support/app.js';

describe('staff security on PostgreSQL', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp({ dialect: 'postgres', web: { maxLoginFailures: 3 } });
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

  it('locks an account after the configured number of failures', async () => {
    const attempt = (password: string) => t.postForm('/staff/login', { email: DEMO_EMAILS.agent, password });
    expect((await attempt('wrong-1')).statusCode).toBe(401);
    expect((await attempt('wrong-2')).statusCode).toBe(401);
    expect((await attempt('wrong-3')).statusCode).toBe(429);
    const right = await attempt(DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(cookieOf(right, SESSION_COOKIE)).toBeUndefined();
  });
});
