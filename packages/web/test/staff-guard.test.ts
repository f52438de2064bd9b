/** The staff guard: CSRF on every change, roles enforced on the server for every admin page and form. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebTestApp, DEMO_EMAILS, type StaffAuth, type WebTestApp } from './support/app.js';

describe('staff guard', () => {
  let t: WebTestApp;
  let admin: StaffAuth;
  let agent: StaffAuth;
  let viewer: StaffAuth;
  let viewerId: string;
  let departmentId: string;

  beforeAll(async () => {
    t = await buildWebTestApp();
    [admin, agent, viewer] = await Promise.all([t.login('admin'), t.login('agent'), t.login('viewer')]);
    viewerId = (await t.store.findUserByEmail(DEMO_EMAILS.viewer))!.id;
    const jurisdiction = (await t.store.listJurisdictions())[0]!;
    departmentId = (await t.store.listDepartments(jurisdiction.id)).find((d) => d.name === 'Parks')!.id;
  });
  afterAll(() => t.close());

  describe('CSRF', () => {
    const create = { name: 'Casey New', email: 'casey@riverton.example', role: 'agent', department: '', password: 'a-long-enough-password' };

    it('refuses a form without the token (403) and changes nothing', async () => {
      const res = await t.postForm('/staff/users', { ...create, _csrf: '' }, admin);
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('nothing was changed');
      expect(await t.store.findUserByEmail(create.email)).toBeUndefined();
    });

    it('refuses a wrong token (403)', async () => {
      const res = await t.postForm('/staff/users', { ...create, _csrf: `${admin.csrf.slice(0, -1)}x` }, admin);
      expect(res.statusCode).toBe(403);
      expect(await t.store.findUserByEmail(create.email)).toBeUndefined();
    });

    it("refuses another session's token (403)", async () => {
      const res = await t.postForm('/staff/users', { ...create, _csrf: agent.csrf }, admin);
      expect(res.statusCode).toBe(403);
    });

    it('refuses a valid token sent from another origin (403), or with another site as Referer', async () => {
      expect((await t.postForm('/staff/users', create, admin, { origin: 'https://evil.example' })).statusCode).toBe(403);
      expect((await t.postForm('/staff/users', create, admin, { origin: 'null' })).statusCode).toBe(403);
      expect((await t.postForm('/staff/users', create, admin, { referer: 'https://evil.example/page' })).statusCode).toBe(403);
      expect(await t.store.findUserByEmail(create.email)).toBeUndefined();
    });

    it('accepts the token in the form from this origin, or in the X-CSRF-Token header', async () => {
      const res = await t.postForm('/staff/users', create, admin, { origin: 'https://localhost', host: 'localhost:8080' });
      expect(res.statusCode).toBe(303);
      const withoutToken = { ...create, email: 'casey2@riverton.example' };
      const viaHeader = await t.app.inject({
        method: 'POST', url: '/staff/users',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        payload: new URLSearchParams(withoutToken).toString(),
      });
      expect(viaHeader.statusCode).toBe(303);
      expect(await t.store.findUserByEmail('casey2@riverton.example')).toBeDefined();
    });

    it('answers 401 to a change without a session', async () => {
      const res = await t.postForm('/staff/departments', { name: 'Ghost' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('text/html');
    });
  });

  describe('roles', () => {
    const adminPages = ['/staff/users', `/staff/users/${'x'}`, '/staff/departments', '/staff/keys', '/staff/audit'];

    it.each(adminPages)('agents and viewers cannot open %s (403 with a clear message)', async (path) => {
      for (const auth of [agent, viewer]) {
        const res = await t.get(path, auth);
        expect(res.statusCode).toBe(403);
        expect(res.body).toMatch(/Your role \((Agent|Viewer)\) does not allow administration/);
      }
    });

    it('admins open every admin page', async () => {
      for (const path of ['/staff/users', `/staff/users/${viewerId}`, '/staff/departments', '/staff/keys', '/staff/audit', '/staff/account']) {
        expect((await t.get(path, admin)).statusCode, path).toBe(200);
      }
    });

    it('shows the admin links to admins only', async () => {
      const forAdmin = (await t.get('/staff/account', admin)).body;
      const forViewer = (await t.get('/staff/account', viewer)).body;
      for (const href of ['/staff/users', '/staff/departments', '/staff/keys', '/staff/audit']) {
        expect(forAdmin).toContain(`href="${href}"`);
        expect(forViewer).not.toContain(`href="${href}"`);
      }
      expect(forViewer).toContain('href="/staff/services"');
      expect(forViewer).toContain('action="/staff/logout"');
    });

    it('refuses every admin form to viewers and agents (403) and changes nothing in the store', async () => {
      const users = await t.store.listUsers();
      const keys = await t.store.listApiKeys();
      const jurisdiction = (await t.store.listJurisdictions())[0]!;
      const departments = await t.store.listDepartments(jurisdiction.id);
      const key = await t.store.createApiKey({ name: 'kept', rate_limit_per_minute: 10, trusted: false });
      const forms: [string, Record<string, string>][] = [
        ['/staff/users', { name: 'Mallory', email: 'mallory@riverton.example', role: 'admin', department: '', password: 'mallory-password-1' }],
        [`/staff/users/${viewerId}`, { name: 'Viewer Admin', role: 'admin', department: '' }],
        [`/staff/users/${viewerId}/active`, { active: '0' }],
        [`/staff/users/${viewerId}/password`, { password: 'hijacked-password-1' }],
        ['/staff/departments', { name: 'Shadow', email: '' }],
        [`/staff/departments/${departmentId}`, { name: 'Renamed', email: '' }],
        [`/staff/departments/${departmentId}/delete`, {}],
        ['/staff/keys', { name: 'stolen', rate: '1000', trusted: '1' }],
        [`/staff/keys/${key.key.id}/revoke`, {}],
      ];
      for (const auth of [viewer, agent]) {
        for (const [path, fields] of forms) {
          const res = await t.postForm(path, fields, auth);
          expect(res.statusCode, path).toBe(403);
        }
      }
      expect(await t.store.listUsers()).toEqual(users);
      expect(await t.store.listDepartments(jurisdiction.id)).toEqual(departments);
      expect((await t.store.listApiKeys()).filter((k) => k.id !== key.key.id)).toEqual(keys);
      expect((await t.store.listApiKeys()).find((k) => k.id === key.key.id)?.revoked_at).toBeNull();
      const hijack = await t.postForm('/staff/login', { email: DEMO_EMAILS.viewer, password: 'hijacked-password-1' });
      expect(hijack.statusCode).toBe(401);
    });

    it('lets every role change its own account', async () => {
      const res = await t.postForm('/staff/account/language', { locale: 'es' }, viewer);
      expect(res.statusCode).toBe(303);
      expect((await t.store.getUser(viewerId))?.locale).toBe('es');
    });
  });
});
