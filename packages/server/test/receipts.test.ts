/**
 * Blackbox receipts (issue 8, item 5): the spec's receipt by default; per
 * service, an id (or a token) for clients that would otherwise post again
 * (FixMyStreet, open311_java), set through the staff API. API keys carry the
 * client program's label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { form, get, json, postForm } from './support/http.js';
import { staffCall } from './support/staff.js';

type Receipt = { service_request_id?: string; token?: string; service_notice?: string | null };

describe.each(dialects)('blackbox receipts (%s)', (dialect) => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer(dialect);
  });
  afterAll(() => s?.close());

  const postNoise = async (): Promise<Receipt> => {
    const a = await postForm(`${s.url}/open311/v2/requests.json`, form({
      api_key: s.keys.plain, service_code: 'noise', address_string: '1 Main St', description: 'Loud party',
    }));
    expect(a.status, a.body).toBe(200);
    return json<Receipt[]>(a)[0]!;
  };
  const setReceipt = async (blackbox_receipt: string) => {
    const current = await staffCall<Record<string, unknown>>(s.url, 'GET', `/jurisdictions/${JURISDICTION.id}/services/noise`, s.staff.admin);
    const { jurisdiction_id: _j, service_code: _c, metadata: _m, updated_datetime: _u, ...body } = current.body;
    return staffCall<Record<string, unknown>>(s.url, 'PUT', `/jurisdictions/${JURISDICTION.id}/services/noise`, s.staff.admin, { ...body, blackbox_receipt });
  };

  it('by default answers as the spec says: neither id nor token', async () => {
    const service = await staffCall<{ blackbox_receipt: string }>(s.url, 'GET', `/jurisdictions/${JURISDICTION.id}/services/noise`, s.staff.admin);
    expect(service.body.blackbox_receipt).toBe('none');
    const receipt = await postNoise();
    expect(receipt.service_request_id).toBeUndefined();
    expect(receipt.token).toBeUndefined();
  });

  it('with `service_request_id`, gives the id of the stored request (FixMyStreet stops resending)', async () => {
    const saved = await setReceipt('service_request_id');
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.blackbox_receipt).toBe('service_request_id');
    const receipt = await postNoise();
    expect(receipt.service_request_id).toMatch(/^\d+$/);
    expect(receipt.service_notice).toBe('Forwarded to police.');
    expect((await get(`${s.url}/open311/v2/requests/${receipt.service_request_id}.json`)).status).toBe(200);
  });

  it('with `token`, gives a token that resolves to the id', async () => {
    expect((await setReceipt('token')).status).toBe(200);
    const receipt = await postNoise();
    expect(receipt.token).toBeTruthy();
    const resolved = json<Receipt[]>(await get(`${s.url}/open311/v2/tokens/${receipt.token}.json`))[0]!;
    expect(resolved.service_request_id).toMatch(/^\d+$/);
  });

  it('refuses an unknown receipt (400), leaving the service as it was', async () => {
    expect((await setReceipt('maybe')).status).toBe(400);
    const service = await staffCall<{ blackbox_receipt: string }>(s.url, 'GET', `/jurisdictions/${JURISDICTION.id}/services/noise`, s.staff.admin);
    expect(service.body.blackbox_receipt).toBe('token');
  });

  it('API keys carry the client program, set at creation', async () => {
    const created = await staffCall<{ key: { client: string | null; public: boolean } }>(
      s.url, 'POST', '/api-keys', s.staff.admin, { name: 'Riverton FMS', client: 'fixmystreet' },
    );
    expect(created.status).toBe(201);
    expect(created.body.key).toMatchObject({ client: 'fixmystreet', public: false });
    expect((await staffCall(s.url, 'POST', '/api-keys', s.staff.admin, { name: 'x', client: 'netscape' })).status).toBe(400);
  });
});
