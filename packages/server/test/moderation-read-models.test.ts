/**
 * Moderation reaches the dashboard's read model (issue 14 item 8): the
 * 'updated' change a moderation records makes the next sync write the fact
 * again, with the moderated description. Jobs on a manual queue. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { JOB } from '../src/jobs/job-names.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { ManualQueue } from './support/manual-queue.js';
import { seedRequest } from './support/requests.js';
import { staffCall } from './support/staff.js';

const SOURCE = `local:${JURISDICTION.id}`;

describe.each(dialects)('moderation and the dashboard (%s)', (dialect) => {
  let s: Server;
  const queue = new ManualQueue();
  const sync = async () => {
    await queue.enqueue(JOB.dashboardSync, {});
    await queue.run();
  };

  beforeAll(async () => {
    s = await startServer(dialect, { options: { jobs: queue } });
  });
  afterAll(async () => s?.close());

  it('writes the redacted description into the request\'s fact', async () => {
    const r = await seedRequest(s.store, { service_code: 'pothole', lat: 41.2, long: -87.8, description: 'Call 555-0100' });
    await sync();
    await sync();
    expect((await s.store.dashboard.getFacts(SOURCE, [r.id]))[0]?.description).toBe('Call 555-0100');
    const done = await staffCall(s.url, 'POST', `/requests/${r.id}/moderation`, s.staff.agent, { action: 'redact', target: 'description', text: 'Call [redacted]', reason: 'Phone' });
    expect(done.status).toBe(200);
    await sync();
    expect((await s.store.dashboard.getFacts(SOURCE, [r.id]))[0]?.description).toBe('Call [redacted]');
  });
});
