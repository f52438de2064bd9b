/**
 * The monitor's conformance score (issue 12): the daily job queues a
 * read-only validator run (source 'monitor') for each monitored endpoint that
 * is not paused (the local one at this server's own URL); a finished run's score is
 * recorded with the registry's last-check line, and a drop of 10 points or
 * more is an event mailed to the contact once (mail alerts on). Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEndpoint, ValidationRun } from '@o311/store';
import type { CheckResult, ValidationReport } from '@o311/validator';
import { dialects } from '../../../test-support/databases.js';
import { JOB } from '../src/jobs/job-names.js';
import { PublicOrigin } from '../src/http/public-origin.js';
import { recordConformance } from '../src/monitor/conformance.js';
import type { MonitorServices } from '../src/monitor/monitor-runtime.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { ManualQueue } from './support/manual-queue.js';

const T0 = Date.UTC(2026, 11, 3, 3, 30);

const remote = (slug: string, over: Partial<NewEndpoint> = {}): NewEndpoint => ({
  slug, name: `${slug} city`, tier: 'city', country: 'US', base_url: `http://127.0.0.1:9/${slug}/v2/`, discovery_url: null,
  jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: `ops@${slug}.example`,
  status: 'production', boundary_id: null, quirks: null, notes: '', ...over,
});

const result = (id: string, status: CheckResult['status'], severity: CheckResult['severity'] = 'error'): CheckResult => ({
  id, title: id, severity, status, specRef: 'spec', message: '', fix: '', durationMs: 1,
});

function report(results: CheckResult[]): ValidationReport {
  const failed = results.filter((r) => r.status === 'fail');
  return {
    target: { url: 'http://x/', baseUrl: null, discoveryUrl: null }, startedAt: '2026-12-03T03:30:00Z', durationMs: 10, results,
    summary: {
      errors: failed.filter((r) => r.severity === 'error').length, warnings: failed.filter((r) => r.severity === 'warning').length,
      info: failed.filter((r) => r.severity === 'info').length, passed: results.filter((r) => r.status === 'pass').length,
      failed: failed.length, skipped: results.filter((r) => r.status === 'skip').length,
    },
  };
}

describe.each(dialects)('monitor conformance (%s)', (dialect) => {
  let s: Server;
  const queue = new ManualQueue();
  let t = T0;
  /** What the validator's job hands to recordConformance. */
  const services = (): MonitorServices => ({ store: s.store, jobs: queue, now: () => t, origin: new PublicOrigin('https://311.example.org'), routerCredentials: undefined });

  beforeAll(async () => {
    s = await startServer(dialect, {
      options: { jobs: queue, now: () => t, publicUrl: 'https://311.example.org', discovery: { allowPrivate: true }, monitor: {} },
    });
    await s.store.saveEndpoint(remote('scored'));
    await s.store.saveEndpoint(remote('resting'));
    await s.store.saveEndpoint(remote('springfield', { base_url: null, local: true, jurisdiction_id: JURISDICTION.id }));
    await s.store.monitor.syncTargets(t);
    const resting = (await s.store.monitor.getTarget('resting'))!;
    await s.store.monitor.saveSettings('resting', { ...resting, paused: true }, t);
    await s.store.monitor.saveSettings('scored', { ...(await s.store.monitor.getTarget('scored'))!, mail_alerts: true }, t);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('queues one read-only monitor run per monitored endpoint that is not paused, the local one at this server\'s own URL', async () => {
    await queue.enqueue(JOB.monitorConformance, {});
    await queue.run([JOB.monitorConformance]);
    const runs = await s.store.validations.list({ source: 'monitor', limit: 10 });
    expect(runs.map((r) => r.endpoint_slug).sort()).toEqual(['scored', 'springfield']);
    expect(runs.find((r) => r.endpoint_slug === 'scored')).toMatchObject({ url: 'http://127.0.0.1:9/scored/v2/', write: false, format: 'both', state: 'queued' });
    expect(runs.find((r) => r.endpoint_slug === 'springfield')).toMatchObject({
      url: 'https://311.example.org/open311/v2/', jurisdiction_id: JURISDICTION.id, write: false, format: 'both', state: 'queued',
    });
    expect(queue.jobs(JOB.validateRun)).toHaveLength(2);
  });

  it('records the score and the last check, and alerts a drop once', async () => {
    const [run] = await s.store.validations.list({ endpoint_slug: 'scored', source: 'monitor', limit: 1 });
    const done = (at: number): ValidationRun => ({ ...run!, state: 'done', finished_at: at });
    const good = report([result('a', 'pass'), result('b', 'pass'), result('c', 'skip')]);
    await recordConformance(services(), done(t), good);
    expect(await s.store.monitor.latestScore('scored')).toMatchObject({ score: 100, passed: 2, skipped: 1, run_id: run!.id });
    expect((await s.store.getEndpoint('scored'))!.last_check).toMatchObject({ ok: true, summary: '2 passed, 1 skipped' });

    t += 86_400_000;
    const worse = report([result('a', 'pass'), result('b', 'fail'), result('c', 'pass', 'warning')]);
    await recordConformance(services(), done(t), worse);
    expect((await s.store.monitor.latestScore('scored'))!.score).toBeLessThan(90);
    expect((await s.store.getEndpoint('scored'))!.last_check).toMatchObject({ ok: false, summary: '2 passed, 1 error' });
    await queue.run([JOB.monitorAlert]);
    const mails = await s.store.listOutbox({ to: 'ops@scored.example', limit: 10 });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/scored city: conformance score dropped/);
    expect(mails[0]!.text).toContain('https://311.example.org/status/scored');
  });
});
