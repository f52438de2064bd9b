/**
 * pollBatch with a store stand-in: one record call for the whole batch,
 * unknown endpoints skipped, refused targets recorded as such, the
 * concurrency bound, usage sampled when due (one question for the batch) and
 * recorded in one call, never before the polls' record nor failing the batch.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '@o311/client';
import { encodeServices } from '@o311/georeport';
import type { Endpoint, MonitorStore, PollSample, UsageSample } from '@o311/store';
import { FAKE_SERVICES, startFakeFleet, type FakeFleet } from '../../../test-support/fake-endpoints.js';
import { pollBatch, type BatchDeps } from '../src/index.js';
import { registryEndpoint } from './endpoints.js';

let fleet: FakeFleet;
beforeAll(async () => {
  fleet = await startFakeFleet();
});
afterAll(() => fleet.close());

interface Recorder {
  store: BatchDeps['store'];
  records: PollSample[][];
  usage: UsageSample[];
  /** What the store was asked to do, in order. */
  order: string[];
}

/**
 * `sampledAt`: every endpoint's last usage sample is this recent (none when
 * undefined); `dueDelayMs`: how long the usage question takes.
 */
function recorder(endpoints: readonly Endpoint[], dueDelayMs = 0, sampledAt?: number): Recorder {
  const r: Recorder = { records: [], usage: [], order: [], store: undefined as unknown as BatchDeps['store'] };
  const latest = new Map<string, number>();
  const monitor: Partial<MonitorStore> = {
    recordPolls: async (samples) => {
      r.records.push([...samples]);
      r.order.push('recordPolls');
      return { opened: [], closed: [], events: [] };
    },
    usageDue: async (slugs, since) => {
      r.order.push(`usageDue ${slugs.join(' ')}`);
      if (dueDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, dueDelayMs));
      return slugs.filter((slug) => !((latest.get(slug) ?? sampledAt ?? -Infinity) > since));
    },
    recordUsage: async (samples) => {
      r.usage.push(...samples);
      for (const u of samples) latest.set(u.slug, u.at);
      r.order.push(`recordUsage ${samples.map((u) => u.slug).sort().join(' ')}`);
    },
  };
  r.store = { getEndpoint: async (slug) => endpoints.find((e) => e.slug === slug), monitor: monitor as MonitorStore };
  return r;
}

describe('pollBatch', () => {
  it('records every known endpoint\'s sample in one call: up, down, refused; unknown slugs skipped', async () => {
    fleet.set(1, {});
    fleet.set(2, { behaviour: 'down' });
    const endpoints = [
      registryEndpoint({ slug: 'up', base_url: fleet.baseUrl(1) }),
      registryEndpoint({ slug: 'down', base_url: fleet.baseUrl(2) }),
      registryEndpoint({ slug: 'nowhere' }),
      registryEndpoint({ slug: 'local', local: true, jurisdiction_id: 'city' }),
    ];
    const r = recorder(endpoints);
    let clock = 1_000_000;
    const deps: BatchDeps = {
      store: r.store, options: { allowPrivate: true, timeoutMs: 2000, now: () => clock }, failuresToOpen: 3, localBaseUrl: fleet.baseUrl(3),
    };
    await pollBatch(['up', 'down', 'nowhere', 'local', 'ghost', 'up'], deps);
    expect(r.records).toHaveLength(1);
    const bySlug = new Map(r.records[0]!.map((s) => [s.slug, s]));
    expect([...bySlug.keys()].sort()).toEqual(['down', 'local', 'nowhere', 'up']);
    expect(bySlug.get('up')).toMatchObject({ ok: true, services: 2, at: 1_000_000 });
    expect(bySlug.get('local')).toMatchObject({ ok: true, services: 2 });
    expect(bySlug.get('down')).toMatchObject({ ok: false, error_kind: 'connection' });
    expect(bySlug.get('nowhere')).toMatchObject({ ok: false, error_kind: 'refused', error: expect.stringMatching(/no GeoReport base URL/) });
    // Usage of the endpoints that answered: due asked once for the batch, recorded in one call after the polls.
    expect(r.usage.map((u) => u.slug).sort()).toEqual(['local', 'up']);
    expect(r.order).toEqual(['usageDue up down nowhere local ghost', 'recordPolls', 'recordUsage local up']);

    // Within the hour: no usage sample again; past it: again.
    clock += 10 * 60_000;
    await pollBatch(['up'], deps);
    expect(r.usage).toHaveLength(2);
    clock += 60 * 60_000;
    await pollBatch(['up'], deps);
    expect(r.usage).toHaveLength(3);
  });

  it('does not ask again within the hour for usage that failed', async () => {
    const asked: string[] = [];
    // The service list answers; the request list is refused, as some servers do.
    const transport: Transport = async (request) => {
      const path = new URL(request.url).pathname;
      asked.push(path);
      const ok = path.endsWith('/services.json');
      const body = ok ? encodeServices([...FAKE_SERVICES], 'json') : '[{"code":403,"description":"Listing requests is not allowed"}]';
      return { request, elapsedMs: 1, redirects: [], response: { status: ok ? 200 : 403, headers: {}, body, size: body.length, truncated: false, invalidUtf8: false } };
    };
    const r = recorder([registryEndpoint({ slug: 'closed-list', base_url: 'https://closed.example/v2/' })]);
    let clock = 5_000_000;
    const deps: BatchDeps = { store: r.store, options: { allowPrivate: false, timeoutMs: 2000, now: () => clock, transport }, failuresToOpen: 3 };
    await pollBatch(['closed-list'], deps);
    // The poll, then usage: services and requests.
    expect(asked).toEqual(['/v2/services.json', '/v2/services.json', '/v2/requests.json']);
    clock += 10 * 60_000;
    await pollBatch(['closed-list'], deps);
    expect(asked).toHaveLength(4);
    clock += 60 * 60_000;
    await pollBatch(['closed-list'], deps);
    expect(asked).toHaveLength(7);
    expect(r.usage).toHaveLength(0);
    expect(r.records.map((rec) => rec[0]!.ok)).toEqual([true, true, true]);
  });

  it('polls at most `concurrency` endpoints at once', async () => {
    const endpoints = Array.from({ length: 6 }, (_, i) => {
      fleet.set(10 + i, { latencyMs: 150 });
      return registryEndpoint({ slug: `slow-${i}`, base_url: fleet.baseUrl(10 + i) });
    });
    const slugs = endpoints.map((e) => e.slug);
    const timed = async (concurrency: number): Promise<number> => {
      const r = recorder(endpoints, 0, Date.now());
      const started = performance.now();
      await pollBatch(slugs, { store: r.store, options: { allowPrivate: true, timeoutMs: 2000, now: Date.now }, failuresToOpen: 3, concurrency, usageEveryMs: 1e12 });
      expect(r.records[0]).toHaveLength(6);
      return performance.now() - started;
    };
    // Usage is due for none (sampled just now): the time is the polls'.
    expect(await timed(2)).toBeGreaterThanOrEqual(3 * 150 - 20);
    expect(await timed(6)).toBeLessThan(3 * 150);
  });

  it('records the polls before a slow usage check finishes', async () => {
    fleet.set(30, {});
    const r = recorder([registryEndpoint({ slug: 'a', base_url: fleet.baseUrl(30) })], 200);
    const recorded = await pollBatch(['a'], { store: r.store, options: { allowPrivate: true, timeoutMs: 2000, now: Date.now }, failuresToOpen: 3 });
    expect(recorded).toEqual({ opened: [], closed: [], events: [] });
    expect(r.order).toEqual(['usageDue a', 'recordPolls', 'recordUsage a']);
  });

  it('polls and records a batch whose usage question or usage record fails, and asks again next time', async () => {
    fleet.set(31, {});
    fleet.set(32, {});
    const r = recorder([registryEndpoint({ slug: 'a', base_url: fleet.baseUrl(31) }), registryEndpoint({ slug: 'b', base_url: fleet.baseUrl(32) })]);
    const monitor = r.store.monitor;
    const deps = (store: BatchDeps['store']): BatchDeps => ({ store, options: { allowPrivate: true, timeoutMs: 2000, now: Date.now }, failuresToOpen: 3 });
    const failing = (method: 'usageDue' | 'recordUsage'): BatchDeps['store'] =>
      ({ ...r.store, monitor: { ...monitor, [method]: () => Promise.reject(new Error('database is locked')) } });

    await pollBatch(['a', 'b'], deps(failing('usageDue')));
    await pollBatch(['a', 'b'], deps(failing('recordUsage')));
    expect(r.records.map((rec) => rec.length)).toEqual([2, 2]);
    expect(r.usage).toEqual([]);
    await pollBatch(['a', 'b'], deps(r.store));
    expect(r.usage.map((u) => u.slug).sort()).toEqual(['a', 'b']);
    expect(r.order.at(-1)).toBe('recordUsage a b');
  });

  it('rejects when the store fails to load an endpoint (the job is retried), after the running work settles', async () => {
    const r = recorder([]);
    r.store = { ...r.store, getEndpoint: () => Promise.reject(new Error('database is locked')) };
    await expect(pollBatch(['a'], { store: r.store, options: { allowPrivate: true, timeoutMs: 2000, now: Date.now }, failuresToOpen: 3 }))
      .rejects.toThrow('database is locked');
    expect(r.records).toHaveLength(0);
  });
});
