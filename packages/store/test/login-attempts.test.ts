/** The login throttle's shared counts, on both dialects: counted per key, forgotten when old or after a success. */
import { describe, expect, it } from 'vitest';
import type { Store } from '../src/index.js';
import { dialects } from '../../../test-support/databases.js';
import { withFreshStore } from './fixtures.js';

const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;

describe.each(dialects)('login attempts (%s)', (dialect) => {
  let store: Store;
  withFreshStore(dialect, (opened) => ({ store } = opened));

  it('counts failures per key since a time, with the first and last', async () => {
    const a = store.loginAttempts;
    await a.recordFailure(['pair:1', 'address:1'], T0, T0 - 60 * MINUTE);
    await a.recordFailure(['pair:1', 'address:1'], T0 + MINUTE, T0 - 60 * MINUTE);
    await a.recordFailure(['address:1'], T0 + 2 * MINUTE, T0 - 60 * MINUTE);
    const counts = await a.countFailures(['pair:1', 'address:1', 'nothing'], T0);
    expect(counts.get('pair:1')).toEqual({ count: 2, first: T0, last: T0 + MINUTE });
    expect(counts.get('address:1')).toEqual({ count: 3, first: T0, last: T0 + 2 * MINUTE });
    expect(counts.has('nothing')).toBe(false);
    expect((await a.countFailures(['address:1'], T0 + MINUTE)).get('address:1')?.count).toBe(2);
  });

  it('concurrent failures all count', async () => {
    const a = store.loginAttempts;
    await Promise.all(Array.from({ length: 10 }, () => a.recordFailure(['burst'], T0, T0 - MINUTE)));
    expect((await a.countFailures(['burst'], T0)).get('burst')?.count).toBe(10);
  });

  it('forgets failures older than the cut-off, whatever their key', async () => {
    const a = store.loginAttempts;
    await a.recordFailure(['old'], T0, T0 - MINUTE);
    await a.recordFailure(['new'], T0 + 10 * MINUTE, T0 + 5 * MINUTE);
    expect((await a.countFailures(['old'], 0)).has('old')).toBe(false);
  });

  it('a success clears the given keys only and remembers the pair', async () => {
    const a = store.loginAttempts;
    await a.recordFailure(['pair:2', 'account:2'], T0, T0 - MINUTE);
    expect(await a.isKnown('known:2')).toBe(false);
    await a.recordSuccess(['pair:2'], 'known:2', T0 + 1);
    await a.recordSuccess(['pair:2'], 'known:2', T0 + 2);
    expect(await a.isKnown('known:2')).toBe(true);
    const counts = await a.countFailures(['pair:2', 'account:2'], 0);
    expect(counts.has('pair:2')).toBe(false);
    expect(counts.get('account:2')?.count).toBe(1);
  });
});
