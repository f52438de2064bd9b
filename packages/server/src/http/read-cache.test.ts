import { describe, it, expect } from 'vitest';
import { ReadCache } from './read-cache.js';

describe('ReadCache', () => {
  const make = (maxBytes = 1000) => {
    let t = 0;
    const cache = new ReadCache({ maxBytes, ttlMs: 1000, now: () => t });
    return { cache, advance: (ms: number) => (t += ms) };
  };

  it('serves an entry only under the version it was built with', () => {
    const { cache } = make();
    cache.set('k', 'v1', 'body', 'text/plain', {});
    expect(cache.get('k', 'v1')?.body.toString()).toBe('body');
    expect(cache.get('k', 'v2')).toBeUndefined();
    expect(cache.get('k', 'v1')).toBeUndefined();
  });

  it('expires entries after the ttl', () => {
    const { cache, advance } = make();
    cache.set('k', 'v', 'body', 'text/plain', {});
    advance(999);
    expect(cache.get('k', 'v')).toBeDefined();
    advance(1);
    expect(cache.get('k', 'v')).toBeUndefined();
  });

  it('evicts the least recently used entries beyond its byte budget', () => {
    const { cache } = make(100);
    cache.set('a', 'v', 'x'.repeat(20), 't', {});
    cache.set('b', 'v', 'x'.repeat(20), 't', {});
    cache.get('a', 'v');
    for (const k of ['c', 'd', 'e', 'f']) cache.set(k, 'v', 'x'.repeat(20), 't', {});
    expect(cache.get('a', 'v')).toBeDefined();
    expect(cache.get('b', 'v')).toBeUndefined();
    expect(cache.size).toBeLessThanOrEqual(5);
  });

  it('gives equal bodies equal etags and different bodies different ones', () => {
    const { cache } = make();
    const a = cache.set('a', 'v', 'same', 't', {});
    const b = cache.set('b', 'v', 'same', 't', {});
    const c = cache.set('c', 'v', 'other', 't', {});
    expect(a.etag).toBe(b.etag);
    expect(a.etag).not.toBe(c.etag);
  });

  it('does not keep answers too large for its budget', () => {
    const { cache } = make(100);
    cache.set('big', 'v', 'x'.repeat(60), 't', {});
    expect(cache.get('big', 'v')).toBeUndefined();
  });
});
