/** Response templates: listed to all staff, created, edited and deleted by administrators only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';
import { demoJurisdiction, redirectTo, summaryLinks } from './support/back-office.js';

describe('response templates', () => {
  let t: WebTestApp;
  let admin: StaffAuth;
  let agent: StaffAuth;
  const templates = async () => t.store.listTemplates((await demoJurisdiction(t.store)).id);

  beforeAll(async () => {
    t = await buildWebTestApp();
    admin = await t.login('admin');
    agent = await t.login('agent');
  });
  afterAll(() => t.close());

  it('creates, edits and deletes a template, each audited', async () => {
    expect(redirectTo(await t.postForm('/staff/templates/new', { name: 'Gone', status: 'closed', body: 'It is gone.' }, admin)))
      .toBe('/staff/templates?done=saved');
    const created = (await templates()).find((x) => x.name === 'Gone')!;
    expect(created).toMatchObject({ status: 'closed', body: 'It is gone.' });
    const list = await t.get('/staff/templates?done=saved', admin);
    expect(list.body).toContain('The template was saved.');
    expect(list.body).toContain(`href="/staff/templates/${created.id}/edit"`);

    expect((await t.get(`/staff/templates/${created.id}/edit`, admin)).body).toContain('>It is gone.</textarea>');
    expect(redirectTo(await t.postForm(`/staff/templates/${created.id}/edit`, { name: 'Gone', status: '', body: 'Thanks!' }, admin)))
      .toBe('/staff/templates?done=saved');
    expect((await templates()).find((x) => x.id === created.id)).toMatchObject({ status: null, body: 'Thanks!' });

    expect(redirectTo(await t.postForm(`/staff/templates/${created.id}/delete`, {}, admin))).toBe('/staff/templates?done=deleted');
    expect((await templates()).some((x) => x.id === created.id)).toBe(false);
    const actions = (await t.store.listAudit({ limit: 10 })).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('template.'))).toEqual(['template.delete', 'template.save', 'template.save']);
    const entries = (await t.store.listAudit({ limit: 10 })).filter((e) => e.action.startsWith('template.'));
    expect(entries.map((e) => e.details)).toEqual([
      expect.objectContaining({ name: 'Gone', channel: 'web' }),
      expect.objectContaining({ mode: 'update', channel: 'web' }),
      expect.objectContaining({ mode: 'create', channel: 'web' }),
    ]);
  });

  it('refuses an empty template, pointing at the fields', async () => {
    const res = await t.postForm('/staff/templates/new', { name: '', status: 'nonsense', body: '' }, admin);
    expect(res.statusCode).toBe(400);
    expect(summaryLinks(res.body)).toEqual(['tpl-name', 'tpl-body', 'tpl-status']);
  });

  it('shows the templates to agents without letting them change any', async () => {
    const [first] = await templates();
    const list = await t.get('/staff/templates', agent);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(first!.name);
    expect(list.body).not.toContain('/delete"');
    expect((await t.get('/staff/templates/new', agent)).statusCode).toBe(403);
    expect((await t.postForm('/staff/templates/new', { name: 'x', body: 'y', status: '' }, agent)).statusCode).toBe(403);
    expect((await t.postForm(`/staff/templates/${first!.id}/delete`, {}, agent)).statusCode).toBe(403);
    expect((await templates()).some((x) => x.id === first!.id)).toBe(true);
    expect((await t.postForm('/staff/templates/nope/delete', {}, admin)).statusCode).toBe(404);
  });
});
