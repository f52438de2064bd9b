/** The admin pages: users, departments, API keys and the audit log — every change audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS, DEMO_PASSWORD, buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';

describe('admin pages', () => {
  let t: WebTestApp;
  let admin: StaffAuth;
  let adminId: string;
  let jurisdictionId: string;

  beforeAll(async () => {
    t = await buildWebTestApp();
    admin = await t.login('admin');
    adminId = (await t.store.findUserByEmail(DEMO_EMAILS.admin))!.id;
    jurisdictionId = (await t.store.listJurisdictions())[0]!.id;
  });
  afterAll(() => t.close());

  const lastAudit = async (action: string) =>
    (await t.store.listAudit({ actor: adminId, limit: 100 })).find((e) => e.action === action);

  describe('users', () => {
    it('lists the staff with their roles', async () => {
      const res = await t.get('/staff/users', admin);
      expect(res.statusCode).toBe(200);
      for (const email of Object.values(DEMO_EMAILS)) expect(res.body).toContain(email);
      expect(res.body).toContain('<label for="new-user-password">');
    });

    it('refuses a short initial password and a bad email, with an error summary linked to the fields', async () => {
      const res = await t.postForm('/staff/users', { name: 'Short', email: 'not-an-email', role: 'agent', department: '', password: 'too-short' }, admin);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#new-user-email"');
      expect(res.body).toContain('href="#new-user-password"');
      expect(res.body).toContain('at least 12 characters');
      expect(res.body).toContain('value="Short"');
      expect(res.body).toMatch(/id="new-user-password"[^>]*aria-invalid="true"/);
      expect(await t.store.findUserByEmail('not-an-email')).toBeUndefined();
    });

    it('refuses an email that is taken', async () => {
      const res = await t.postForm('/staff/users', { name: 'Dup', email: DEMO_EMAILS.agent, role: 'agent', department: '', password: 'long-enough-password' }, admin);
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('Another user already has this email address.');
    });

    it('creates a user with an argon2id hash, who can then log in; audited', async () => {
      const parks = (await t.store.listDepartments(jurisdictionId)).find((d) => d.name === 'Parks')!;
      const res = await t.postForm('/staff/users', {
        name: 'Robin Park', email: 'Robin@Riverton.example', role: 'agent', department: parks.id, password: 'robin-initial-password',
      }, admin);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/staff/users?done=created');
      expect((await t.get(res.headers.location as string, admin)).body).toContain('User added.');
      const robin = await t.store.findUserByEmail('robin@riverton.example');
      expect(robin).toMatchObject({ name: 'Robin Park', role: 'agent', department_id: parks.id, active: true });
      expect(robin?.password_hash).toMatch(/^\$argon2id\$/);
      expect(robin?.password_hash).not.toContain('robin-initial-password');
      expect((await lastAudit('user.create'))?.details).toMatchObject({ user: robin?.id, role: 'agent' });
      const login = await t.postForm('/staff/login', { email: 'robin@riverton.example', password: 'robin-initial-password' });
      expect(login.statusCode).toBe(303);
    });

    it('changes a role, audited with from and to', async () => {
      const agent = (await t.store.findUserByEmail(DEMO_EMAILS.agent))!;
      const res = await t.postForm(`/staff/users/${agent.id}`, { name: agent.name, role: 'viewer', department: '' }, admin);
      expect(res.statusCode).toBe(303);
      expect((await t.store.getUser(agent.id))?.role).toBe('viewer');
      expect((await lastAudit('user.update'))?.details).toMatchObject({ user: agent.id, role: { from: 'agent', to: 'viewer' } });
      await t.postForm(`/staff/users/${agent.id}`, { name: agent.name, role: 'agent', department: agent.department_id ?? '' }, admin);
    });

    it('will not demote or deactivate the last active admin', async () => {
      const demote = await t.postForm(`/staff/users/${adminId}`, { name: 'Morgan Reyes', role: 'viewer', department: '' }, admin);
      expect(demote.statusCode).toBe(409);
      expect(demote.body).toContain('This would leave no active administrator.');
      const deactivate = await t.postForm(`/staff/users/${adminId}/active`, { active: '0' }, admin);
      expect(deactivate.statusCode).toBe(409);
      expect((await t.store.getUser(adminId))).toMatchObject({ role: 'admin', active: true });
    });

    it('resets a password: the old one stops working and the user is logged out; audited', async () => {
      const viewer = await t.login('viewer');
      const id = (await t.store.findUserByEmail(DEMO_EMAILS.viewer))!.id;
      const short = await t.postForm(`/staff/users/${id}/password`, { password: 'short' }, admin);
      expect(short.statusCode).toBe(400);
      const res = await t.postForm(`/staff/users/${id}/password`, { password: 'a-brand-new-password' }, admin);
      expect(res.statusCode).toBe(303);
      expect((await t.get('/staff/account', viewer)).statusCode).toBe(303);
      expect((await t.postForm('/staff/login', { email: DEMO_EMAILS.viewer, password: DEMO_PASSWORD })).statusCode).toBe(401);
      expect((await t.postForm('/staff/login', { email: DEMO_EMAILS.viewer, password: 'a-brand-new-password' })).statusCode).toBe(303);
      expect((await lastAudit('user.password_reset'))?.details).toMatchObject({ user: id });
    });

    it('deactivates and reactivates; audited', async () => {
      const robin = (await t.store.findUserByEmail('robin@riverton.example'))!;
      expect((await t.postForm(`/staff/users/${robin.id}/active`, { active: '0' }, admin)).statusCode).toBe(303);
      expect((await t.store.getUser(robin.id))?.active).toBe(false);
      expect((await lastAudit('user.deactivate'))?.details).toMatchObject({ user: robin.id });
      expect((await t.postForm(`/staff/users/${robin.id}/active`, { active: '1' }, admin)).statusCode).toBe(303);
      expect((await t.store.getUser(robin.id))?.active).toBe(true);
    });

    it('answers 404 for an unknown user', async () => {
      expect((await t.get('/staff/users/nope', admin)).statusCode).toBe(404);
      expect((await t.postForm('/staff/users/nope/active', { active: '0' }, admin)).statusCode).toBe(404);
    });
  });

  describe('departments', () => {
    it('creates, renames and deletes a department; audited', async () => {
      const bad = await t.postForm('/staff/departments', { name: '', email: 'x' }, admin);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#new-department-name"');

      expect((await t.postForm('/staff/departments', { name: 'Libraries', email: 'books@riverton.example' }, admin)).statusCode).toBe(303);
      const libraries = (await t.store.listDepartments(jurisdictionId)).find((d) => d.name === 'Libraries')!;
      expect(libraries.email).toBe('books@riverton.example');
      expect((await lastAudit('department.create'))?.details).toMatchObject({ name: 'Libraries', channel: 'web' });

      const renamed = await t.postForm(`/staff/departments/${libraries.id}`, { name: 'Library Services', email: libraries.email ?? '' }, admin);
      expect(renamed.statusCode).toBe(303);
      expect((await t.store.listDepartments(jurisdictionId)).find((d) => d.id === libraries.id)?.name).toBe('Library Services');
      expect((await lastAudit('department.rename'))?.details).toMatchObject({ from: 'Libraries', to: 'Library Services' });

      expect((await t.postForm(`/staff/departments/${libraries.id}/delete`, {}, admin)).statusCode).toBe(303);
      expect((await t.store.listDepartments(jurisdictionId)).some((d) => d.id === libraries.id)).toBe(false);
      expect((await lastAudit('department.delete'))?.details).toMatchObject({ department: libraries.id });
    });

    it('refuses to delete a department while users belong to it', async () => {
      const works = (await t.store.listDepartments(jurisdictionId)).find((d) => d.name === 'Public Works')!;
      const res = await t.postForm(`/staff/departments/${works.id}/delete`, {}, admin);
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('reassign them before deleting it');
      expect(res.body).toContain(`href="#delete-${works.id}"`);
      expect((await t.store.listDepartments(jurisdictionId)).some((d) => d.id === works.id)).toBe(true);
    });
  });

  describe('API keys', () => {
    it('creates a key, shows its secret once, and revokes it; audited', async () => {
      const res = await t.postForm('/staff/keys', { name: 'Neighbourhood app', rate: '120', trusted: '1' }, admin);
      expect(res.statusCode).toBe(201);
      const secret = /id="new-key-secret"[^>]*value="([^"]+)"/.exec(res.body)?.[1];
      expect(secret).toBeDefined();
      const key = await t.store.findApiKey(secret!);
      expect(key).toMatchObject({ name: 'Neighbourhood app', rate_limit_per_minute: 120, trusted: true, revoked_at: null });
      expect((await lastAudit('api_key.create'))?.details).toMatchObject({ key: key?.id });

      const list = await t.get('/staff/keys', admin);
      expect(list.body).toContain('Neighbourhood app');
      expect(list.body).not.toContain(secret);

      expect((await t.postForm(`/staff/keys/${key!.id}/revoke`, {}, admin)).statusCode).toBe(303);
      expect((await t.store.findApiKey(secret!))?.revoked_at ?? 'gone').not.toBeNull();
      expect((await lastAudit('api_key.revoke'))?.details).toMatchObject({ key: key?.id });
    });

    it('refuses a key without a name or with a bad rate', async () => {
      const res = await t.postForm('/staff/keys', { name: '', rate: '0' }, admin);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#new-key-name"');
      expect(res.body).toContain('href="#new-key-rate"');
    });
  });

  describe('audit log', () => {
    it('shows entries newest first, filtered by actor or request', async () => {
      const all = await t.get('/staff/audit', admin);
      expect(all.statusCode).toBe(200);
      const body = all.body;
      expect(body.indexOf('api_key.revoke')).toBeLessThan(body.indexOf('user.create'));

      const viewerId = (await t.store.findUserByEmail(DEMO_EMAILS.viewer))!.id;
      const byViewer = await t.get(`/staff/audit?actor=${viewerId}`, admin);
      expect(byViewer.body).not.toContain('user.create');
      expect(byViewer.body).toContain('login.success');

      await t.store.appendAudit({ actor: adminId, action: 'request.status', jurisdiction_id: jurisdictionId, request_id: 'R-1', details: {} });
      const byRequest = await t.get('/staff/audit?request=R-1', admin);
      expect(byRequest.body).toContain('request.status');
      expect(byRequest.body).not.toContain('login.success');
    });

    it('pages through older entries', async () => {
      for (let i = 0; i < 60; i++) {
        await t.store.appendAudit({ actor: 'paging-test', action: `test.${i}`, jurisdiction_id: null, request_id: null, details: {}, at: 1_000_000 + i });
      }
      const first = await t.get('/staff/audit?actor=paging-test', admin);
      expect(first.body).toContain('test.59');
      expect(first.body).not.toContain('>test.9<');
      const older = /href="(\/staff\/audit\?[^"]*before=\d+)"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
      expect(older).toBeDefined();
      const second = await t.get(older!, admin);
      expect(second.body).toContain('>test.0<');
      expect(second.body).not.toContain('>test.59<');
    });
  });
});
