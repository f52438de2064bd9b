/**
 * Harvesting registry endpoints into dashboard sources (issue 13) against a
 * SECOND o311 server: a real app of its own (its own SQLite store, the
 * fixture's jurisdiction and requests) listening on 127.0.0.1, read over
 * HTTP with private addresses allowed. Everything arrives; status changes and
 * new requests follow on the next run; runs cut after every call resume with
 * nothing lost and nothing counted twice (the rollups' totals); an endpoint
 * known only by its discovery document; a loopback address refused without
 * private endpoints allowed; the jobs queue due sources and run them; an
 * endpoint of this server's own jurisdiction is harvested in process. Both
 * dialects for the harvesting side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardFilter, NewEndpoint, Store } from '@o311/store';
import { dayOf } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { harvestRuntime } from '../src/dashboard/harvest-runtime.js';
import { harvestSource } from '../src/dashboard/harvest-source.js';
import { queueDueHarvests } from '../src/dashboard/harvest-tick.js';
import { JOB } from '../src/jobs/job-names.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { ManualQueue } from './support/manual-queue.js';
import { DAY, seedRequest } from './support/requests.js';

const endpoint = (slug: string, base_url: string | null, extra: Partial<NewEndpoint> = {}): NewEndpoint => ({
  slug, name: `${slug} city`, tier: 'city', country: 'US', base_url, discovery_url: null, jurisdiction_id: JURISDICTION.id, local: false,
  formats: ['json', 'xml'], api_key_url: null, terms_url: null, contact_email: null, status: 'production',
  boundary_id: null, quirks: 'o311', notes: '', ...extra,
});

/** A square around the fixture's pothole point (41.8781, -87.6298). */
const DOWNTOWN = { id: 'downtown', name: 'Downtown', geometry: [[[[-87.64, 41.87], [-87.62, 41.87], [-87.62, 41.89], [-87.64, 41.89], [-87.64, 41.87]]]] };

/** `n` requests over the `days` before `now` (the newest a minute before it); as imported, each was last updated when requested. */
async function seedCity(store: Store, n: number, now: number, prefix = 'r', days = 40): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const inside = i % 3 === 0;
    const r = await seedRequest(store, {
      service_code: i % 2 === 0 ? 'pothole' : 'trash.bulk',
      requested_at: now - 60_000 - Math.floor((i * days * DAY) / n),
      lat: inside ? 41.8781 : 41.95, long: inside ? -87.6298 : -87.7,
      description: `${prefix} ${i}`,
    });
    ids.push(r.id);
  }
  return ids;
}

describe.each(dialects)('dashboard harvest (%s)', (dialect) => {
  let second: Server;
  let main: Server;
  const queue = new ManualQueue();
  let ids: string[] = [];
  const rt = () => harvestRuntime(main.app, { store: main.store, jobs: queue, now: Date.now }, {
    allowPrivate: true, harvest: { spacingMs: 0, pageSize: 10 },
  });
  const filter = (source_id: string): DashboardFilter => ({
    source_id, from_day: dayOf(Date.now() - 100 * DAY, 'America/Chicago'), to_day: dayOf(Date.now() + DAY, 'America/Chicago'),
  });

  beforeAll(async () => {
    second = await startServer('sqlite');
    ids = await seedCity(second.store, 45, Date.now());
    main = await startServer(dialect, { options: { jobs: queue, discovery: { allowPrivate: true } } });
    await main.store.saveEndpoint(endpoint('second', `${second.url}/open311/v2/`));
    await main.store.saveEndpoint(endpoint('second-again', `${second.url}/open311/v2/`));
    await main.store.saveEndpoint(endpoint('home', null, { local: true }));
    for (const slug of ['second', 'second-again', 'home']) {
      await main.store.dashboard.saveSource({ kind: 'endpoint', ref: slug, name: slug, timezone: 'America/Chicago' });
    }
    await main.store.dashboard.setAreas('endpoint:second', [DOWNTOWN]);
  }, 60_000);

  afterAll(async () => {
    await main?.close();
    await second?.close();
  });

  it('reads every request of the second server over HTTP, with groups and areas', async () => {
    const result = await harvestSource(rt(), 'endpoint:second');
    expect(result.ran).toBe(true);
    if (!result.ran) return;
    expect(result.outcome).toMatchObject({ caughtUp: true, error: null, requests: 45 });
    expect(result.state).toMatchObject({ last_error: null, requests_seen: 45 });
    expect(result.state.next_run_at).toBeGreaterThan(Date.now() + 10 * 60_000);
    const facts = await main.store.dashboard.getFacts('endpoint:second', ids);
    expect(facts).toHaveLength(45);
    expect(await main.store.dashboard.total(filter('endpoint:second'))).toBe(45);
    const first = facts.find((f) => f.request_id === ids[0])!;
    expect(first).toMatchObject({ service_code: 'pothole', service_group: 'Streets', area_id: 'downtown', status: 'open', closed_at: null, description: 'r 0' });
    expect(facts.find((f) => f.request_id === ids[1])).toMatchObject({ service_group: 'Sanitation', area_id: null });
    // Nothing of the reporter's.
    expect(JSON.stringify(facts)).not.toMatch(/marge|Bouvierson|555-867|secret/i);
    const source = await main.store.dashboard.getSource('endpoint:second');
    expect(source?.requests).toBe(45);
  });

  it('follows status changes and new requests on the next run', async () => {
    const closed = [ids[2]!, ids[10]!, ids[40]!];
    for (const request_id of closed) {
      await second.store.changeStatus({ jurisdiction_id: JURISDICTION.id, request_id, status: 'closed', note: 'Fixed', author: null });
    }
    // Filed now (a minute after `now - 1 min`).
    const added = await seedCity(second.store, 4, Date.now() + 60_000, 'new', 0);
    ids.push(...added);
    const result = await harvestSource(rt(), 'endpoint:second');
    expect(result.ran && result.outcome).toMatchObject({ caughtUp: true, error: null });
    const facts = await main.store.dashboard.getFacts('endpoint:second', ids);
    expect(facts).toHaveLength(49);
    for (const id of closed) {
      const fact = facts.find((f) => f.request_id === id)!;
      expect(fact.status).toBe('closed');
      expect(fact.closed_at).toBe(fact.updated_at);
    }
    expect(facts.filter((f) => f.status === 'closed')).toHaveLength(3);
    expect(await main.store.dashboard.total(filter('endpoint:second'))).toBe(49);
    expect(await main.store.dashboard.total({ ...filter('endpoint:second'), status: 'closed' })).toBe(3);
  });

  it('runs cut after one call each resume: nothing lost, nothing twice', async () => {
    const cut = harvestRuntime(main.app, { store: main.store, jobs: queue, now: Date.now }, {
      allowPrivate: true, harvest: { spacingMs: 0, pageSize: 7, maxCalls: 1 },
    });
    let runs = 0;
    for (;;) {
      const result = await harvestSource(cut, 'endpoint:second-again');
      runs++;
      expect(result.ran && result.outcome.error).toBe(null);
      if (result.ran && result.outcome.caughtUp) break;
      expect(runs).toBeLessThan(200);
    }
    expect(runs).toBeGreaterThan(5);
    const facts = await main.store.dashboard.getFacts('endpoint:second-again', ids);
    expect(facts).toHaveLength(49);
    expect(facts.filter((f) => f.status === 'closed')).toHaveLength(3);
    expect(await main.store.dashboard.total(filter('endpoint:second-again'))).toBe(49);
  });

  it('an endpoint known by its discovery document is read at the URL the document names', async () => {
    await main.store.saveEndpoint(endpoint('second-discovered', null, { discovery_url: `${second.url}/open311/discovery.json` }));
    await main.store.dashboard.saveSource({ kind: 'endpoint', ref: 'second-discovered', name: 'Discovered', timezone: 'America/Chicago' });
    const result = await harvestSource(rt(), 'endpoint:second-discovered');
    expect(result.ran && result.outcome).toMatchObject({ caughtUp: true, error: null, requests: 49 });
  });

  it('an endpoint of this server is harvested in process', async () => {
    const own = await seedCity(main.store, 6, Date.now(), 'own');
    const result = await harvestSource(rt(), 'endpoint:home');
    expect(result.ran && result.outcome).toMatchObject({ caughtUp: true, error: null, requests: 6 });
    expect(await main.store.dashboard.getFacts('endpoint:home', own)).toHaveLength(6);
  });

  it('a private address is refused unless private endpoints are allowed, and said on the source', async () => {
    await main.store.saveEndpoint(endpoint('second-guarded', `${second.url}/open311/v2/`));
    await main.store.dashboard.saveSource({ kind: 'endpoint', ref: 'second-guarded', name: 'Guarded', timezone: 'UTC' });
    const guarded = harvestRuntime(main.app, { store: main.store, jobs: queue, now: Date.now }, { allowPrivate: false, harvest: { spacingMs: 0 } });
    const result = await harvestSource(guarded, 'endpoint:second-guarded');
    expect(result.ran && result.outcome.requests).toBe(0);
    const source = await main.store.dashboard.getSource('endpoint:second-guarded');
    expect(source?.harvest?.last_error).toMatch(/private|loopback|not public|refused/i);
    expect(source?.requests).toBe(0);
    expect(source!.harvest!.next_run_at).toBeGreaterThanOrEqual(Date.now() + 14 * 60_000);
  });

  it('the tick queues due sources once; the job harvests them; a missing endpoint is said on the source', async () => {
    expect(queue.handles(JOB.dashboardHarvestTick) && queue.handles(JOB.dashboardHarvest)).toBe(true);
    expect(queue.scheduled.has(JOB.dashboardHarvestTick)).toBe(true);
    await main.store.dashboard.saveSource({ kind: 'endpoint', ref: 'nowhere', name: 'Nowhere', timezone: 'UTC' });
    const fresh = await main.store.dashboard.saveSource({ kind: 'endpoint', ref: 'second-late', name: 'Late', timezone: 'America/Chicago' });
    await main.store.saveEndpoint(endpoint('second-late', `${second.url}/open311/v2/`));
    const ctx = { store: main.store, jobs: queue, now: Date.now };
    const queued = await queueDueHarvests(ctx);
    expect(queued).toEqual(expect.arrayContaining(['endpoint:nowhere', fresh.id]));
    expect(queued).not.toContain('endpoint:second');
    expect(await queueDueHarvests(ctx)).toEqual([]);
    await queue.run([JOB.dashboardHarvest]);
    const late = await main.store.dashboard.getSource(fresh.id);
    expect(late?.requests).toBe(49);
    expect(late?.harvest).toMatchObject({ last_error: null, requests_seen: 49 });
    const nowhere = await main.store.dashboard.getSource('endpoint:nowhere');
    expect(nowhere?.harvest?.last_error).toMatch(/no endpoint 'nowhere'/);
    expect(nowhere!.harvest!.next_run_at).toBeGreaterThan(Date.now() + 10 * 60_000);
  }, 30_000);
});
