/**
 * The staff API's service move (POST /api/v1/requests/{id}/service): roles and
 * scope refused on the server, unknown and inactive services answered with the
 * error document, one audit entry with both codes, and the GeoReport API
 * showing the new service (also to `updated_after`), and the dashboard
 * counting it under the new service at its next sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayOf, type StoredRequest } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { JOB } from '../src/jobs/job-names.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { ManualQueue } from './support/manual-queue.js';
import { DAY, seedRequest } from './support/requests.js';
import { staffCall, type StaffAnswer } from './support/staff.js';

const errorText = (a: StaffAnswer, status: number): string => {
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  const items = a.body as { code: number; description: string }[];
  expect(items[0]?.code).toBe(status);
  return items.map((i) => i.description).join('\n');
};

describe.each(dialects)('staff API service move (%s)', (dialect) => {
  let s: Server;
  let req: StoredRequest;
  let outsider: string;
  const queue = new ManualQueue();
  const dashboardCount = async (service_code: string) => {
    await queue.enqueue(JOB.dashboardSync, {});
    await queue.run();
    const today = dayOf(Date.now(), JURISDICTION.timezone);
    return s.store.dashboard.total({ source_id: `local:${JURISDICTION.id}`, from_day: addDays(today, -30), to_day: addDays(today, 1), service_codes: [service_code] });
  };
  const call = <T = unknown>(method: string, path: string, token: string | undefined, body?: unknown) => staffCall<T>(s.url, method, path, token, body);
  const move = (token: string, service_code: string, id = req.id) => call<{ service_code: string; events: { description: string }[] }>(
    'POST', `/requests/${id}/service`, token, { service_code },
  );

  beforeAll(async () => {
    s = await startServer(dialect, {
      options: { jobs: queue },
      seed: async (store) => {
        req = await seedRequest(store, { service_code: 'pothole', attributes: { SIZE: 'small' }, description: 'Hole', requested_at: Date.now() - DAY });
        await store.saveJurisdiction({ id: 'other.example', name: 'Other', contact: 'c', key_service: 'k', timezone: 'UTC' });
        outsider = (await store.createStaffToken({ name: 'otto', role: 'admin', jurisdictions: ['other.example'] })).secret;
      },
    });
  });
  afterAll(() => s.close());

  it('refuses viewers, tokens outside the jurisdiction, unknown requests and services that cannot take it, changing nothing', async () => {
    expect(errorText(await move(s.staff.viewer, 'graffiti'), 403)).toMatch(/viewer/);
    errorText(await move(outsider, 'graffiti'), 404);
    errorText(await call('POST', `/requests/${req.id}/service`, outsider, { service_code: 'graffiti', jurisdiction_id: JURISDICTION.id }), 404);
    errorText(await move(s.staff.agent, 'graffiti', '99999999'), 404);
    expect(errorText(await move(s.staff.agent, 'retired'), 400)).toMatch(/retired.*not active/);
    expect(errorText(await move(s.staff.agent, 'no.such'), 400)).toMatch(/no\.such/);
    errorText(await call('POST', `/requests/${req.id}/service`, s.staff.agent, {}), 400);
    errorText(await call('POST', `/requests/${req.id}/service`, s.staff.agent, { service_code: 'x'.repeat(201) }), 400);
    expect((await s.store.getRequest(JURISDICTION.id, req.id))?.service_code).toBe('pothole');
    expect(await s.store.listAudit({ request_id: req.id, limit: 5 })).toEqual([]);
  });

  it('moves the request for an agent, audits both codes once, and the GeoReport API shows the new service', async () => {
    expect(await dashboardCount('pothole')).toBe(1);
    const before = Date.now() - 1000;
    const moved = await move(s.staff.agent, 'graffiti');
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.service_code).toBe('graffiti');
    expect(moved.body.events.at(-1)?.description).toBe('Pothole → Graffiti');
    const audit = await s.store.listAudit({ request_id: req.id, limit: 5 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'request.service', details: { from: 'pothole', to: 'graffiti', dropped_attributes: ['SIZE'], channel: 'api', token_name: 'alan' } });

    const one = (await (await fetch(`${s.url}/open311/v2/requests/${req.id}.json`)).json()) as { service_code: string; service_name: string }[];
    expect(one[0]).toMatchObject({ service_code: 'graffiti', service_name: 'Graffiti' });
    const since = new Date(before).toISOString().replace(/\.\d+Z$/, 'Z');
    const listed = (await (await fetch(`${s.url}/open311/v2/requests.json?updated_after=${since}&service_code=graffiti`)).json()) as { service_request_id: string }[];
    expect(listed.map((r) => r.service_request_id)).toContain(req.id);
    expect([await dashboardCount('pothole'), await dashboardCount('graffiti')]).toEqual([0, 1]);

    // Asking again for the service it is under changes nothing.
    expect((await move(s.staff.admin, 'graffiti')).status).toBe(200);
    expect(await s.store.listAudit({ request_id: req.id, limit: 5 })).toHaveLength(1);
  });
});
