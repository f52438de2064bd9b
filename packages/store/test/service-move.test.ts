/**
 * Moving a request to another service (service-move.ts): what moves with the
 * service, what stays, and that a refusal writes nothing; the same on SQLite
 * and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { addJurisdiction, ATTRIBUTES, HOUR, newRequest, service, T0, withFreshStore } from './fixtures.js';

const FAR_FUTURE = T0 + 1000 * 24 * HOUR;

function runServiceMoveContract(dialect: TestDialect): void {
  describe(`Service move: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));

    /** A jurisdiction with `pothole` (DEPTH, NOTE; 48 h), `graffiti` and `sidewalk` (DEPTH only; 24 h; another agency), and an inactive `triage`. */
    async function city(): Promise<string> {
      const j = await addJurisdiction(store);
      await store.saveService(service(j, {
        service_code: 'sidewalk', service_name: 'Broken sidewalk', sla_hours: 24, agency_responsible: 'Sidewalk Crew',
        service_notice: 'Within a day', attributes: [ATTRIBUTES[0]!],
      }));
      await store.saveService(service(j, { service_code: 'triage', service_name: 'Unclassified', active: false, sla_hours: null, attributes: [] }));
      return j;
    }
    const move = (j: string, request_id: string, service_code: string, at = T0 + HOUR) =>
      store.moveRequestService({ jurisdiction_id: j, request_id, service_code, actor: 'u-1', author: 'Ann Agent', audit_details: { channel: 'web' }, at });

    it('moves the service with its name, notice, agency and SLA date, keeps the answers the new service asks, and says so publicly', async () => {
      const j = await city();
      const r = await store.createRequest(newRequest(j, { requested_at: T0, attributes: { DEPTH: 'deep', NOTE: 'x' } }));
      const version = await store.dataVersion();
      const cursor = await store.changes.latest();

      const moved = await move(j, r.id, 'sidewalk');
      expect(moved).toMatchObject({ ok: true, from: { service_code: 'pothole', service_name: 'Pothole' }, dropped_attributes: ['NOTE'] });
      const after = await store.getTriagedRequest(j, r.id);
      expect(after).toMatchObject({
        service_code: 'sidewalk', service_name: 'Broken sidewalk', service_notice: 'Within a day', agency_responsible: 'Sidewalk Crew',
        expected_at: T0 + 24 * HOUR, attributes: { DEPTH: 'deep' }, updated_at: T0 + HOUR, status: 'open',
      });
      const history = await store.listEvents(j, r.id);
      expect(history.at(-1)).toMatchObject({ type: 'comment', public: true, description: 'Pothole → Broken sidewalk', author: 'Ann Agent', at: T0 + HOUR });
      expect(await store.dataVersion()).not.toBe(version);
      const changes = (await store.changes.after(cursor, 100, FAR_FUTURE)).filter((c) => c.jurisdiction_id === j);
      expect(changes.map((c) => [c.kind, c.request_id])).toEqual([['updated', r.id]]);
      const [audit] = await store.listAudit({ request_id: r.id, limit: 5 });
      expect(audit).toMatchObject({ action: 'request.service', actor: 'u-1', details: { from: 'pothole', to: 'sidewalk', dropped_attributes: ['NOTE'], channel: 'web' } });
      // The public list's `updated_after` finds it under its new service.
      const listed = await store.listPublicRequests({ jurisdiction_id: j, updated_from: T0 + HOUR, service_codes: ['sidewalk'], limit: 10, offset: 0 });
      expect(listed.map((x) => x.id)).toEqual([r.id]);
    });

    it('drops an answer the new service asks differently (a list key where it wants a number)', async () => {
      const j = await city();
      await store.saveService(service(j, {
        service_code: 'drain', service_name: 'Drain', attributes: [{ ...ATTRIBUTES[0]!, datatype: 'number', values: undefined, required: false }],
      }));
      const list = await store.createRequest(newRequest(j, { requested_at: T0, attributes: { DEPTH: 'deep' } }));
      expect(await move(j, list.id, 'drain')).toMatchObject({ ok: true, dropped_attributes: ['DEPTH'] });
      expect((await store.getRequest(j, list.id))?.attributes).toEqual({});
    });

    it('keeps an agency and an expected date that staff set themselves', async () => {
      const j = await city();
      const r = await store.createRequest(newRequest(j, { requested_at: T0 }));
      await store.changeStatus({ jurisdiction_id: j, request_id: r.id, status: 'in_progress', note: null, author: 'staff', agency_responsible: 'Night Shift', at: T0 + 1 });
      await store.updateTriage({ jurisdiction_id: j, request_id: r.id, actor: 'u-1', expected_at: T0 + 5 * HOUR, at: T0 + 2 });
      expect(await move(j, r.id, 'graffiti')).toMatchObject({ ok: true, dropped_attributes: [] });
      expect(await store.getRequest(j, r.id)).toMatchObject({
        service_code: 'graffiti', agency_responsible: 'Night Shift', expected_at: T0 + 5 * HOUR, service_notice: null, status: 'in_progress',
      });
    });

    it('takes a request out of an inactive triage service, and clears the SLA date when the new service has none', async () => {
      const j = await city();
      const r = await store.createRequest(newRequest(j, { service_code: 'pothole', requested_at: T0 }));
      expect((await move(j, r.id, 'graffiti')).ok).toBe(true);
      expect(await store.getRequest(j, r.id)).toMatchObject({ expected_at: null, agency_responsible: null });
      await store.saveService(service(j, { service_code: 'triage', service_name: 'Unclassified', active: true, sla_hours: null, attributes: [] }));
      const filed = await store.createRequest(newRequest(j, { service_code: 'triage', requested_at: T0 }));
      await store.saveService(service(j, { service_code: 'triage', service_name: 'Unclassified', active: false, sla_hours: null, attributes: [] }));
      expect((await move(j, filed.id, 'pothole')).ok).toBe(true);
      expect(await store.getRequest(j, filed.id)).toMatchObject({ service_code: 'pothole', expected_at: T0 + 48 * HOUR, agency_responsible: 'Roads Department' });
    });

    it('refuses an inactive, unknown or same service, an unknown request and another jurisdiction, writing nothing', async () => {
      const j = await city();
      const other = await city();
      const r = await store.createRequest(newRequest(j, { requested_at: T0, attributes: { DEPTH: 'deep' } }));
      const version = await store.dataVersion();
      const cursor = await store.changes.latest();
      expect(await move(j, r.id, 'triage')).toEqual({ ok: false, reason: 'inactive-service' });
      expect(await move(j, r.id, 'nope')).toEqual({ ok: false, reason: 'unknown-service' });
      expect(await move(j, r.id, 'pothole')).toEqual({ ok: false, reason: 'same-service' });
      expect(await move(j, '999999999', 'graffiti')).toEqual({ ok: false, reason: 'unknown-request' });
      expect(await move(other, r.id, 'graffiti')).toEqual({ ok: false, reason: 'unknown-request' });
      expect(await store.getRequest(j, r.id)).toMatchObject({ service_code: 'pothole', attributes: { DEPTH: 'deep' }, updated_at: T0 });
      expect(await store.listEvents(j, r.id, { includeInternal: true })).toHaveLength(1);
      expect(await store.listAudit({ request_id: r.id, limit: 5 })).toEqual([]);
      expect(await store.dataVersion()).toBe(version);
      expect(await store.changes.latest()).toBe(cursor);
    });
  });
}

runServiceMoveContract('sqlite');
runServiceMoveContract('postgres');
