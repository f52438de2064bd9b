/**
 * The staff API's view of the job queue (issue 9): global admins only; counts
 * per state and the jobs that may need an admin; retry and discard, each
 * audited; payloads shown only as far as their job declares, errors with
 * e-mail addresses masked. Also the server's own jobs run on the app's queue.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { JOB, startJobQueue, type JobQueue } from '../src/index.js';
import { startServer, type Server } from './support/fixture.js';
import { staffCall } from './support/staff.js';

interface JobItem {
  id: string;
  name: string;
  state: string;
  data: Record<string, unknown>;
  attempts: number;
  retry_limit: number;
  last_error: string | null;
}
interface JobPage {
  counts: Record<string, number>;
  items: JobItem[];
  page: number;
  page_size: number;
}

const HOUR = 3_600_000;
const SECRET_ADDRESS = 'leak@private.example';

describe.each(dialects)('staff API: jobs (%s)', (dialect) => {
  let s: Server;
  let jobs: JobQueue;
  let queueDb: FreshDatabase;
  let scopedAdmin: string;
  let flakyFails = true;
  let outboxId: string;
  const ids = { waiting: '', dead: '', flaky: '', done: '' };
  const call = <T = unknown>(method: string, path: string, token: string | undefined = s.staff.admin) =>
    staffCall<T>(s.url, method, path, token);
  const settled = (id: string, state: string) =>
    vi.waitFor(async () => expect((await jobs.get(id))?.state).toBe(state), { timeout: 10_000, interval: 20 });

  beforeAll(async () => {
    // The queue's engine follows the dialect (pg-boss on PostgreSQL), on a database of its own here.
    queueDb = await freshUrl(dialect);
    jobs = await startJobQueue(queueDb.url);
    s = await startServer(dialect, { options: { jobs } });
    // Only the jobs this test enqueues: the server's scheduled prunes would add to the counts at a minute's (an hour's) turn.
    await jobs.unschedule(JOB.rateLimitsPrune);
    await jobs.unschedule(JOB.idempotencyKeysPrune);
    await jobs.unschedule(JOB.routerSweep);
    scopedAdmin = (await s.store.createStaffToken({ name: 'local', role: 'admin', jurisdictions: ['springfield.example'] })).secret;
    outboxId = (await s.store.enqueueMail({ to: SECRET_ADDRESS, subject: 'S', text: 'T', html: null })).id;

    await jobs.work(JOB.mailDeliver, async () => {
      throw new Error(`550 5.1.1 <${SECRET_ADDRESS}>: mailbox unavailable`);
    });
    await jobs.work('test.flaky', async () => {
      if (flakyFails) throw new Error('upstream down');
    });
    await jobs.work('test.done', async () => undefined);
    // A payload field the job does not declare (no job carries one; the view must not show it anyway).
    ids.dead = (await jobs.enqueue(JOB.mailDeliver, { outboxId, to: SECRET_ADDRESS }, { retryLimit: 0 }))!;
    ids.flaky = (await jobs.enqueue('test.flaky', { n: 1 }, { retryLimit: 0 }))!;
    ids.done = (await jobs.enqueue('test.done', {}))!;
    ids.waiting = (await jobs.enqueue('test.waiting', {}, { runAt: Date.now() + HOUR }))!;
    await Promise.all([settled(ids.dead, 'dead'), settled(ids.flaky, 'dead'), settled(ids.done, 'completed')]);
  });
  afterAll(async () => {
    await jobs?.stop();
    await s?.close();
    await queueDb?.cleanup();
  });

  it('is for admins of global scope only', async () => {
    expect((await staffCall(s.url, 'GET', '/jobs', undefined)).status).toBe(401);
    for (const token of [s.staff.agent, s.staff.viewer, scopedAdmin]) {
      expect((await call('GET', '/jobs', token)).status).toBe(403);
      expect((await call('POST', `/jobs/${ids.dead}/retry`, token)).status).toBe(403);
      expect((await call('POST', `/jobs/${ids.waiting}/discard`, token)).status).toBe(403);
    }
    expect((await jobs.get(ids.waiting))?.state).toBe('queued');
  });

  it('lists counts per state and, by default, the queued, retry-waiting and dead jobs, newest first', async () => {
    const res = await call<JobPage>('GET', '/jobs');
    expect(res.status).toBe(200);
    expect(res.body.counts).toMatchObject({ queued: 1, retry: 0, active: 0, dead: 2 });
    expect(res.body.items.map((j) => j.id)).toEqual([ids.waiting, ids.flaky, ids.dead]);
    expect(res.body).toMatchObject({ page: 1, page_size: 50 });
  });

  it('shows only the declared payload fields, and masks addresses in errors', async () => {
    const res = await call<JobPage>('GET', `/jobs?name=${JOB.mailDeliver}`);
    const [dead] = res.body.items;
    expect(dead).toMatchObject({ id: ids.dead, state: 'dead', attempts: 1, retry_limit: 0, data: { outboxId } });
    expect(Object.keys(dead!.data)).toEqual(['outboxId']);
    expect(dead!.last_error).toBe('550 5.1.1 <[address]>: mailbox unavailable');
    expect(JSON.stringify(res.body)).not.toContain('private.example');
  });

  it('filters by state and name, and pages', async () => {
    const done = await call<JobPage>('GET', '/jobs?state=completed&name=test.done');
    expect(done.body.items.map((j) => j.id)).toEqual([ids.done]);
    const two = await call<JobPage>('GET', '/jobs?state=queued,dead&page_size=2&page=2');
    expect(two.body.items.map((j) => j.id)).toEqual([ids.dead]);
    expect((await call<JobPage>('GET', '/jobs?name=test.waiting')).body.items.map((j) => j.id)).toEqual([ids.waiting]);
    expect((await call('GET', '/jobs?state=lost')).status).toBe(400);
    expect((await call('GET', '/jobs?page_size=1000')).status).toBe(400);
  });

  it('retries a dead job (audited); 409 for a job in another state, 404 for an unknown one', async () => {
    flakyFails = false;
    expect((await call('POST', `/jobs/${ids.flaky}/retry`)).status).toBe(204);
    await settled(ids.flaky, 'completed');
    expect((await call('POST', `/jobs/${ids.flaky}/retry`)).status).toBe(409);
    expect((await call('POST', `/jobs/${ids.waiting}/retry`)).status).toBe(409);
    expect((await call('POST', '/jobs/no-such-job/retry')).status).toBe(404);
    const [entry] = await s.store.listAudit({ limit: 1 });
    expect(entry).toMatchObject({ action: 'job.retry', jurisdiction_id: null, details: { job: ids.flaky, name: 'test.flaky', state: 'dead', channel: 'api' } });
  });

  it('discards a queued or dead job (audited); a dead delivery counts as tried, so the outbox sweep leaves it', async () => {
    expect((await call('POST', `/jobs/${ids.waiting}/discard`)).status).toBe(204);
    expect(await jobs.get(ids.waiting)).toBeUndefined();
    const before = await s.store.getMail(outboxId);
    expect((await call('POST', `/jobs/${ids.dead}/discard`)).status).toBe(204);
    expect(await s.store.getMail(outboxId)).toMatchObject({ sent_at: null, attempts: before!.attempts + 1, last_error: 'delivery discarded by an admin' });
    expect((await call('POST', `/jobs/${ids.done}/discard`)).status).toBe(409);
    expect((await call('POST', `/jobs/${ids.waiting}/discard`)).status).toBe(404);
    const audit = await s.store.listAudit({ limit: 2 });
    expect(audit.map((e) => [e.action, e.details.job])).toEqual([['job.discard', ids.dead], ['job.discard', ids.waiting]]);
  });

  it('the server prunes the shared rate-limit counters in a job', async () => {
    const now = Date.now();
    await s.store.rateLimits.take('jobs-test', 10, 60_000, now - 10 * 60_000);
    const id = await jobs.enqueue(JOB.rateLimitsPrune, {});
    await settled(id!, 'completed');
    expect(await s.store.rateLimits.prune(now - 60_000)).toBe(0);
  });
});
