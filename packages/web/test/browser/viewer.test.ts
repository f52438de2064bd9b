/**
 * A viewer can look but not change anything. In the browser the pages offer
 * no change (no POST form, no change button); on the server every change
 * endpoint refuses the viewer's valid session and CSRF token with 403 and
 * leaves the store as it was, and the staff API refuses a viewer token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_JURISDICTION } from '@o311/demo';
import type { Store } from '@o311/store';
import { browserAvailable } from '../../../../test-support/browser.js';
import type { StaffAuth } from '../support/app.js';
import { allRequests, userId } from '../support/back-office.js';
import { signIn, startBrowserSuite, type BrowserSuite } from './support.js';

const J = DEMO_JURISDICTION.id;

/** Everything a change could touch, as one comparable value. */
async function snapshot(store: Store, requestId: string): Promise<string> {
  const [request, events, services, users, departments, keys, tokens, templates, outbox] = await Promise.all([
    store.getTriagedRequest(J, requestId),
    store.listEvents(J, requestId, { includeInternal: true }),
    store.listServices(J, { includeInactive: true }),
    store.listUsers(),
    store.listDepartments(J),
    store.listApiKeys(),
    store.listStaffTokens(),
    store.listTemplates(J),
    store.listOutbox({ limit: 1000 }),
  ]);
  return JSON.stringify({ request, events, services, users, departments, keys, tokens, templates, outbox });
}

/** The forms of the pages that a viewer may post: their own saved inbox filters, their own account, logging out. */
const OWN_FORMS = /^\/staff\/(filters|account|logout)\b/;

/** Where the page's POST forms go, except the viewer's own forms. */
const changeForms = (page: Page): Promise<string[]> =>
  page.locator('form[method="post" i]').evaluateAll((forms: { getAttribute(name: string): string | null }[]) =>
    forms.map((f) => f.getAttribute('action') ?? ''),
  ).then((actions) => actions.filter((a) => !OWN_FORMS.test(a)));

describe.skipIf(!browserAvailable)('a viewer cannot change anything', () => {
  let s: BrowserSuite;
  let requestId: string;
  let otherId: string;

  beforeAll(async () => {
    s = await startBrowserSuite();
    // Not `closed` yet, so that closing them is a change.
    const notClosed = (await allRequests(s.store)).filter((r) => r.status !== 'closed');
    requestId = notClosed[0]?.id ?? '';
    otherId = notClosed[1]?.id ?? '';
    if (otherId === '') throw new Error('the demo city has fewer than two requests that are not closed');
  });
  afterAll(() => s?.close());

  it('in the browser: no change is offered', { timeout: 30_000 }, async () => {
    const { page, errors } = await s.open();
    await signIn(page, s, 'viewer');
    const nav = page.getByRole('navigation', { name: /main/i });
    for (const link of ['Users', 'Departments', 'API keys', 'Audit log']) {
      expect(await nav.getByRole('link', { name: link }).count(), `nav: ${link}`).toBe(0);
    }
    expect(await changeForms(page), 'inbox').toEqual([]);

    await page.goto(s.url(`/staff/requests/${requestId}`));
    expect(await page.getByText('Your role can view this request but not change it.').count()).toBe(1);
    for (const button of ['Save changes', 'Insert template', 'Mark as duplicate']) {
      expect(await page.getByRole('button', { name: button }).count(), `request page: ${button}`).toBe(0);
    }
    expect(await changeForms(page), 'request page').toEqual([]);

    for (const path of ['/staff/services', '/staff/templates']) {
      await page.goto(s.url(path));
      expect(await changeForms(page), path).toEqual([]);
      expect(await page.locator('main a[href$="/new"], main a[href$="/edit"]').count(), `${path}: links to editors`).toBe(0);
    }
    expect(errors).toEqual([]);
    // The editors' pages themselves are refused (the browser logs these 403s as console errors).
    for (const path of ['/staff/services/POTHOLE/edit', '/staff/templates/new', '/staff/users', '/staff/keys']) {
      const res = await page.goto(s.url(path));
      expect(res?.status(), path).toBe(403);
      expect(await page.getByRole('heading', { level: 1 }).textContent(), path).toBe('Not allowed');
    }
  });

  it('on the server: every change endpoint answers 403 to the viewer’s valid session and CSRF token', { timeout: 30_000 }, async () => {
    const { t, store } = s;
    const viewer: StaffAuth = await t.login('viewer');
    const agent = await userId(store, 'agent');
    const department = (await store.listDepartments(J))[0]?.id ?? '';
    const template = (await store.listTemplates(J))[0]?.id ?? '';
    const key = (await store.listApiKeys())[0]?.id ?? '';
    const request = `/staff/requests/${requestId}`;
    const changes: readonly [path: string, fields: Record<string, string>][] = [
      [`${request}/status`, { status: 'closed', note: 'Closed by a viewer?' }],
      [`${request}/comment`, { comment: 'A viewer’s reply', visibility: 'public' }],
      [`${request}/triage`, { department, agent, priority: 'urgent', expected: '' }],
      [`${request}/update`, { status: 'closed', comment: 'A viewer’s reply', visibility: 'public', department, agent, priority: 'urgent', expected: '' }],
      [`${request}/template`, { comment: 'A viewer’s reply', template: 'x' }],
      [`${request}/duplicate`, { duplicate_of: otherId, duplicate_note: 'Same hole' }],
      ['/staff/services/new', { code: 'VIEWER_MADE', name: 'Made by a viewer', type: 'realtime', active: '1' }],
      ['/staff/services/POTHOLE/edit', { code: 'POTHOLE', name: 'Renamed by a viewer', type: 'realtime' }],
      ['/staff/users', { name: 'Eve', email: 'eve@riverton.example', role: 'admin', department: '', password: 'a-long-enough-password' }],
      [`/staff/users/${agent}`, { name: 'Sam Okafor', role: 'admin', department: '' }],
      [`/staff/users/${agent}/active`, { active: '0' }],
      [`/staff/users/${agent}/password`, { password: 'another-long-password' }],
      ['/staff/departments', { name: 'Viewer Department', email: '' }],
      [`/staff/departments/${department}`, { name: 'Renamed by a viewer', email: '' }],
      [`/staff/departments/${department}/delete`, {}],
      ['/staff/keys', { name: 'Viewer key', rate: '60', trusted: '1' }],
      [`/staff/keys/${key}/revoke`, {}],
      ['/staff/templates/new', { name: 'Viewer template', body: 'Text', status: '' }],
      [`/staff/templates/${template}/edit`, { name: 'Renamed', body: 'Text', status: '' }],
      [`/staff/templates/${template}/delete`, {}],
    ];
    const before = await snapshot(store, requestId);
    for (const [path, fields] of changes) {
      const res = await t.postForm(path, fields, viewer);
      expect(res.statusCode, `POST ${path}`).toBe(403);
      expect(res.body, `POST ${path}: refused for the role, not for the form`).toContain('Not allowed');
    }
    expect(await snapshot(store, requestId)).toBe(before);

    // The same status form from an agent is accepted: the refusal was the role's.
    const agentAuth = await t.login('agent');
    expect((await t.postForm(`${request}/status`, { status: 'closed', note: 'Closed by an agent' }, agentAuth)).statusCode).toBe(303);
    expect((await store.getRequest(J, requestId))?.status).toBe('closed');
  });

  it('the staff API refuses a viewer token a status change (and every other change)', async () => {
    const { t, store } = s;
    const { secret } = await store.createStaffToken({ name: 'dashboard', role: 'viewer' });
    const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
    const calls: readonly { method: 'POST' | 'PUT' | 'DELETE'; url: string; body?: object }[] = [
      { method: 'POST', url: `/api/v1/requests/${otherId}/status`, body: { jurisdiction_id: J, status: 'closed', note: 'By a viewer token' } },
      { method: 'POST', url: `/api/v1/jurisdictions/${J}/services`, body: { service_code: 'VIEWER_API', service_name: 'Viewer' } },
      { method: 'DELETE', url: `/api/v1/jurisdictions/${J}/services/POTHOLE` },
      { method: 'POST', url: '/api/v1/api-keys', body: { name: 'viewer key' } },
      { method: 'POST', url: '/api/v1/staff-tokens', body: { name: 'escalation', role: 'admin' } },
    ];
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${otherId}?jurisdiction_id=${J}`, headers });
    expect(read.statusCode, 'a viewer token may read').toBe(200);
    const before = await snapshot(store, otherId);
    for (const c of calls) {
      const res = await t.app.inject({ method: c.method, url: c.url, headers, ...(c.body ? { payload: JSON.stringify(c.body) } : {}) });
      expect(res.statusCode, `${c.method} ${c.url}`).toBe(403);
    }
    expect(await snapshot(store, otherId)).toBe(before);
  });
});
