/** The staff API: authentication, roles, catalogue management, requests and status changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredRequest } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, REPORTER, startServer, type Server } from './support/fixture.js';
import { JSON_TYPE, form, get, json, postForm } from './support/http.js';
import { DAY, seedRequest } from './support/requests.js';
import { staffCall, type StaffAnswer } from './support/staff.js';

type ErrorItems = { code: number; description: string }[];

const expectStaffError = (a: StaffAnswer, status: number): string => {
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  expect(a.type).toBe(JSON_TYPE);
  const items = a.body as ErrorItems;
  expect(items[0]?.code).toBe(status);
  return items.map((i) => i.description).join('\n');
};

const newService = {
  service_code: 'tree.down',
  service_name: 'Fallen tree',
  type: 'realtime',
  agency_responsible: 'Parks',
  sla_hours: 24,
  attributes: [
    {
      variable: true, code: 'BLOCKING', datatype: 'singlevaluelist', required: true, order: 1,
      description: 'Is the road blocked?', values: [{ key: 'yes', name: 'Yes' }, { key: 'no', name: 'No' }],
    },
    { variable: true, code: 'GIRTH', datatype: 'number', required: false, order: 2, description: 'Trunk girth (cm)' },
  ],
  translations: { es: { service_name: 'Árbol caído' } },
};

describe.each(dialects)('staff API (%s)', (dialect) => {
  let s: Server;
  let req: StoredRequest;
  const call = <T = unknown>(method: string, path: string, token: string | undefined, body?: unknown) =>
    staffCall<T>(s.url, method, path, token, body);

  beforeAll(async () => {
    s = await startServer(dialect, {
      seed: async (store) => {
        req = await seedRequest(store, {
          service_code: 'pothole', lat: 41.9, long: -87.7, attributes: { SIZE: 'small' }, description: 'Big hole',
          requested_at: Date.now() - DAY,
        });
      },
    });
  });
  afterAll(() => s.close());

  describe('authentication', () => {
    it('answers 401 without, with an unknown or with a revoked token', async () => {
      const none = await call('GET', '/jurisdictions', undefined);
      expect(expectStaffError(none, 401)).toMatch(/Bearer/);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expectStaffError(await call('GET', '/jurisdictions', 'nope'), 401);
      expectStaffError(await call('GET', '/jurisdictions', s.staff.revoked), 401);
    });

    it('tells who is calling', async () => {
      const me = await call<{ name: string; role: string }>('GET', '/me', s.staff.viewer);
      expect(me.body).toMatchObject({ name: 'vera', role: 'viewer' });
    });
  });

  describe('roles', () => {
    it('lets a viewer read everything it may but change nothing', async () => {
      expect((await call('GET', '/jurisdictions', s.staff.viewer)).status).toBe(200);
      expect((await call('GET', `/jurisdictions/${JURISDICTION.id}`, s.staff.viewer)).status).toBe(200);
      expect((await call('GET', `/jurisdictions/${JURISDICTION.id}/services`, s.staff.viewer)).status).toBe(200);
      expect((await call('GET', '/requests', s.staff.viewer)).status).toBe(200);
      expect((await call('GET', `/requests/${req.id}`, s.staff.viewer)).status).toBe(200);
      const denied: [string, string, unknown?][] = [
        ['POST', '/jurisdictions', { id: 'x.example', name: 'X', contact: 'c', key_service: 'k', timezone: 'UTC' }],
        ['PUT', `/jurisdictions/${JURISDICTION.id}`, { name: 'X', contact: 'c', key_service: 'k', timezone: 'UTC' }],
        ['DELETE', `/jurisdictions/${JURISDICTION.id}`],
        ['POST', `/jurisdictions/${JURISDICTION.id}/services`, newService],
        ['PUT', `/jurisdictions/${JURISDICTION.id}/services/pothole`, { service_name: 'X' }],
        ['DELETE', `/jurisdictions/${JURISDICTION.id}/services/pothole`],
        ['POST', `/requests/${req.id}/status`, { status: 'closed' }],
        ['GET', '/api-keys'],
        ['POST', '/api-keys', { name: 'k' }],
        ['GET', '/staff-tokens'],
        ['POST', '/staff-tokens', { name: 't', role: 'admin' }],
      ];
      for (const [method, path, body] of denied) {
        const a = await call(method, path, s.staff.viewer, body);
        expect(a.status, `${method} ${path}`).toBe(403);
        expect((a.body as ErrorItems)[0]?.description).toMatch(/viewer/);
      }
      const after = await s.store.getRequest(JURISDICTION.id, req.id);
      expect(after?.status).toBe('open');
      expect(await s.store.getService(JURISDICTION.id, 'pothole')).toBeDefined();
    });

    it('lets an agent change requests but not the catalogue or keys', async () => {
      expectStaffError(await call('POST', `/jurisdictions/${JURISDICTION.id}/services`, s.staff.agent, newService), 403);
      expectStaffError(await call('POST', '/api-keys', s.staff.agent, { name: 'k' }), 403);
      expectStaffError(await call('GET', '/staff-tokens', s.staff.agent), 403);
      const ok = await call('POST', `/requests/${req.id}/status`, s.staff.agent, { status: 'investigating' });
      expect(ok.status).toBe(200);
    });
  });

  describe('jurisdictions', () => {
    it('creates, reads, replaces and deletes', async () => {
      const j = { id: 'shelbyville.example', name: 'Shelbyville', contact: 'c', key_service: 'k', timezone: 'Europe/Berlin' };
      const created = await call('POST', '/jurisdictions', s.staff.admin, j);
      expect(created.status).toBe(201);
      expect(created.body).toEqual(j);
      expectStaffError(await call('POST', '/jurisdictions', s.staff.admin, j), 409);
      expect((await call('GET', `/jurisdictions/${j.id}`, s.staff.admin)).body).toEqual(j);
      const put = await call('PUT', `/jurisdictions/${j.id}`, s.staff.admin, { ...j, id: undefined, name: 'Shelbyville!' });
      expect(put.body).toMatchObject({ id: j.id, name: 'Shelbyville!' });
      expect((await call('DELETE', `/jurisdictions/${j.id}`, s.staff.admin)).status).toBe(204);
      expectStaffError(await call('GET', `/jurisdictions/${j.id}`, s.staff.admin), 404);
      expectStaffError(await call('DELETE', `/jurisdictions/${j.id}`, s.staff.admin), 404);
    });

    it('validates input and refuses to delete a jurisdiction with services', async () => {
      const j = { id: 'ok.example', name: 'X', contact: 'c', key_service: 'k', timezone: 'Mars/Olympus' };
      expect(expectStaffError(await call('POST', '/jurisdictions', s.staff.admin, j), 400)).toMatch(/Mars\/Olympus/);
      expect(expectStaffError(await call('POST', '/jurisdictions', s.staff.admin, { ...j, id: 'a b' }), 400)).toMatch(/body\/id/);
      const many = await call('POST', '/jurisdictions', s.staff.admin, { id: 'x' });
      expect((many.body as ErrorItems).length).toBe(4); // name, contact, key_service, timezone
      expectStaffError(await call('DELETE', `/jurisdictions/${JURISDICTION.id}`, s.staff.admin), 409);
    });
  });

  describe('services', () => {
    it('creates a service that the public API then offers', async () => {
      const created = await call<{ service_code: string; metadata: boolean; updated_datetime: string }>(
        'POST', `/jurisdictions/${JURISDICTION.id}/services`, s.staff.admin, newService,
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ service_code: 'tree.down', metadata: true, active: true });
      expectStaffError(await call('POST', `/jurisdictions/${JURISDICTION.id}/services`, s.staff.admin, newService), 409);
      const list = json<{ service_code: string }[]>(await get(`${s.url}/open311/v2/services.json`));
      expect(list.map((x) => x.service_code)).toContain('tree.down');
      const def = json<{ attributes: { code: string; datatype_description: string | null }[] }>(
        await get(`${s.url}/open311/v2/services/tree.down.json`),
      );
      expect(def.attributes.map((a) => a.code)).toEqual(['BLOCKING', 'GIRTH']);
      expect(def.attributes[1]?.datatype_description).toBeNull();
      const es = json<{ service_code: string; service_name: string }[]>(await get(`${s.url}/open311/v2/services.json?locale=es`));
      expect(es.find((x) => x.service_code === 'tree.down')?.service_name).toBe('Árbol caído');
    });

    it('replaces, reads (inactive too) and deletes', async () => {
      const put = await call<{ active: boolean; attributes: unknown[] }>(
        'PUT', `/jurisdictions/${JURISDICTION.id}/services/tree.down`, s.staff.admin,
        { service_name: 'Fallen tree', active: false },
      );
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ active: false, attributes: [], metadata: false, type: 'realtime' });
      const all = await call<{ service_code: string }[]>('GET', `/jurisdictions/${JURISDICTION.id}/services`, s.staff.viewer);
      expect(all.body.map((x) => x.service_code)).toEqual(expect.arrayContaining(['tree.down', 'retired']));
      const pub = json<{ service_code: string }[]>(await get(`${s.url}/open311/v2/services.json`));
      expect(pub.map((x) => x.service_code)).not.toContain('tree.down');
      expect((await call('DELETE', `/jurisdictions/${JURISDICTION.id}/services/tree.down`, s.staff.admin)).status).toBe(204);
      expectStaffError(await call('GET', `/jurisdictions/${JURISDICTION.id}/services/tree.down`, s.staff.admin), 404);
      expectStaffError(await call('GET', '/jurisdictions/nowhere.example/services', s.staff.admin), 404);
    });

    it('names every problem of an attribute definition', async () => {
      const bad = {
        ...newService,
        service_code: 'bad.one',
        attributes: [
          { variable: true, code: 'A', datatype: 'string', required: false, order: 1, description: 'a' },
          { variable: true, code: 'A', datatype: 'string', required: false, order: 1, description: 'b' },
          { variable: true, code: 'L', datatype: 'multivaluelist', required: false, order: 0, description: 'c', values: [] },
          {
            variable: true, code: 'S', datatype: 'singlevaluelist', required: false, order: 3, description: 'd',
            values: [{ key: 'x', name: 'X' }, { key: 'x', name: 'Y' }],
          },
        ],
      };
      const text = expectStaffError(await call('POST', `/jurisdictions/${JURISDICTION.id}/services`, s.staff.admin, bad), 400);
      expect(text).toContain("code 'A' is used twice");
      expect(text).toContain('order 1 is used twice');
      expect(text).toContain('order must be a positive integer');
      expect(text).toContain('needs at least one value');
      expect(text).toContain("value key 'x' is used twice");
      const wrongType = { ...newService, service_code: 'bad.two', attributes: [{ ...newService.attributes[0], datatype: 'boolean' }] };
      expect(expectStaffError(await call('POST', `/jurisdictions/${JURISDICTION.id}/services`, s.staff.admin, wrongType), 400)).toMatch(/datatype/);
      expect(await s.store.getService(JURISDICTION.id, 'bad.one')).toBeUndefined();
    });

    it('answers malformed JSON with a 400 in the error shape', async () => {
      expectStaffError(await call('POST', `/jurisdictions/${JURISDICTION.id}/services`, s.staff.admin, '{"service_code":'), 400);
    });
  });

  describe('requests', () => {
    it('shows staff the reporter and the whole history', async () => {
      const list = await call<{ items: { id: string; reporter: typeof REPORTER }[]; total: number }>('GET', '/requests', s.staff.viewer);
      expect(list.status).toBe(200);
      expect(list.body.total).toBeGreaterThanOrEqual(1);
      expect(list.body.items.find((r) => r.id === req.id)?.reporter).toEqual(REPORTER);
      const one = await call<{ reporter: typeof REPORTER; events: { type: string }[] }>('GET', `/requests/${req.id}`, s.staff.viewer);
      expect(one.body.reporter.email).toBe(REPORTER.email);
      expect(one.body.events[0]?.type).toBe('submitted');
      expectStaffError(await call('GET', '/requests/424242', s.staff.viewer), 404);
      expectStaffError(await call('GET', '/requests?status=pending', s.staff.viewer), 400);
    });

    it('validates status changes', async () => {
      expectStaffError(await call('POST', `/requests/${req.id}/status`, s.staff.agent, { status: 'teleported' }), 400);
      expectStaffError(
        await call('POST', `/requests/${req.id}/status`, s.staff.agent, { status: 'closed', expected_datetime: '2026-01-01' }),
        400,
      );
      expectStaffError(await call('POST', '/requests/999999/status', s.staff.agent, { status: 'closed' }), 404);
      expectStaffError(
        await call('POST', `/requests/${req.id}/status`, s.staff.agent, { status: 'closed', jurisdiction_id: 'nowhere.example' }),
        404,
      );
    });

    it('makes a status change visible in status, status_notes, updated_datetime, notes and servicerequestupdates', async () => {
      const [before] = json<{ updated_datetime: string }[]>(await get(`${s.url}/open311/v2/requests/${req.id}.json`));
      await new Promise((r) => setTimeout(r, 1100));
      const changed = await call<{ status: string; public_status: string; agency_responsible: string; expected_datetime: string }>(
        'POST', `/requests/${req.id}/status`, s.staff.agent,
        {
          status: 'fixed', note: 'Filled with asphalt', agency_responsible: 'Night crew',
          expected_datetime: '2030-01-02T03:04:05Z',
        },
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body).toMatchObject({ status: 'fixed', public_status: 'closed', agency_responsible: 'Night crew' });
      expect(Date.parse(changed.body.expected_datetime)).toBe(Date.parse('2030-01-02T03:04:05Z'));

      for (const fmt of ['json', 'xml'] as const) {
        const a = await get(`${s.url}/open311/v2/requests/${req.id}.${fmt}?extensions=true`);
        expect(a.status).toBe(200);
        if (fmt === 'xml') {
          expect(a.body).toContain('<status>closed</status>');
          expect(a.body).toContain('<status_notes>Filled with asphalt</status_notes>');
          expect(a.body).toContain('<detailed_status>fixed</detailed_status>');
          continue;
        }
        const [pub] = JSON.parse(a.body) as {
          status: string; status_notes: string; updated_datetime: string; agency_responsible: string;
          extended_attributes: { detailed_status: string; notes: { type: string; status: string; description: string }[] };
        }[];
        expect(pub!.status).toBe('closed');
        expect(pub!.status_notes).toBe('Filled with asphalt');
        expect(pub!.agency_responsible).toBe('Night crew');
        expect(Date.parse(pub!.updated_datetime)).toBeGreaterThan(Date.parse(before!.updated_datetime));
        expect(pub!.extended_attributes.detailed_status).toBe('fixed');
        expect(pub!.extended_attributes.notes.at(-1)).toMatchObject({ type: 'status_change', status: 'fixed', description: 'Filled with asphalt' });
      }
      const closedList = json<{ service_request_id: string }[]>(await get(`${s.url}/open311/v2/requests.json?status=closed`));
      expect(closedList.map((r) => r.service_request_id)).toContain(req.id);
      const updates = json<{ service_request_id: string; status: string; description: string; updated_datetime: string }[]>(
        await get(`${s.url}/open311/v2/servicerequestupdates.json`),
      );
      expect(updates.filter((u) => u.service_request_id === req.id).at(-1)).toMatchObject({
        status: 'fixed', description: 'Filled with asphalt',
      });
    });
  });

  describe('API keys and staff tokens', () => {
    it('creates a key whose secret is shown once and works, then revokes it', async () => {
      const created = await call<{ key: { id: string; trusted: boolean; rate_limit_per_minute: number }; secret: string }>(
        'POST', '/api-keys', s.staff.admin, { name: 'mobile app', rate_limit_per_minute: 10 },
      );
      expect(created.status).toBe(201);
      expect(created.body.key).toMatchObject({ trusted: false, rate_limit_per_minute: 10 });
      const listed = await call<Record<string, unknown>[]>('GET', '/api-keys', s.staff.admin);
      expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
      const body = form({ api_key: created.body.secret, service_code: 'trash.bulk', address_string: '1 Elm' });
      expect((await postForm(`${s.url}/open311/v2/requests.json`, body)).status).toBe(200);
      expect((await call('DELETE', `/api-keys/${created.body.key.id}`, s.staff.admin)).status).toBe(204);
      expect((await postForm(`${s.url}/open311/v2/requests.json`, body)).status).toBe(403);
      expectStaffError(await call('DELETE', '/api-keys/does-not-exist', s.staff.admin), 404);
    });

    it('creates and revokes staff tokens', async () => {
      const created = await call<{ token: { id: string; role: string }; secret: string }>(
        'POST', '/staff-tokens', s.staff.admin, { name: 'new agent', role: 'agent' },
      );
      expect(created.status).toBe(201);
      expect((await call('GET', '/me', created.body.secret)).body).toMatchObject({ role: 'agent' });
      const list = await call<{ id: string }[]>('GET', '/staff-tokens', s.staff.admin);
      expect(list.body.map((t) => t.id)).toContain(created.body.token.id);
      expect((await call('DELETE', `/staff-tokens/${created.body.token.id}`, s.staff.admin)).status).toBe(204);
      expectStaffError(await call('GET', '/me', created.body.secret), 401);
      expectStaffError(await call('POST', '/staff-tokens', s.staff.admin, { name: 'x', role: 'overlord' }), 400);
    });
  });
});
