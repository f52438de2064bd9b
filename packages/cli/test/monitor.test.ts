/**
 * `o311 monitor run` (issue 12): with --once it polls every registry endpoint
 * now and prints a table (or JSON), exiting 0 even when endpoints are down; a
 * local endpoint is polled in process. Without --once it runs the monitor's
 * jobs on the database's queue until stopped: a tick enqueued by another
 * process is run and polls. `serve --monitor` names the monitor in its banner.
 * Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JOB, startJobQueue, type JobQueue } from '@o311/server';
import { newService, openStore, type NewEndpoint } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { startFakeFleet, type FakeFleet } from '../../../test-support/fake-endpoints.js';
import { runCli } from '../src/program.js';
import { captureIo, cli } from './support.js';

const CITY = { id: 'city.example', name: 'City', contact: 'c', key_service: 'k', timezone: 'UTC' };

const endpoint = (slug: string, over: Partial<NewEndpoint>): NewEndpoint => ({
  slug, name: slug, tier: 'city', country: 'US', base_url: null, discovery_url: null, jurisdiction_id: null, local: false,
  formats: ['json', 'xml'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null,
  quirks: null, notes: '', ...over,
});

/** Runs a long-lived command until its banner line shows; `stop()` sends it SIGTERM. */
function start(argv: string[], ready: string) {
  const io = captureIo();
  let signal: (name: string) => void = () => undefined;
  io.shutdownSignal = () => new Promise<string>((resolve) => (signal = resolve));
  const done = runCli(argv, io);
  const started = vi.waitFor(() => {
    const out = io.out.join('');
    if (!out.includes(ready)) throw new Error(`not started yet:\n${out}${io.err.join('')}`);
    return out;
  }, { timeout: 30_000, interval: 50 });
  return { io, started, stop: async () => (signal('SIGTERM'), done) };
}

describe.each(dialects)('o311 monitor run (%s)', (dialect) => {
  let db: FreshDatabase;
  let fleet: FakeFleet;
  let other: JobQueue | undefined;

  beforeAll(async () => {
    fleet = await startFakeFleet();
    fleet.set(2, { behaviour: 'http-500' });
    db = await freshUrl(dialect);
    const store = await openStore(db.url);
    await store.migrate();
    await store.saveJurisdiction(CITY);
    await store.saveService(newService({ jurisdiction_id: CITY.id, service_code: 'lamp', service_name: 'Street lamp' }));
    await store.saveEndpoint(endpoint('city', { local: true, jurisdiction_id: CITY.id }));
    await store.saveEndpoint(endpoint('fine', { base_url: fleet.baseUrl(1) }));
    await store.saveEndpoint(endpoint('failing', { base_url: fleet.baseUrl(2) }));
    await store.close();
  });
  afterAll(async () => {
    await other?.stop();
    await fleet?.close();
    await db?.cleanup();
  });

  it('--once polls every endpoint now, prints a table and exits 0 although one is failing', { timeout: 60_000 }, async () => {
    const r = await cli(['monitor', 'run', '--once', '--allow-private-endpoints', '--timeout', '5000', '--database', db.url]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^SLUG\s+STATE\s+HTTP\s+LATENCY\s+ERROR$/);
    const row = (slug: string) => lines.find((l) => l.startsWith(`${slug} `))?.split(/\s{2,}/);
    expect(row('city')).toEqual(['city', 'up', '200', expect.stringMatching(/^\d+ ms$/), '-']);
    expect(row('fine')).toEqual(['fine', 'up', '200', expect.stringMatching(/^\d+ ms$/), '-']);
    // One failure is no incident yet: the state stays unknown.
    expect(row('failing')).toEqual(['failing', 'unknown', '500', expect.stringMatching(/^\d+ ms$/), 'http']);
    expect(fleet.hits(1)).toBeGreaterThan(0);
  });

  it('--once --json prints the same as JSON; --json alone is a usage error', { timeout: 60_000 }, async () => {
    const r = await cli(['monitor', 'run', '--once', '--json', '--allow-private-endpoints', '--database', db.url]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { slug: string; state: string; http_status: number | null; error_kind: string | null }[];
    expect(rows.map((x) => x.slug).sort()).toEqual(['city', 'failing', 'fine']);
    expect(rows.find((x) => x.slug === 'failing')).toMatchObject({ http_status: 500, error_kind: 'http' });
    const usage = await cli(['monitor', 'run', '--json', '--database', db.url]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--json goes with --once/);
  });

  it('without --once runs the monitor jobs on the shared queue until stopped', { timeout: 90_000 }, async () => {
    const running = start(['monitor', 'run', '--allow-private-endpoints', '--database', db.url], 'press Ctrl+C to stop');
    await running.started;
    const store = await openStore(db.url);
    try {
      const before = (await store.monitor.listSamples({ slug: 'fine', limit: 100 })).length;
      // The polls are due again only after their interval: ask for one now, as "Poll now" does, then tick as the schedule would.
      await store.monitor.pollNow('fine', Date.now());
      other = await startJobQueue(db.url);
      const id = await other.enqueue(JOB.monitorTick, {}, { singletonKey: 'test-tick', retryLimit: 0 });
      await vi.waitFor(async () => expect((await other!.get(id!))?.state).toBe('completed'), { timeout: 30_000, interval: 100 });
      await vi.waitFor(async () => expect((await store.monitor.listSamples({ slug: 'fine', limit: 100 })).length).toBeGreaterThan(before), { timeout: 30_000, interval: 100 });
    } finally {
      await store.close();
    }
    expect(await running.stop()).toBe(0);
    expect(running.io.out.join('')).toMatch(/SIGTERM: shutting down\nstopped\n$/);
  });

  it('serve --monitor says so in its banner', { timeout: 60_000 }, async () => {
    const serving = start(['serve', '--no-web', '--monitor', '--port', '0', '--database', db.url], 'press Ctrl+C to stop');
    expect(await serving.started).toMatch(/monitor\s+polling the registry's endpoints/);
    expect(await serving.stop()).toBe(0);
  });
});
