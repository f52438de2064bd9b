/**
 * The services editor and blackbox receipts (issue 8, item 5): the receipt is
 * a field of the editor, and the editor warns when keys of clients that post
 * again after a receipt without id (FixMyStreet, open311_java) post to a
 * blackbox service that gives none.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebTestApp, formBody, type StaffAuth, type WebTestApp } from './support/app.js';
import { demoJurisdiction, redirectTo } from './support/back-office.js';

const EDIT = '/staff/services/NOISE/edit';

describe('services editor: blackbox receipts', () => {
  let t: WebTestApp;
  let admin: StaffAuth;
  let fms: string;

  const postNoise = (apiKey: string): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({
        api_key: apiKey, service_code: 'NOISE', address_string: '1 Main St', description: 'Party',
        'attribute[SOURCE]': 'party', 'attribute[STARTED_AT]': '2026-01-02T22:15:00-06:00',
      }),
    });
  /** The editor's own form for NOISE, as loaded, with `changes`. */
  const editorForm = async (changes: Record<string, string>): Promise<Record<string, string>> => {
    const j = await demoJurisdiction(t.store);
    const s = (await t.store.getService(j.id, 'NOISE'))!;
    return {
      action: 'save', name: s.service_name, description: s.description ?? '', group: s.group ?? '', keywords: s.keywords ?? '',
      type: s.type, active: '1', sla_hours: s.sla_hours === null ? '' : String(s.sla_hours), agency: s.agency_responsible ?? '',
      notice: s.service_notice ?? '', 'tr.es.name': s.translations.es?.service_name ?? '', 'tr.fr.name': s.translations.fr?.service_name ?? '',
      ...Object.fromEntries(s.attributes.flatMap((a, i) => [
        [`attr.${i}.code`, a.code], [`attr.${i}.description`, a.description], [`attr.${i}.datatype`, a.datatype],
        [`attr.${i}.order`, String(a.order)], [`attr.${i}.values`, (a.values ?? []).map((v) => `${v.key} = ${v.name}`).join('\n')],
        ...(a.variable ? [[`attr.${i}.variable`, '1']] : []), ...(a.required ? [[`attr.${i}.required`, '1']] : []),
      ])),
      ...changes,
    };
  };

  beforeAll(async () => {
    t = await buildWebTestApp();
    admin = await t.login('admin');
    fms = (await t.store.createApiKey({ name: 'Riverton FixMyStreet', rate_limit_per_minute: 0, trusted: false, client: 'fixmystreet' })).secret;
  });
  afterAll(() => t.close());

  it('the API keys form labels a new key with its client program (an unknown one is not said)', async () => {
    const res = await t.postForm('/staff/keys', { name: 'Partner FMS', rate: '60', client: 'fixmystreet' }, admin);
    expect(res.statusCode).toBe(201);
    const secret = /id="new-key-secret"[^>]*value="([^"]+)"/.exec(res.body)?.[1] ?? '';
    expect(await t.store.findApiKey(secret)).toMatchObject({ name: 'Partner FMS', client: 'fixmystreet' });
    const odd = await t.postForm('/staff/keys', { name: 'Odd', rate: '60', client: 'netscape' }, admin);
    const oddSecret = /id="new-key-secret"[^>]*value="([^"]+)"/.exec(odd.body)?.[1] ?? '';
    expect((await t.store.findApiKey(oddSecret))?.client).toBeNull();
    expect((await t.get('/staff/keys', admin)).body).toMatch(/<select id="new-key-client" name="client"/);
  });

  it('offers the receipt, the spec\'s by default', async () => {
    const page = await t.get(EDIT, admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<select id="svc-blackbox-receipt" name="blackbox_receipt"[^>]*>.*<option value="none" selected>/s);
  });

  it('says when a resending client may post here, and names it once it did, with the count', async () => {
    expect((await t.get(EDIT, admin)).body).toContain('may post to this black box service');
    for (let i = 0; i < 2; i++) expect((await postNoise(fms)).statusCode).toBe(200);
    const page = await t.get(EDIT, admin);
    expect(page.body).toContain('id="svc-resend-warning"');
    expect(page.body).toContain('Riverton FixMyStreet (fixmystreet): 2 requests in the last 30 days');
  });

  it('saving the receipt with the number ends the warning, and the API then answers with the id', async () => {
    const saved = await t.postForm(EDIT, await editorForm({ blackbox_receipt: 'service_request_id' }), admin);
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(303);
    expect(redirectTo(saved)).toBe('/staff/services?done=saved');
    const page = await t.get(EDIT, admin);
    expect(page.body).not.toContain('svc-resend-warning');
    expect(page.body).toMatch(/<option value="service_request_id" selected>/);
    const receipt = (await postNoise(fms)).json<{ service_request_id?: string }[]>()[0];
    expect(receipt?.service_request_id).toMatch(/^\d+$/);
  });
});
