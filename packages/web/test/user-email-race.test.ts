/** Two administrators add a user with the same e-mail address at the same moment: one is added (and audited once), the other is told why. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';

describe('adding staff users with one e-mail address at once', () => {
  let t: WebTestApp;
  let admin: StaffAuth;
  beforeAll(async () => {
    t = await buildWebTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t?.close());

  it('gives one success and one clear "email already in use", never a 500', async () => {
    const form = (name: string) => ({ name, email: 'pat@riverton.example', role: 'viewer', department: '', password: 'a-long-enough-password' });
    const answers = await Promise.all([t.postForm('/staff/users', form('Pat One'), admin), t.postForm('/staff/users', form('Pat Two'), admin)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([303, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.body).toContain('Another user already has this email address.');
    expect((await t.store.listUsers()).filter((u) => u.email === 'pat@riverton.example')).toHaveLength(1);
    const created = (await t.store.listAudit({ limit: 50 })).filter((e) => e.action === 'user.create');
    expect(created).toEqual([expect.objectContaining({ details: expect.objectContaining({ email: 'pat@riverton.example', channel: 'web' }) })]);
  });
});
