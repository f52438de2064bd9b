/**
 * The login throttle's policy with time as an input, on both dialects (its
 * counts live in the store, shared by every process): strangers slow only
 * themselves, an address that guesses too much waits, an account under a
 * spread attack stays open to addresses that logged in before.
 */
import { openStore, type Store } from '@o311/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottleSubject } from '../src/staff/auth/login-throttle.js';

const T0 = Date.UTC(2026, 5, 1, 9);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;

describe.each(dialects)('login throttle (%s)', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  let throttle: LoginThrottle;
  let n = 0;
  /** A fresh account for each test (the counts stay in the database between tests). */
  let account: string;
  const from = (address: string, scope: ThrottleSubject['scope'] = 'login'): ThrottleSubject => ({ scope, account, address });

  beforeAll(async () => {
    db = await freshUrl(dialect);
    store = await openStore(db.url);
    await store.migrate();
    throttle = new LoginThrottle(store.loginAttempts, DEFAULT_THROTTLE);
  });
  beforeEach(() => {
    account = `agent${++n}@riverton.example`;
  });
  afterAll(async () => {
    await store?.close();
    await db?.cleanup();
  });

  it("a stranger's 50 wrong passwords do not stop the real user logging in from their address", async () => {
    const stranger = from('203.0.113.66');
    let refused = 0;
    for (let i = 0; i < 50; i++) {
      const at = T0 + i * SECOND;
      if ((await throttle.verdict(stranger, at)).allowed) await throttle.failed(stranger, at);
      else refused++;
    }
    expect(refused).toBe(40); // tries 1-5 free, then after 1, 2, 4, 8 and 16 s
    expect(await throttle.verdict(stranger, T0 + 50 * SECOND)).toMatchObject({ allowed: false });
    expect(await throttle.verdict(from('198.51.100.7'), T0 + 50 * SECOND)).toEqual({ allowed: true });
  });

  it('backs off one pair with doubling delays, capped, and a success clears it', async () => {
    const me = from('198.51.100.8');
    for (let i = 0; i < 5; i++) {
      expect(await throttle.verdict(me, T0)).toEqual({ allowed: true });
      await throttle.failed(me, T0);
    }
    expect(await throttle.verdict(me, T0)).toEqual({ allowed: false, retryAfterMs: SECOND });
    expect(await throttle.verdict(me, T0 + SECOND)).toEqual({ allowed: true });
    await throttle.failed(me, T0 + SECOND);
    expect(await throttle.verdict(me, T0 + SECOND)).toEqual({ allowed: false, retryAfterMs: 2 * SECOND });
    for (let i = 0; i < 20; i++) await throttle.failed(me, T0 + 2 * SECOND);
    expect(await throttle.verdict(me, T0 + 2 * SECOND)).toEqual({ allowed: false, retryAfterMs: DEFAULT_THROTTLE.maxDelayMs });
    await throttle.succeeded(me, T0 + 3 * SECOND);
    expect(await throttle.verdict(me, T0 + 3 * SECOND)).toEqual({ allowed: true });
  });

  it('forgets failures once they leave the window', async () => {
    const me = from('198.51.100.9');
    for (let i = 0; i < 30; i++) await throttle.failed(me, T0);
    expect((await throttle.verdict(me, T0 + 59 * MINUTE)).allowed).toBe(false);
    expect(await throttle.verdict(me, T0 + DEFAULT_THROTTLE.windowMs + 1)).toEqual({ allowed: true });
  });

  it('an address that fails on many accounts waits, whichever account it tries next', async () => {
    const address = '192.0.2.200';
    const start = T0 + 2 * DEFAULT_THROTTLE.windowMs;
    for (let i = 0; i < DEFAULT_THROTTLE.addressLimit; i++) {
      await throttle.failed({ scope: 'login', account: `guess${i}@riverton.example`, address }, start);
    }
    expect(await throttle.verdict(from(address), start + MINUTE)).toEqual({ allowed: false, retryAfterMs: DEFAULT_THROTTLE.windowMs - MINUTE });
    expect(await throttle.verdict(from('192.0.2.201'), start + MINUTE)).toEqual({ allowed: true });
  });

  it('an account attacked from many addresses stays open to addresses that logged in before, never locked for them', async () => {
    const home = from('198.51.100.10');
    await throttle.succeeded(home, T0);
    for (let i = 0; i < 50; i++) await throttle.failed(from(`203.0.113.${i}`), T0 + MINUTE);
    expect(await throttle.verdict(home, T0 + 2 * MINUTE)).toEqual({ allowed: true });
    expect((await throttle.verdict(from('203.0.113.250'), T0 + 2 * MINUTE)).allowed).toBe(false);
  });

  it('counts the account page apart from logins', async () => {
    const address = '198.51.100.11';
    for (let i = 0; i < 5; i++) await throttle.failed(from(address, 'password-check'), T0);
    expect((await throttle.verdict(from(address, 'password-check'), T0)).allowed).toBe(false);
    expect(await throttle.verdict(from(address), T0)).toEqual({ allowed: true });
  });
});
