/** Back-off with full jitter for GETs; Retry-After; POSTs sent once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Open311Client } from '../src/client.js';
import { NetworkError, Open311Error } from '../src/errors.js';
import type { Exchange } from '../src/http/exchange.js';
import { isRetryableStatus, jitterDelay, retryAfterMs, sendWithRetries } from '../src/retry.js';
import { sendJson, startFakeServer, type FakeServer } from './support/fake-server.js';

function exchange(status: number, headers: Record<string, string> = {}): Exchange {
  return {
    request: { method: 'GET', url: 'https://city.example/services.json' },
    response: { status, headers, body: '[]', size: 2, truncated: false, invalidUtf8: false },
    elapsedMs: 1,
    redirects: [],
  };
}

/** A send that plays the given outcomes in turn, and a sleep that records instead of waiting. */
function script(outcomes: (number | Error | Exchange)[]) {
  let calls = 0;
  const sleeps: number[] = [];
  return {
    send: async (): Promise<Exchange> => {
      const next = outcomes[Math.min(calls++, outcomes.length - 1)];
      if (next instanceof Error) throw next;
      return typeof next === 'number' ? exchange(next) : (next as Exchange);
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
    calls: () => calls,
    sleeps,
  };
}

const refused = () => new NetworkError('connection', 'https://city.example/', 'ECONNREFUSED');

describe('jitterDelay (full jitter)', () => {
  const b = { baseDelayMs: 100, maxDelayMs: 1000 };
  it('is uniform in [0, min(max, base·2^attempt))', () => {
    expect(jitterDelay(0, { ...b, random: () => 0 })).toBe(0);
    expect(jitterDelay(0, { ...b, random: () => 0.5 })).toBe(50);
    expect(jitterDelay(3, { ...b, random: () => 0.5 })).toBe(400);
    expect(jitterDelay(10, { ...b, random: () => 0.999 })).toBeCloseTo(999);
  });

  it('spreads real random delays over the whole interval', () => {
    const delays = Array.from({ length: 500 }, () => jitterDelay(2, { ...b, random: Math.random }));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(400);
    expect(Math.min(...delays)).toBeLessThan(100);
    expect(Math.max(...delays)).toBeGreaterThan(300);
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(' 0 ')).toBe(0);
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(retryAfterMs('Sun, 01 Mar 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});

describe('sendWithRetries', () => {
  it('retries 5xx, 429 and network failures, with jittered, growing waits', async () => {
    const s = script([503, refused(), 429, 200]);
    const x = await sendWithRetries(s.send, { retries: 3, baseDelayMs: 100, random: () => 0.5, sleep: s.sleep });
    expect(x.response.status).toBe(200);
    expect(s.calls()).toBe(4);
    expect(s.sleeps).toEqual([50, 100, 200]);
  });

  it('returns the last answer when retries run out', async () => {
    const s = script([500]);
    const x = await sendWithRetries(s.send, { retries: 2, sleep: s.sleep });
    expect(x.response.status).toBe(500);
    expect(s.calls()).toBe(3);
  });

  it('rethrows the last network error when retries run out', async () => {
    const s = script([refused()]);
    await expect(sendWithRetries(s.send, { retries: 1, sleep: s.sleep })).rejects.toMatchObject({ kind: 'connection' });
    expect(s.calls()).toBe(2);
  });

  it('does not retry what will not change: 4xx, 501, refused addresses, bad URLs', async () => {
    for (const outcome of [404, 400, 501, 200]) {
      const s = script([outcome, 200]);
      expect((await sendWithRetries(s.send, { sleep: s.sleep })).response.status).toBe(outcome);
      expect(s.calls()).toBe(1);
    }
    for (const kind of ['private-address', 'bad-url', 'too-many-redirects', 'dns'] as const) {
      const s = script([new NetworkError(kind, 'x', kind), 200]);
      await expect(sendWithRetries(s.send, { sleep: s.sleep })).rejects.toMatchObject({ kind });
      expect(s.calls()).toBe(1);
    }
    expect(isRetryableStatus(502)).toBe(true);
  });

  it('waits as long as Retry-After asks, up to the cap', async () => {
    const s = script([exchange(429, { 'retry-after': '2' }), 200]);
    await sendWithRetries(s.send, { sleep: s.sleep, maxRetryAfterMs: 5000 });
    expect(s.sleeps).toEqual([2000]);
  });

  it('gives the answer back when Retry-After is beyond the cap', async () => {
    const s = script([exchange(503, { 'retry-after': '3600' }), 200]);
    const x = await sendWithRetries(s.send, { sleep: s.sleep, maxRetryAfterMs: 30_000 });
    expect(x.response.status).toBe(503);
    expect(s.calls()).toBe(1);
  });

  it('zero retries: one attempt', async () => {
    const s = script([503, 200]);
    expect((await sendWithRetries(s.send, { retries: 0, sleep: s.sleep })).response.status).toBe(503);
  });
});

describe('the client against a flaky server', () => {
  let s: FakeServer;
  const plan = new Map<string, number[]>();
  beforeAll(async () => {
    s = await startFakeServer((req, res) => {
      const key = `${req.method} ${req.url.pathname}`;
      const statuses = plan.get(key) ?? [];
      const status = statuses.shift() ?? 200;
      if (status === 200) {
        sendJson(res, 200, req.method === 'POST' ? [{ service_request_id: '1' }] : []);
      } else if (status === 429) {
        sendJson(res, 429, [{ code: 429, description: 'slow down' }], { 'retry-after': '1' });
      } else {
        sendJson(res, status, [{ code: status, description: 'down' }]);
      }
    });
  });
  afterAll(() => s.close());

  const client = (retries?: number) =>
    new Open311Client({ baseUrl: `${s.origin}/v2/`, allowPrivate: true, ...(retries !== undefined && { retries }) });
  const attempts = (key: string) => s.received.filter((r) => `${r.method} ${r.url.pathname}` === key).length;

  it('a GET is retried twice by default on 503, then succeeds', async () => {
    plan.set('GET /v2/services.json', [503, 503]);
    const a = await client().services();
    expect(a.data).toEqual([]);
    expect(attempts('GET /v2/services.json')).toBe(3);
  });

  it('gives up after the retries with the server’s Open311Error', async () => {
    plan.set('GET /v2/tokens/t.json', [500, 502, 503, 504]);
    const err = await client(1).token('t').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Open311Error);
    expect((err as Open311Error).status).toBe(502);
    expect(attempts('GET /v2/tokens/t.json')).toBe(2);
  });

  it('honours Retry-After on 429', async () => {
    plan.set('GET /v2/requests.json', [429]);
    const started = Date.now();
    await client().requests();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(attempts('GET /v2/requests.json')).toBe(2);
  });

  it('never retries a POST', async () => {
    plan.set('POST /v2/requests.json', [503]);
    const err = await client(5).submit({ service_code: 'x', address_string: '1 Main St' }).catch((e: unknown) => e);
    expect((err as Open311Error).status).toBe(503);
    expect(attempts('POST /v2/requests.json')).toBe(1);
  });
});
