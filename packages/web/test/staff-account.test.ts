/** My account: one's own password (other sessions end) and the back office language. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/staff/auth/session-cookie.js';
import { DEMO_EMAILS, DEMO_PASSWORD, buildWebTestApp, cookieOf, type WebTestApp } from './support/app.js';

describe('my account', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp();
  });
  afterAll(() => t.close());

  it('refuses a wrong current password, a short or mismatched new one, with linked errors', async () => {
    const agent = await t.login('agent');
    const res = await t.postForm('/staff/account/password', { current: 'wrong', password: 'short', confirm: 'short' }, agent);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#account-current-password"');
    expect(res.body).toContain('href="#account-new-password"');
    const mismatch = await t.postForm('/staff/account/password', { current: DEMO_PASSWORD, password: 'long-enough-one', confirm: 'long-enough-two' }, agent);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('href="#account-confirm-password"');
  });

  it('changes the password: other sessions end, this browser gets a new session', async () => {
    const here = await t.login('agent');
    const elsewhere = await t.login('agent');
    const res = await t.postForm('/staff/account/password', { current: DEMO_PASSWORD, password: 'agent-new-password', confirm: 'agent-new-password' }, here);
    expect(res.statusCode).toBe(303);
    const fresh = cookieOf(res, SESSION_COOKIE);
    expect(fresh).toBeDefined();
    expect((await t.get('/staff/account', { cookie: `${SESSION_COOKIE}=${fresh}`, csrf: '' })).statusCode).toBe(200);
    expect((await t.get('/staff/account', here)).statusCode).toBe(303);
    expect((await t.get('/staff/account', elsewhere)).statusCode).toBe(303);
    const user = await t.store.findUserByEmail(DEMO_EMAILS.agent);
    expect(user?.password_hash).toMatch(/^\$argon2id\$/);
    expect((await t.store.listAudit({ actor: user!.id, limit: 20 })).some((e) => e.action === 'account.password')).toBe(true);
    expect((await t.postForm('/staff/login', { email: DEMO_EMAILS.agent, password: 'agent-new-password' })).statusCode).toBe(303);
  });

  it('saves the language, uses it from then on, and sets it again at the next login', async () => {
    const viewer = await t.login('viewer');
    const res = await t.postForm('/staff/account/language', { locale: 'fr' }, viewer);
    expect(res.statusCode).toBe(303);
    expect(cookieOf(res, 'o311_lang')).toBe('fr');
    const page = await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie: `${viewer.cookie}; o311_lang=fr` } });
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('Mon compte');
    const login = await t.postForm('/staff/login', { email: DEMO_EMAILS.viewer, password: DEMO_PASSWORD });
    expect(cookieOf(login, 'o311_lang')).toBe('fr');
    expect((await t.postForm('/staff/account/language', { locale: 'xx' }, viewer)).statusCode).toBe(400);
  });

  it('shows the login page in Spanish from Accept-Language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/staff/login', headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    expect(res.body).toContain('Acceso del personal');
    expect(res.body).toContain('Contraseña');
  });
});

describe('the current-password check of my account', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    // A first back-off of an hour: the sixth try is refused however slow the machine is.
    t = await buildWebTestApp({ web: { loginThrottle: { firstDelayMs: 60 * 60 * 1000 } } });
  });
  afterAll(() => t.close());

  it('is throttled like a login: after 5 wrong guesses even the right password waits (429), and nothing changes', async () => {
    const viewer = await t.login('viewer');
    const change = (current: string) =>
      t.postForm('/staff/account/password', { current, password: 'viewer-new-password', confirm: 'viewer-new-password' }, viewer);
    for (let i = 1; i <= 5; i++) expect((await change(`guess-${i}`)).statusCode).toBe(400);
    const right = await change(DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('Too many attempts at the current password.');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.postForm('/staff/login', { email: DEMO_EMAILS.viewer, password: DEMO_PASSWORD })).statusCode).toBe(303);
  });
});
