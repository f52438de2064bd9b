/**
 * pollBatch into a real store, SQLite and PostgreSQL: a fake endpoint that
 * goes down opens one incident at the third failure in a row and one `down`
 * event; back up, the incident closes with one `up` event; the hourly rollup
 * keeps the polls and their latencies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { startFakeFleet, type FakeFleet } from '../../../test-support/fake-endpoints.js';
import { withFreshStore } from '../../../test-support/fresh-store.js';
import { bucketOf, DEFAULT_FAILURES_TO_OPEN, percentile, pollBatch, rollUpOptions, type BatchDeps } from '../src/index.js';
import { registryEndpoint } from './endpoints.js';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 11, 3, 10, 0, 0);

let fleet: FakeFleet;
beforeAll(async () => {
  fleet = await startFakeFleet();
});
afterAll(() => fleet.close());

describe.each(dialects)('pollBatch into the store on %s', (dialect) => {
  let store: Store;
  withFreshStore(dialect, (opened) => ({ store } = opened));

  it('opens one incident after N failures and closes it when the endpoint is back, one event each way', async () => {
    const n = dialect === 'sqlite' ? 1 : 2;
    fleet.set(n, { behaviour: 'normal', latencyMs: 30 });
    fleet.set(n + 10, { behaviour: 'normal' });
    await store.saveEndpoint(registryEndpoint({ slug: 'flaky', base_url: fleet.baseUrl(n) }), START);
    await store.saveEndpoint(registryEndpoint({ slug: 'steady', base_url: fleet.baseUrl(n + 10) }), START);
    await store.monitor.syncTargets(START);
    let clock = START;
    const deps: BatchDeps = {
      store, options: { allowPrivate: true, timeoutMs: 2000, now: () => clock }, failuresToOpen: DEFAULT_FAILURES_TO_OPEN,
    };
    const batch = async (): Promise<Awaited<ReturnType<typeof pollBatch>>> => {
      clock += 60_000;
      return pollBatch(['flaky', 'steady'], deps);
    };

    expect((await batch()).opened).toEqual([]);
    expect(await store.monitor.getTarget('flaky')).toMatchObject({ state: 'up', last_ok: true, consecutive_failures: 0 });

    fleet.set(n, { behaviour: 'down' });
    for (let i = 1; i < DEFAULT_FAILURES_TO_OPEN; i++) {
      const r = await batch();
      expect(r.opened, `failure ${i}`).toEqual([]);
    }
    expect(await store.monitor.getTarget('flaky')).toMatchObject({ state: 'up', consecutive_failures: DEFAULT_FAILURES_TO_OPEN - 1, last_error_kind: 'connection' });
    const opening = await batch();
    expect(opening.opened).toHaveLength(1);
    expect(opening.opened[0]).toMatchObject({ slug: 'flaky', cause_kind: 'connection', closed_at: null });
    expect(opening.events).toEqual([expect.objectContaining({ slug: 'flaky', kind: 'down', incident_id: opening.opened[0]!.id })]);
    expect(await store.monitor.getTarget('flaky')).toMatchObject({ state: 'down' });

    // Still down: no second incident, no second event.
    const still = await batch();
    expect(still).toEqual({ opened: [], closed: [], events: [] });

    fleet.set(n, { behaviour: 'normal' });
    const back = await batch();
    expect(back.opened).toEqual([]);
    expect(back.closed).toEqual([expect.objectContaining({ id: opening.opened[0]!.id, slug: 'flaky' })]);
    // The failures during the incident: at least the one that opened it and the one after.
    expect(back.closed[0]!.failed_polls).toBeGreaterThanOrEqual(2);
    expect(back.events).toEqual([expect.objectContaining({ slug: 'flaky', kind: 'up' })]);
    expect(await store.monitor.getTarget('flaky')).toMatchObject({ state: 'up', consecutive_failures: 0 });

    const incidents = await store.monitor.listIncidents({ slug: 'flaky', limit: 10 });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.closed_at).not.toBeNull();
    const events = await store.monitor.listEvents({ slug: 'flaky', limit: 10 });
    expect(events.map((e) => e.kind).sort()).toEqual(['down', 'up']);
    expect(await store.monitor.listIncidents({ slug: 'steady', limit: 10 })).toEqual([]);

    // Usage was sampled once (an hour has not passed) for each endpoint that answered.
    expect(await store.monitor.listUsage({ slug: 'steady', limit: 10 })).toHaveLength(1);
    expect(await store.monitor.latestUsage('flaky')).toMatchObject({ services: 2 });
  });

  it('rolls the samples up into the hour with their latencies', async () => {
    const samples = await store.monitor.listSamples({ slug: 'flaky', limit: 100 });
    expect(samples).toHaveLength(DEFAULT_FAILURES_TO_OPEN + 3);
    await store.monitor.rollUp(START + HOUR, rollUpOptions());
    const hours = await store.monitor.listHourly('flaky', START - HOUR, START + 2 * HOUR);
    const polls = hours.reduce((sum, h) => sum + h.polls, 0);
    const ups = hours.reduce((sum, h) => sum + h.ups, 0);
    expect(polls).toBe(samples.length);
    expect(ups).toBe(samples.filter((s) => s.ok).length);
    const histogram = hours.map((h) => h.latency_histogram).reduce((a, b) => a.map((x, i) => x + (b[i] ?? 0)));
    const okLatencies = samples.filter((s) => s.ok).map((s) => s.latency_ms!).sort((a, b) => a - b);
    const median = okLatencies[Math.ceil(okLatencies.length / 2) - 1]!;
    expect(bucketOf(percentile(histogram, 0.5)!)).toBe(bucketOf(median));
  });
});
