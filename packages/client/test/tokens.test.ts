/** Batch services: polling a token until it yields a service_request_id. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '@o311/georeport';
import { Open311Client } from '../src/client.js';
import { NetworkError, Open311Error } from '../src/errors.js';
import { pollForRequestId } from '../src/tokens.js';
import { sendJson, startFakeServer, type FakeServer } from './support/fake-server.js';
import { startO311, type O311Server } from './support/o311-server.js';

/** A clock that only moves when the poller sleeps. */
function fakeClock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

const target = { token: 'tok-1', url: 'https://city.example/tokens/tok-1.json' };

describe('pollForRequestId', () => {
  it('looks up at once, then backs off exponentially with jitter until the id appears', async () => {
    const clock = fakeClock();
    let lookups = 0;
    const id = await pollForRequestId(async () => (++lookups >= 5 ? '42' : null), target, {
      initialDelayMs: 100,
      random: () => 0.5,
      ...clock,
    });
    expect(id).toBe('42');
    expect(lookups).toBe(5);
    // Equal jitter: half the back-off plus a random half of it (random 0.5 → 3/4).
    expect(clock.sleeps).toEqual([75, 150, 300, 600]);
  });

  it('never waits less than half nor more than the whole back-off, and caps it', async () => {
    for (const random of [() => 0, () => 0.999]) {
      const clock = fakeClock();
      let lookups = 0;
      await pollForRequestId(async () => (++lookups > 8 ? 'x' : null), target, {
        initialDelayMs: 100,
        maxDelayMs: 1000,
        random,
        ...clock,
      });
      clock.sleeps.forEach((ms, attempt) => {
        const backoff = Math.min(1000, 100 * 2 ** attempt);
        expect(ms).toBeGreaterThanOrEqual(backoff / 2);
        expect(ms).toBeLessThan(backoff + 1e-9);
      });
    }
  });

  it('times out with NetworkError timeout, never sleeping past the deadline', async () => {
    const clock = fakeClock();
    const err = await pollForRequestId(async () => null, target, { timeoutMs: 1000, initialDelayMs: 300, ...clock }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ kind: 'timeout', url: target.url });
    expect((err as Error).message).toContain('tok-1');
    expect(clock.now()).toBe(1000);
  });

  it('a failing lookup ends the wait', async () => {
    const clock = fakeClock();
    await expect(
      pollForRequestId(() => Promise.reject(new Error('boom')), target, clock),
    ).rejects.toThrow('boom');
    expect(clock.sleeps).toEqual([]);
  });
});

describe('waitForRequestId against a slow batch server', () => {
  let s: FakeServer;
  const lookups = new Map<string, number>();
  beforeAll(async () => {
    s = await startFakeServer((req, res) => {
      const token = /^\/v2\/tokens\/(.+)\.json$/.exec(req.url.pathname)?.[1] ?? '';
      const n = (lookups.get(token) ?? 0) + 1;
      lookups.set(token, n);
      if (token === 'unknown') return sendJson(res, 404, [{ code: 404, description: `token '${token}' does not exist.` }]);
      if (token === 'slow' && n >= 3) return sendJson(res, 200, [{ service_request_id: 'SR-9', token }]);
      sendJson(res, 200, [{ token, service_request_id: null }]);
    });
  });
  afterAll(() => s.close());
  const client = () => new Open311Client({ baseUrl: `${s.origin}/v2/`, allowPrivate: true });

  it('polls until the id appears', async () => {
    expect(await client().waitForRequestId('slow', { initialDelayMs: 10 })).toBe('SR-9');
    expect(lookups.get('slow')).toBe(3);
  });

  it('rejects after timeoutMs when it never appears', async () => {
    const started = Date.now();
    const err = await client().waitForRequestId('never', { initialDelayMs: 20, timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(lookups.get('never')).toBeGreaterThan(2);
  });

  it('an unknown token (404) rejects at once with the server’s error', async () => {
    const err = await client().waitForRequestId('unknown', { initialDelayMs: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Open311Error);
    expect((err as Open311Error).errors[0]?.description).toContain('does not exist');
    expect(lookups.get('unknown')).toBe(1);
  });
});

describe.each(FORMATS)('a batch service on o311 (%s)', (format) => {
  let o311: O311Server;
  beforeAll(async () => {
    o311 = await startO311({ requests: 20 });
  });
  afterAll(() => o311.close());

  it('POST GRAFFITI gives a token; waitForRequestId resolves it to the request', async () => {
    const client = new Open311Client({
      baseUrl: o311.baseUrl,
      format,
      jurisdictionId: o311.jurisdictionId,
      apiKey: o311.apiKey,
      allowPrivate: true,
    });
    const receipt = await client.submit({
      service_code: 'GRAFFITI',
      address_string: '100 Main St',
      attributes: { SURFACE: 'fence', OFFENSIVE: 'no' },
      description: 'Tags on the fence',
    });
    const [first] = receipt.data;
    expect(first?.token).toMatch(/\S/);
    expect(first?.service_request_id ?? null).toBeNull();
    const token = first?.token ?? '';

    const resolved = await client.token(token);
    expect(resolved.data[0]).toMatchObject({ token });
    const id = await client.waitForRequestId(token, { initialDelayMs: 10 });
    expect(id).toBe(resolved.data[0]?.service_request_id);
    const request = await client.request(id);
    expect(request.data).toMatchObject({ service_request_id: id, service_code: 'GRAFFITI', status: 'open' });
  });
});
