/** Staff login, lock-out, sessions and logout, through HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/staff/auth/session-cookie.js';
import { buildWebTestApp, cookieOf, DEMO_EMAILS, DEMO_PASSWORD, type WebTestApp } from './support/app.js';

describe('staff login', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp();
  });
  afterAll(() => t.close());

  const actions = async (action: string) => (await t.store.listAudit({ limit: 500 })).filter((e) => e.action === action);

  it('shows a labelled login form', async () => {
    const res = await t.get('/staff/login');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<label for="login-email">');
    expect(res.body).toContain('<label for="login-password">');
    expect(res.body).toContain('autocomplete="current-password"');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('sends pages that need a session to the login page, keeping where to come back', async () => {
    const res = await t.get('/staff/users?x=1');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/staff/login?next=${encodeURIComponent('/staff/users?x=1')}`);
  });

  it('logs in with the right password: session cookie httpOnly, SameSite=Lax, path /staff, not Secure on plain http', async () => {
    const res = await t.postForm('/staff/login', { email: DEMO_EMAILS.agent, password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff');
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/staff' });
    expect(cookie?.secure).toBeFalsy();
    const session = await t.store.findSession(cookie!.value);
    expect(session?.user.email).toBe(DEMO_EMAILS.agent);
    expect((await actions('login.success')).some((e) => e.actor === session?.user.id)).toBe(true);
  });

  it('accepts the email in any case and goes to a same-site ?next= path', async () => {
    const res = await t.postForm('/staff/login', {
      email: DEMO_EMAILS.viewer.toUpperCase(), password: DEMO_PASSWORD, next: '/staff/account?tab=1',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/account?tab=1');
  });

  it.each(['https://evil.example/staff', '//evil.example/staff', '/\\evil.example', '/developers', '/staff/../admin'])(
    'ignores an unsafe ?next= (%s)',
    async (next) => {
      const res = await t.postForm('/staff/login', { email: DEMO_EMAILS.viewer, password: DEMO_PASSWORD, next });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/staff');
    },
  );

  it('refuses a wrong password and an unknown email with the same message, and audits both', async () => {
    const wrong = await t.postForm('/staff/login', { email: DEMO_EMAILS.viewer, password: 'not-the-password' });
    const unknown = await t.postForm('/staff/login', { email: 'nobody@riverton.example', password: 'whatever-password' });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('The email address or password is incorrect.');
      expect(res.body).toContain('href="#login-email"');
      expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
    }
    const failed = await actions('login.failed');
    expect(failed.some((e) => e.details.email === 'nobody@riverton.example' && e.actor === 'anonymous')).toBe(true);
    expect(failed.some((e) => e.details.email === DEMO_EMAILS.viewer && e.details.reason === 'password')).toBe(true);
  });

  it('asks for both fields when one is empty', async () => {
    const res = await t.postForm('/staff/login', { email: DEMO_EMAILS.viewer, password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#login-password"');
  });

  it('refuses a login form posted from another site', async () => {
    const res = await t.postForm('/staff/login', { email: DEMO_EMAILS.agent, password: DEMO_PASSWORD }, undefined, {
      origin: 'https://evil.example',
    });
    expect(res.statusCode).toBe(403);
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
  });

  it('stores argon2id hashes', async () => {
    const user = await t.store.findUserByEmail(DEMO_EMAILS.admin);
    expect(user?.password_hash.startsWith('$argon2id$')).toBe(true);
  });
});

describe('lock-out', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp({ web: { maxLoginFailures: 5, lockoutMs: 15 * 60 * 1000 } });
  });
  afterAll(() => t.close());

  it('locks the account after 5 failures, even against the right password, and says for how long', async () => {
    const attempt = (password: string) => t.postForm('/staff/login', { email: DEMO_EMAILS.agent, password });
    for (let i = 1; i <= 4; i++) expect((await attempt(`wrong-password-${i}`)).statusCode).toBe(401);
    const fifth = await attempt('wrong-password-5');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.body).toContain('this account is locked. Try again in 15 minutes.');
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(14 * 60);

    const right = await attempt(DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(cookieOf(right, SESSION_COOKIE)).toBeUndefined();

    const user = await t.store.findUserByEmail(DEMO_EMAILS.agent);
    expect(user?.locked_until).toBeGreaterThan(Date.now());
    const locked = (await t.store.listAudit({ actor: user!.id, limit: 50 })).filter((e) => e.action === 'login.locked');
    expect(locked.length).toBeGreaterThanOrEqual(2);
  });

  it('lets other accounts in meanwhile', async () => {
    await expect(t.login('viewer')).resolves.toMatchObject({ csrf: expect.any(String) });
  });
});

describe('sessions and logout', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp();
  });
  afterAll(() => t.close());

  it('logout needs the CSRF token', async () => {
    const viewer = await t.login('viewer');
    const res = await t.postForm('/staff/logout', { _csrf: 'forged' }, viewer);
    expect(res.statusCode).toBe(403);
    expect((await t.get('/staff/account', viewer)).statusCode).toBe(200);
  });

  it('logout revokes the session on the server: the old cookie is refused afterwards', async () => {
    const agent = await t.login('agent');
    expect((await t.get('/staff/account', agent)).statusCode).toBe(200);
    const res = await t.postForm('/staff/logout', {}, agent);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/login?done=logged-out');
    const cleared = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');

    const again = await t.get('/staff/account', agent);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/staff/login?next=%2Fstaff%2Faccount');
    const post = await t.postForm('/staff/account/language', { locale: 'fr' }, agent);
    expect(post.statusCode).toBe(401);
    const user = await t.store.findUserByEmail(DEMO_EMAILS.agent);
    expect(user?.locale).toBeNull();
    expect((await t.store.listAudit({ actor: user!.id, limit: 20 })).some((e) => e.action === 'logout')).toBe(true);
  });

  it('a deactivated user is logged out everywhere', async () => {
    const admin = await t.login('admin');
    const viewer = await t.login('viewer');
    const id = (await t.store.findUserByEmail(DEMO_EMAILS.viewer))!.id;
    const res = await t.postForm(`/staff/users/${id}/active`, { active: '0' }, admin);
    expect(res.statusCode).toBe(303);
    expect((await t.get('/staff/account', viewer)).statusCode).toBe(303);
    const login = await t.postForm('/staff/login', { email: DEMO_EMAILS.viewer, password: DEMO_PASSWORD });
    expect(login.statusCode).toBe(401);
  });

  it('sets Secure on the cookie when asked to', async () => {
    const secure = await buildWebTestApp({ web: { secureCookies: true } });
    try {
      const res = await secure.postForm('/staff/login', { email: DEMO_EMAILS.admin, password: DEMO_PASSWORD });
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });
});
