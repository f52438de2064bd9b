import { describe, expect, it } from 'vitest';
import { TtlCache } from '../src/ttl-cache.js';

/** A cache on a clock the test moves, and a read that counts its calls. */
function setup(o: { ttlMs?: number; failureTtlMs?: number; maxEntries?: number } = {}) {
  const clock = { now: 1_000 };
  const cache = new TtlCache<string, string>({ ttlMs: 100, failureTtlMs: 10, maxEntries: 10, ...o, now: () => clock.now });
  const reads: string[] = [];
  const read = (key: string, fail = false) => () => {
    reads.push(key);
    return fail ? Promise.reject(new Error(`no ${key}`)) : Promise.resolve(`${key}@${clock.now}`);
  };
  return { clock, cache, reads, read };
}

describe('TtlCache', () => {
  it('shares one running read between callers and keeps its value for ttlMs', async () => {
    const { clock, cache, reads, read } = setup();
    const [a, b] = await Promise.all([cache.get('k', read('k')), cache.get('k', read('k'))]);
    expect([a, b, reads]).toEqual(['k@1000', 'k@1000', ['k']]);
    clock.now += 99;
    expect(await cache.get('k', read('k'))).toBe('k@1000');
    clock.now += 1;
    expect(await cache.get('k', read('k'))).toBe('k@1100');
    expect(reads).toEqual(['k', 'k']);
  });

  it('keeps a failure for failureTtlMs only, and none with 0', async () => {
    const { clock, cache, reads, read } = setup();
    await expect(cache.get('k', read('k', true))).rejects.toThrow('no k');
    await expect(cache.get('k', read('k'))).rejects.toThrow('no k');
    clock.now += 10;
    expect(await cache.get('k', read('k'))).toBe('k@1010');
    expect(reads).toEqual(['k', 'k']);

    const none = setup({ failureTtlMs: 0 });
    await expect(none.cache.get('k', none.read('k', true))).rejects.toThrow();
    expect(await none.cache.get('k', none.read('k'))).toBe('k@1000');
  });

  it('forgets the least recently used key past maxEntries', async () => {
    const { cache, reads, read } = setup({ maxEntries: 2 });
    await cache.get('a', read('a'));
    await cache.get('b', read('b'));
    await cache.get('a', read('a')); // a is now the most recent
    await cache.get('c', read('c')); // b goes
    expect(cache.size).toBe(2);
    await cache.get('a', read('a'));
    await cache.get('b', read('b'));
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
  });
});
