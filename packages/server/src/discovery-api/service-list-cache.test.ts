import { describe, expect, it } from 'vitest';
import type { Service } from '@o311/georeport';
import { localeTag } from '@o311/router';
import type { Endpoint } from '@o311/store';
import { ServiceListCache } from './service-list-cache.js';

const service = (code: string): Service => ({
  service_code: code, service_name: code, description: null, metadata: false, type: 'realtime', keywords: null, group: null,
});

const endpoint = (over: Partial<Endpoint> = {}): Endpoint => ({
  slug: 'county', name: 'County', tier: 'county', country: 'US', base_url: 'https://county.example/open311/v2/', discovery_url: null,
  jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production',
  boundary_id: null, quirks: null, notes: '', created_at: 0, updated_at: 0, last_check: null, ...over,
});

/** A fetcher whose answers the test hands out one by one. */
function scripted() {
  const pending: { resolve(s: Service[]): void; reject(e: Error): void }[] = [];
  return {
    calls: () => pending.length,
    fetch: () => new Promise<Service[]>((resolve, reject) => pending.push({ resolve, reject })),
    answer: (n: number, list: Service[]) => pending[n]!.resolve(list),
    fail: (n: number, message: string) => pending[n]!.reject(new Error(message)),
  };
}

describe('service list cache', () => {
  const TTL = 1000;
  const FAILURE_TTL = 100;

  function setup() {
    let now = 10_000;
    const f = scripted();
    const cache = new ServiceListCache({ fetch: f.fetch, ttlMs: TTL, failureTtlMs: FAILURE_TTL, now: () => now });
    return { f, cache, tick: (ms: number) => (now += ms), now: () => now };
  }

  it('shares one fetch between concurrent first asks, then answers from memory until the list expires', async () => {
    const { f, cache, tick } = setup();
    const a = cache.get(endpoint());
    const b = cache.get(endpoint());
    expect(f.calls()).toBe(1);
    f.answer(0, [service('a')]);
    expect(await a).toEqual({ services: [service('a')], expires: 11_000 });
    expect(await b).toEqual(await a);
    tick(999);
    expect((await cache.get(endpoint())).services).toEqual([service('a')]);
    expect(f.calls()).toBe(1);
  });

  it('answers the stale list at once after it expired, with one refresh behind it', async () => {
    const { f, cache, tick } = setup();
    const first = cache.get(endpoint());
    f.answer(0, [service('a')]);
    await first;
    tick(1500);
    expect(await cache.get(endpoint())).toEqual({ services: [service('a')], expires: 11_000 });
    expect(await cache.get(endpoint())).toEqual({ services: [service('a')], expires: 11_000 });
    expect(f.calls()).toBe(2);
    f.answer(1, [service('b')]);
    await cache.settled();
    expect(await cache.get(endpoint())).toEqual({ services: [service('b')], expires: 12_500 });
    expect(f.calls()).toBe(2);
  });

  it('keeps the last list beside the error when a refresh fails, and asks again only after the failure time', async () => {
    const { f, cache, tick } = setup();
    const first = cache.get(endpoint());
    f.answer(0, [service('a')]);
    await first;
    tick(1500);
    await cache.get(endpoint());
    f.fail(1, 'connection refused');
    await cache.settled();
    expect(await cache.get(endpoint())).toEqual({ services: [service('a')], expires: 11_000, error: 'connection refused' });
    tick(FAILURE_TTL - 1);
    await cache.get(endpoint());
    expect(f.calls()).toBe(2);
    tick(1);
    await cache.get(endpoint());
    expect(f.calls()).toBe(3);
  });

  it('answers an endpoint never reached with its error, remembered for the failure time', async () => {
    const { f, cache, tick } = setup();
    const first = cache.get(endpoint());
    f.fail(0, 'timeout');
    expect(await first).toEqual({ expires: 10_000 + FAILURE_TTL, error: 'timeout' });
    expect(await cache.get(endpoint())).toEqual({ expires: 10_000 + FAILURE_TTL, error: 'timeout' });
    expect(f.calls()).toBe(1);
    tick(FAILURE_TTL);
    void cache.get(endpoint());
    expect(f.calls()).toBe(2);
  });

  it('asks again at once when the endpoint moved to another address', async () => {
    const { f, cache } = setup();
    const first = cache.get(endpoint());
    f.answer(0, [service('a')]);
    await first;
    const moved = cache.get(endpoint({ base_url: 'https://new.county.example/open311/v2/' }));
    expect(f.calls()).toBe(2);
    f.answer(1, [service('n')]);
    expect((await moved).services).toEqual([service('n')]);
  });

  it('keeps one list per locale, each fetched in its own, none answering for another', async () => {
    const asked: (string | undefined)[] = [];
    const cache = new ServiceListCache({
      fetch: async (_e, locale) => (asked.push(locale), [service(locale ?? 'plain')]),
    });
    const [es, fr] = [localeTag('es')!, localeTag('fr')!];
    expect((await cache.get(endpoint(), es)).services).toEqual([service('es')]);
    expect((await cache.get(endpoint())).services).toEqual([service('plain')]);
    expect((await cache.get(endpoint(), fr)).services).toEqual([service('fr')]);
    expect((await cache.get(endpoint(), es)).services).toEqual([service('es')]);
    expect((await cache.get(endpoint({ slug: 'city' }), es)).services).toEqual([service('es')]);
    expect(asked).toEqual(['es', undefined, 'fr', 'es']);
  });

  it('forgets the oldest endpoint beyond its bound', async () => {
    let calls = 0;
    const cache = new ServiceListCache({ fetch: async () => (calls++, []), maxEntries: 2 });
    for (const slug of ['a', 'b', 'c', 'a']) await cache.get(endpoint({ slug }));
    expect(calls).toBe(4);
  });
});
