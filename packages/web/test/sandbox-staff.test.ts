/**
 * Requests filed in the sandbox never reach staff (issue 8, item 19): the back
 * office serves the primary jurisdiction, which a sandbox never is, so its
 * inbox and CSV export leave them out, and its services editor lists the city's services only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSandbox } from '@o311/server';
import { emptyRequestDetails } from '../../../test-support/request-details.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';

const MARK = 'Sandbox test request please ignore 7f3a';

describe('the sandbox and the back office', () => {
  let t: WebTestApp;
  let agent: StaffAuth;

  beforeAll(async () => {
    t = await buildWebTestApp();
    agent = await t.login('agent');
    const sandbox = (await ensureSandbox(t.store))!;
    const [service] = await t.store.listServices(sandbox.jurisdictionId);
    await t.store.createRequest({
      ...emptyRequestDetails(), jurisdiction_id: sandbox.jurisdictionId, service_code: service!.service_code, with_token: false,
      description: MARK, address: '1 Main St', attributes: {}, media: [], api_key_id: null, channel: 'api',
      reporter: { email: 'dev@example.org', first_name: null, last_name: null, phone: null, device_id: null, account_id: null },
    });
  });
  afterAll(() => t.close());

  it('the sandbox is not the jurisdiction the back office serves', async () => {
    expect((await t.store.primaryJurisdiction())?.sandbox).toBeUndefined();
  });

  it('leaves sandbox requests out of the inbox and the CSV export', async () => {
    const inbox = await t.get(`/staff?q=${encodeURIComponent('please ignore 7f3a')}`, agent);
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).not.toContain(MARK);
    const csv = await t.get('/staff/requests.csv', agent);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain(MARK);
    expect(csv.body).not.toContain('dev@example.org');
  });
});
