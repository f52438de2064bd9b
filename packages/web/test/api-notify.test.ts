/** Followers hear of a public change whichever way it is made: the staff API and mySociety updates too. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWebTestApp, formBody, type WebTestApp } from './support/app.js';

describe('changes through the APIs reach the followers', () => {
  let t: WebTestApp;
  let jurisdiction: string;
  let requestId: string;
  const FOLLOWER = 'follower.api@example.org';

  beforeAll(async () => {
    t = await buildWebTestApp();
    const [j] = await t.store.listJurisdictions();
    if (!j) throw new Error('no demo jurisdiction');
    jurisdiction = j.id;
    const [open] = await t.store.listRequests({ jurisdiction_id: jurisdiction, statuses: ['open'], limit: 1, offset: 0 });
    if (!open) throw new Error('no open demo request');
    requestId = open.id;
    const { confirmSecret } = await t.store.addFollower({ jurisdiction_id: jurisdiction, request_id: requestId, email: FOLLOWER, locale: 'fr' });
    await t.store.confirmFollower(confirmSecret);
  });
  afterAll(() => t.close());

  const mails = async () => t.store.listOutbox({ to: FOLLOWER, limit: 50 });
  /** The change enqueues a `followers.notify` job; its worker writes the mail soon after. */
  const eventually = <T>(check: () => Promise<T>): Promise<T> => vi.waitFor(check, { timeout: 10_000, interval: 20 });

  it('mails a status change made with a staff token, in the language the follower chose', async () => {
    const { secret } = await t.store.createStaffToken({ name: 'dispatch', role: 'agent' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/status`,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      payload: { status: 'in_progress', note: 'Crew on the way.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const update = await eventually(async () => {
      const found = (await mails()).find((m) => m.text.includes('Crew on the way.'));
      expect(found).toBeDefined();
      return found;
    });
    expect(update?.subject).toContain(requestId);
    expect(update?.text).toContain('/track/unsubscribe?token=');
    expect(update?.text).toMatch(/Voir|demande/);
  });

  it('mails a mySociety update posted with a trusted key', async () => {
    const { secret } = await t.store.createApiKey({ name: 'fms', rate_limit_per_minute: 60, trusted: true });
    const before = (await mails()).length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/servicerequestupdates.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({
        api_key: secret, service_request_id: requestId, status: 'FIXED', description: 'Filled this morning.',
        updated_datetime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), update_id: 'fms-1',
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    // The update may be dated before the last change (seconds only), so the mail tells of the latest public event.
    await eventually(async () => expect((await mails()).length).toBe(before + 1));
  });
});
