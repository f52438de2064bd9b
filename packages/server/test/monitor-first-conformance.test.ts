/**
 * Every monitored endpoint gets a conformance score without waiting for the
 * daily run, this server's own ones included: a new endpoint gets one
 * read-only monitor run after its first successful poll (not after a failed
 * one, never for a paused one), once, even when polled again before the run
 * ended, and at most MAX_QUEUED_FIRST_RUNS wait at a time (the others come at
 * a later poll). Local endpoints are validated in process at this server's
 * own GeoReport URL by a server without --allow-private-endpoints; a run that
 * names another process's URL fails instead of going to the network, and
 * runs are taken only once the app is ready (an inject while it is built
 * would start it early). A manual queue and a fake clock drive the jobs.
 * Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '@o311/client';
import { openStore, type NewEndpoint } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { buildApp, type ServiceContext } from '../src/index.js';
import { JOB } from '../src/jobs/job-names.js';
import { FirstConformance, MAX_QUEUED_FIRST_RUNS } from '../src/monitor/first-conformance.js';
import { runValidation } from '../src/validation/validation-job.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { ManualQueue } from './support/manual-queue.js';
import { MonitorRounds } from './support/monitor-rounds.js';

const PUBLIC = 'https://311.example.org';
const T0 = Date.UTC(2026, 11, 3, 12, 5);
/** The monitor's own jobs: validator runs stay queued until a test runs them. */
const MONITOR_JOBS = [JOB.monitorTick, JOB.monitorPoll, JOB.monitorRollup];
/** Endpoints this server serves (one jurisdiction, several registry entries), one more than the first runs that may wait. */
const LOCAL = ['springfield', 'capital-city', 'ogdenville', 'north-haverbrook'];

const endpoint = (slug: string, over: Partial<NewEndpoint> = {}): NewEndpoint => ({
  slug, name: `${slug} city`, tier: 'city', country: 'US', base_url: null, discovery_url: null, jurisdiction_id: JURISDICTION.id, local: true,
  formats: ['json', 'xml'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null, quirks: null, notes: '',
  ...over,
});

describe.each(dialects)('first conformance runs (%s)', (dialect) => {
  let s: Server;
  /** The server's services, as its plugins get them. */
  let ctx: ServiceContext;
  const rounds = new MonitorRounds(T0, MONITOR_JOBS);
  const queue = rounds.queue;
  const round = (): Promise<void> => rounds.round();
  const monitorRuns = (slug?: string) => s.store.validations.list({ source: 'monitor', limit: 50, ...(slug !== undefined && { endpoint_slug: slug }) });
  const slugsOf = async (): Promise<string[]> => (await monitorRuns()).map((r) => r.endpoint_slug ?? '').sort();

  beforeAll(async () => {
    // No allowPrivate: loopback endpoints are refused, this server's own one is answered in process.
    s = await startServer(dialect, {
      options: {
        jobs: queue, now: rounds.now, publicUrl: PUBLIC, monitor: { failuresToOpen: 3, timeoutMs: 5000 },
        plugins: [async (_app, services) => {
          ctx = services;
        }],
      },
    });
    for (const slug of LOCAL) await s.store.saveEndpoint(endpoint(slug), T0);
    await s.store.saveEndpoint(endpoint('shelbyville'), T0);
    await s.store.saveEndpoint(endpoint('unreachable', { local: false, jurisdiction_id: null, base_url: 'http://127.0.0.1:9/unreachable/v2/' }), T0);
    await s.store.monitor.syncTargets(T0);
    await s.store.monitor.saveSettings('shelbyville', { ...(await s.store.monitor.getTarget('shelbyville'))!, paused: true }, T0);
  }, 60_000);
  afterAll(() => s?.close());

  it('queues a first run after the first successful poll, at most a few at a time, and once per endpoint', { timeout: 60_000 }, async () => {
    expect(await monitorRuns()).toEqual([]);
    await round();
    const first = await monitorRuns();
    expect(first).toHaveLength(MAX_QUEUED_FIRST_RUNS);
    for (const run of first) {
      expect(LOCAL).toContain(run.endpoint_slug);
      expect(run).toMatchObject({ url: `${PUBLIC}/open311/v2/`, jurisdiction_id: JURISDICTION.id, write: false, format: 'both', state: 'queued' });
    }
    expect(queue.jobs(JOB.validateRun).filter((j) => j.state === 'queued')).toHaveLength(MAX_QUEUED_FIRST_RUNS);
    expect((await s.store.monitor.getTarget('unreachable'))?.last_ok).toBe(false);

    // Polled again before the runs ended: nothing new, here or in another monitor process.
    await round();
    const other = new FirstConformance(ctx);
    expect(await other.afterPolls(LOCAL)).toEqual([]);
    expect(await monitorRuns()).toHaveLength(MAX_QUEUED_FIRST_RUNS);
  });

  it('records a score from an in-process run of this server, then queues the endpoint that waited, and nothing more', { timeout: 240_000 }, async () => {
    await queue.run([JOB.validateRun]);
    for (const run of await monitorRuns()) {
      const done = await s.store.validations.get(run.id);
      expect(done).toMatchObject({ state: 'done', error: null, summary: { errors: 0 } });
      expect(done?.summary?.passed).toBeGreaterThan(50);
      expect(await s.store.monitor.latestScore(run.endpoint_slug!)).toMatchObject({ run_id: run.id, score: expect.any(Number) });
    }
    await round();
    expect(await slugsOf()).toEqual([...LOCAL].sort());
    // One run waits, fewer than the limit: another monitor process still queues none for its endpoint.
    expect((await monitorRuns()).filter((r) => r.state === 'queued')).toHaveLength(1);
    expect(await new FirstConformance(ctx).afterPolls(LOCAL)).toEqual([]);
    await round();
    expect(await monitorRuns()).toHaveLength(LOCAL.length);
    await queue.run([JOB.validateRun]);
    await round();
    await round();
    expect(await slugsOf()).toEqual([...LOCAL].sort());
    for (const slug of LOCAL) expect(await s.store.monitor.latestScore(slug)).toBeDefined();
    expect(await monitorRuns('shelbyville')).toEqual([]);
    expect(await monitorRuns('unreachable')).toEqual([]);
  });

  it('keeps the daily run for every endpoint not paused, the local ones at this server\'s own URL', async () => {
    await queue.enqueue(JOB.monitorConformance, {});
    await queue.run([JOB.monitorConformance]);
    const runs = await monitorRuns();
    expect(runs.filter((r) => r.state === 'queued').map((r) => r.endpoint_slug).sort()).toEqual([...LOCAL].sort());
    expect(runs.filter((r) => r.state === 'queued').every((r) => r.url === `${PUBLIC}/open311/v2/`)).toBe(true);
  });

  it('fails a run of a local endpoint that names another public URL, without a call to the network', async () => {
    const run = await s.store.validations.create({
      url: 'http://localhost/open311/v2/', endpoint_slug: 'springfield', source: 'monitor', format: 'both', write: false,
      jurisdiction_id: JURISDICTION.id, api_key_sealed: null, client: null,
    }, rounds.at);
    const calls: string[] = [];
    const network: Transport = async (request) => {
      calls.push(request.url);
      throw new Error('no network in this test');
    };
    await runValidation(ctx, run.id, { allowPrivate: true, transport: network, app: s.app });
    expect(await s.store.validations.get(run.id)).toMatchObject({ state: 'failed', error: expect.stringMatching(/same --public-url as o311 serve/) });
    expect(calls).toEqual([]);
  });
});

describe('validator runs wait for the app', () => {
  it('takes runs only once the app is ready, so a run left queued cannot inject into an app still being built', async () => {
    const store = await openStore('sqlite::memory:');
    await store.migrate();
    const queue = new ManualQueue();
    const app = await buildApp({ store, jobs: queue, logger: false });
    try {
      expect(queue.handles(JOB.validateRun)).toBe(false);
      expect(queue.handles(JOB.validatePrune)).toBe(true);
      await app.ready();
      expect(queue.handles(JOB.validateRun)).toBe(true);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
