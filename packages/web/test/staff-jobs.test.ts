/**
 * /staff/jobs (issue 9): global admins see the jobs per state and the
 * queued, retry-waiting and dead ones, and retry or discard them with
 * CSRF-protected forms, audited; no personal data from payloads or errors.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JOB, startJobQueue, type JobQueue } from '@o311/server';
import { DEMO_EMAILS, buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';

const SECRET_ADDRESS = 'hidden.person@private.example';
const HOUR = 3_600_000;

describe('the background jobs page', () => {
  let t: WebTestApp;
  let jobs: JobQueue;
  let admin: StaffAuth;
  let adminId: string;
  let flakyFails = true;
  const ids = { dead: '', flaky: '', waiting: '' };
  const settled = (id: string, state: string) =>
    vi.waitFor(async () => expect((await jobs.get(id))?.state).toBe(state), { timeout: 10_000, interval: 20 });
  const redirectTo = (res: { statusCode: number; headers: Record<string, unknown> }) => {
    expect(res.statusCode).toBe(303);
    return res.headers.location;
  };

  beforeAll(async () => {
    jobs = await startJobQueue('sqlite::memory:');
    t = await buildWebTestApp({ jobs });
    // Only the jobs this test enqueues: the server's scheduled prunes would add to the counts at a minute's (an hour's) turn.
    await jobs.unschedule(JOB.rateLimitsPrune);
    await jobs.unschedule(JOB.idempotencyKeysPrune);
    await jobs.unschedule(JOB.routerSweep);
    admin = await t.login('admin');
    adminId = (await t.store.findUserByEmail(DEMO_EMAILS.admin))!.id;
    // Without SMTP the web apps run no deliveries: this test's worker fails them.
    await jobs.work(JOB.mailDeliver, async () => {
      throw new Error(`550 <${SECRET_ADDRESS}> unknown user`);
    });
    await jobs.work('test.flaky', async () => {
      if (flakyFails) throw new Error('upstream down');
    });
    ids.dead = (await jobs.enqueue(JOB.mailDeliver, { outboxId: '41', to: SECRET_ADDRESS }, { retryLimit: 0 }))!;
    ids.flaky = (await jobs.enqueue('test.flaky', {}, { retryLimit: 0 }))!;
    ids.waiting = (await jobs.enqueue('test.waiting', {}, { runAt: Date.now() + HOUR }))!;
    await Promise.all([settled(ids.dead, 'dead'), settled(ids.flaky, 'dead')]);
  });
  afterAll(async () => {
    await t?.close();
    await jobs?.stop();
  });

  it('is linked for a global admin and refused to the other roles', async () => {
    const page = await t.get('/staff/jobs', admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/staff/jobs" aria-current="page">Background jobs</a>');
    for (const role of ['agent', 'viewer'] as const) {
      const auth = await t.login(role);
      expect((await t.get('/staff/jobs', auth)).statusCode).toBe(403);
      expect((await t.get('/staff', auth)).body).not.toContain('/staff/jobs');
      expect((await t.postForm(`/staff/jobs/${ids.waiting}/discard`, {}, auth)).statusCode).toBe(403);
    }
    // Signed out: to the login page, and back here after.
    expect((await t.get('/staff/jobs')).headers.location).toBe('/staff/login?next=%2Fstaff%2Fjobs');
  });

  it('shows the counts per state and the jobs needing attention, without personal data', async () => {
    const body = (await t.get('/staff/jobs', admin)).body;
    expect(body).toMatch(/<th scope="row">Dead<\/th><td>2<\/td>/);
    expect(body).toMatch(/<th scope="row">Queued<\/th><td>1<\/td>/);
    for (const id of Object.values(ids)) expect(body).toContain(`#${id}`);
    expect(body).toContain('outboxId: 41');
    expect(body).toContain('550 &lt;[address]&gt; unknown user');
    expect(body).not.toContain('private.example');
    expect(body).toContain(`action="/staff/jobs/${ids.dead}/retry"`);
    expect(body).toContain(`action="/staff/jobs/${ids.waiting}/discard"`);
    expect(body).not.toContain(`action="/staff/jobs/${ids.waiting}/retry"`);
    expect(body).toMatch(/name="_csrf"/);
  });

  it('filters by state, in the visitor’s language', async () => {
    const res = await t.app.inject({ url: '/staff/jobs?state=queued', headers: { cookie: admin.cookie, 'accept-language': 'es' } });
    expect(res.body).toContain('Tareas en segundo plano');
    expect(res.body).toContain(`#${ids.waiting}`);
    expect(res.body).not.toContain(`#${ids.dead}`);
  });

  it('retries a dead job (audited); a job that changed state meanwhile is left alone', async () => {
    expect((await t.postForm(`/staff/jobs/${ids.flaky}/retry`, { _csrf: 'forged' }, admin)).statusCode).toBe(403);
    flakyFails = false;
    expect(redirectTo(await t.postForm(`/staff/jobs/${ids.flaky}/retry`, {}, admin))).toBe('/staff/jobs?done=retried');
    await settled(ids.flaky, 'completed');
    expect((await t.get('/staff/jobs?done=retried', admin)).body).toContain('The job runs again now.');
    expect(redirectTo(await t.postForm(`/staff/jobs/${ids.flaky}/retry`, {}, admin))).toBe('/staff/jobs?done=stale');
    const [entry] = await t.store.listAudit({ actor: adminId, limit: 1 });
    expect(entry).toMatchObject({ action: 'job.retry', details: { job: ids.flaky, name: 'test.flaky', channel: 'web' } });
  });

  it('discards a job (audited); an unknown one is not found', async () => {
    expect(redirectTo(await t.postForm(`/staff/jobs/${ids.waiting}/discard`, {}, admin))).toBe('/staff/jobs?done=discarded');
    expect(await jobs.get(ids.waiting)).toBeUndefined();
    expect((await t.postForm(`/staff/jobs/${ids.waiting}/discard`, {}, admin)).statusCode).toBe(404);
    const [entry] = await t.store.listAudit({ actor: adminId, limit: 1 });
    expect(entry).toMatchObject({ action: 'job.discard', details: { job: ids.waiting, name: 'test.waiting', channel: 'web' } });
  });
});
