/** Staff login, its throttle, sessions and logout, through HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/staff/auth/session-cookie.js';
import { passwordChecks } from '../src/staff/auth/passwords.js';
import { buildWebTestApp, cookieOf, DEMO_EMAILS, DEMO_PASSWORD, formBody, type WebTestApp } from './support/app.js';

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

describe('login throttle', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    // A first back-off of an hour: "the next try is refused" holds however slow the machine is.
    t = await buildWebTestApp({ web: { loginThrottle: { firstDelayMs: 60 * 60 * 1000 } } });
  });
  afterAll(() => t.close());

  const loginFrom = (remoteAddress: string, email: string, password: string) =>
    t.app.inject({
      method: 'POST', url: '/staff/login', remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ email, password }),
    });

  it('answers an unknown and an existing e-mail alike: statuses, page and Retry-After', async () => {
    const answers = async (email: string) => {
      const seen: { status: number; retryAfter: string | undefined; page: string }[] = [];
      for (let i = 1; i <= 7; i++) {
        const res = await loginFrom('192.0.2.10', email, `wrong-password-${i}`);
        const retryAfter = res.headers['retry-after'];
        seen.push({ status: res.statusCode, retryAfter: retryAfter === undefined ? undefined : 'set', page: res.body.replaceAll(email, 'EMAIL') });
      }
      return seen;
    };
    const existing = await answers(DEMO_EMAILS.agent);
    const unknown = await answers('nobody@riverton.example');
    expect(existing.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(unknown).toEqual(existing);
    expect(existing[5]!.page).toContain('Too many attempts. Please wait a little, then try again.');
    expect(existing[5]!.page).not.toContain('locked');
  });

  it("a stranger's 50 wrong passwords do not stop the real user logging in from their address", async () => {
    for (let i = 1; i <= 50; i++) {
      expect([401, 429]).toContain((await loginFrom('203.0.113.66', DEMO_EMAILS.admin, `guess-${i}`)).statusCode);
    }
    const stranger = await loginFrom('203.0.113.66', DEMO_EMAILS.admin, DEMO_PASSWORD);
    expect(stranger.statusCode).toBe(429);
    expect(cookieOf(stranger, SESSION_COOKIE)).toBeUndefined();
    const real = await loginFrom('198.51.100.20', DEMO_EMAILS.admin, DEMO_PASSWORD);
    expect(real.statusCode).toBe(303);
    expect(cookieOf(real, SESSION_COOKIE)).toBeDefined();
  });

  it('bounds the password hashing: with every check taken, a login is refused at once (429), unhashed', async () => {
    let releaseAll!: () => void;
    const held = new Promise<void>((release) => (releaseAll = release));
    const holders = Array.from({ length: 10 }, () => passwordChecks.run(() => held));
    try {
      expect(passwordChecks.active).toBe(2);
      const res = await loginFrom('198.51.100.30', DEMO_EMAILS.viewer, DEMO_PASSWORD);
      expect(res.statusCode).toBe(429);
      expect(res.body).toContain('Too many attempts.');
      expect(res.headers['retry-after']).toBe('1');
    } finally {
      releaseAll();
      await Promise.all(holders);
    }
    expect((await loginFrom('198.51.100.30', DEMO_EMAILS.viewer, DEMO_PASSWORD)).statusCode).toBe(303);
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
