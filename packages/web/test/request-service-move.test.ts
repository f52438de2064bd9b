/**
 * Moving a request to another service from the staff request page's one form,
 * without JavaScript: the active services by group, an "Unclassified (e-mail)"
 * request moved out of its inactive service with the other fields in one
 * save, the move in the public history and the audit, the followers told
 * once, and a service that cannot take requests refused with nothing written.
 * Both dialects.
 */
import { newService, type ServiceRecord, type StoredRequest } from '@o311/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';
import { demoJurisdiction, publicRequest, redirectTo, seedRequest, summaryLinks } from './support/back-office.js';

describe.each(dialects)('moving a request to another service on the request page (%s)', (dialect) => {
  let t: WebTestApp;
  let agent: StaffAuth;
  let jurisdiction: string;
  let target: ServiceRecord;
  let r: StoredRequest;
  const path = () => `/staff/requests/${r.id}`;
  const post = (fields: Record<string, string>) => t.postForm(`${path()}/update`, fields, agent);
  const untouched = (): Record<string, string> => ({
    status: 'open', service: r.service_code, comment: '', visibility: 'internal', department: '', agent: '', priority: 'normal', expected: '',
  });

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect });
    agent = await t.login('agent');
    jurisdiction = (await demoJurisdiction(t.store)).id;
    target = (await t.store.listServices(jurisdiction)).find((s) => s.group !== null)!;
    await t.store.saveService(newService({
      jurisdiction_id: jurisdiction, service_code: 'EMAIL_UNCLASSIFIED', service_name: 'Unclassified (e-mail)', active: false,
    }));
  });
  beforeEach(async () => {
    r = await seedRequest(t.store, { service_code: 'EMAIL_UNCLASSIFIED', description: 'Streetlight out on Oak Avenue' });
    await t.store.updateTriage({ jurisdiction_id: jurisdiction, request_id: r.id, actor: 'test', expected_at: null });
  });
  afterAll(() => t.close());

  it('offers the active services by group, the inactive current one first', async () => {
    const page = (await t.get(path(), agent)).body;
    const select = /<select id="req-service" name="service"[^>]*>([\s\S]*?)<\/select>/.exec(page)?.[1] ?? '';
    expect(select).toMatch(/^<option value="EMAIL_UNCLASSIFIED" selected>Unclassified \(e-mail\) \(current, inactive\)<\/option><optgroup label="/);
    expect(select).toContain(`<optgroup label="${target.group!.replace(/&/g, '&amp;')}">`);
    expect(select).toContain(`<option value="${target.service_code}">`);
    expect(page).toContain('<label for="req-service">Service</label>');
  });

  it('moves it with the other fields by the one button: public history, audit, GeoReport, followers told once', async () => {
    const notices = vi.spyOn(t.store, 'listConfirmedFollowers');
    try {
      const res = await post({ ...untouched(), service: target.service_code, priority: 'high' });
      expect(redirectTo(res)).toBe(`${path()}?done=saved`);
      expect(notices).toHaveBeenCalledTimes(1);
    } finally {
      notices.mockRestore();
    }
    const pub = await publicRequest(t, r.id);
    expect(pub).toMatchObject({ service_code: target.service_code, service_name: target.service_name });
    const history = await t.store.listEvents(jurisdiction, r.id);
    expect(history.at(-1)).toMatchObject({ type: 'comment', public: true, description: `Unclassified (e-mail) → ${target.service_name}` });
    const audit = (await t.store.listAudit({ request_id: r.id, limit: 20 })).filter((e) => e.actor !== 'test');
    expect(audit.map((e) => e.action).sort()).toEqual(['request.priority', 'request.service']);
    expect(audit.find((e) => e.action === 'request.service')?.details).toMatchObject({ from: 'EMAIL_UNCLASSIFIED', to: target.service_code, channel: 'web' });
    const page = (await t.get(path(), agent)).body;
    expect(page).toContain(`<option value="${target.service_code}" selected>`);
    expect(page).not.toContain('(current, inactive)');
  });

  it('refuses an inactive or unknown service with the field named, keeping what was typed and writing nothing', async () => {
    await t.store.saveService(newService({ jurisdiction_id: jurisdiction, service_code: 'retired', service_name: 'Retired', active: false }));
    for (const service of ['retired', 'no.such']) {
      const res = await post({ ...untouched(), service, comment: 'Typed reply', visibility: 'public' });
      expect(res.statusCode).toBe(400);
      expect(summaryLinks(res.body)).toContain('req-service');
      expect(res.body).toContain('Service: Choose one of the services listed.');
      expect(res.body).toContain('Typed reply');
    }
    expect((await t.store.getRequest(jurisdiction, r.id))?.service_code).toBe('EMAIL_UNCLASSIFIED');
    expect((await t.store.listAudit({ request_id: r.id, limit: 20 })).filter((e) => e.actor !== 'test')).toEqual([]);
  });
});
