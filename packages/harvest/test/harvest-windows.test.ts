/**
 * The harvester against endpoints in memory (fake-endpoint.ts): one that
 * honours updated_after and pages (as o311 does), one that ignores
 * updated_after, ones that cut lists at 1,000 or 50 without paging, one
 * that answers 429 with Retry-After; runs cut short and resumed.
 */
import { describe, expect, it } from 'vitest';
import { harvest, parseCursor, type HarvestOptions } from '@o311/harvest';
import { BASE_URL, FakeEndpoint, MemorySink, TestClock, type FakeEndpointOptions, type FakeRequest } from './fake-endpoint.js';

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2026-06-15T12:00:00Z');

/** `n` requests spread over the `days` before `until` (the newest at most a minute before it). */
function requests(n: number, days: number, until = NOW, prefix = 'r'): FakeRequest[] {
  return Array.from({ length: n }, (_, i) => {
    const requested = until - 60_000 - Math.floor((i * days * DAY) / n);
    return { id: `${prefix}${i}`, requested, updated: requested + 1000, status: 'open' as const, code: 'pothole', lat: 40 + i / 1e4, long: -80, };
  });
}

function setUp(o: FakeEndpointOptions, quirks: string | null = null) {
  const clock = new TestClock(NOW);
  const endpoint = new FakeEndpoint(o, clock.now);
  const sink = new MemorySink();
  const run = (options: HarvestOptions = {}) =>
    harvest({
      target: { url: BASE_URL, jurisdictionId: null, formats: ['json'], quirks },
      cursor: sink.cursor,
      sink,
      transport: endpoint.transport,
      allowPrivate: false,
      options: { spacingMs: 0, maxCalls: 10_000, ...options },
      clock,
      areaOf: (lat) => (lat < 40.01 ? 'south' : 'north'),
    });
  return { clock, endpoint, sink, run };
}

/** Runs until caught up; the outcomes. */
async function untilCaughtUp(run: () => ReturnType<ReturnType<typeof setUp>['run']>, most = 1000) {
  const outcomes = [];
  for (let i = 0; i < most; i++) {
    const o = await run();
    outcomes.push(o);
    if (o.error !== null) throw new Error(o.error);
    if (o.caughtUp) return outcomes;
  }
  throw new Error('never caught up');
}

describe('harvest: an endpoint that honours updated_after and pages (like o311)', () => {
  it('reads everything back to the horizon, then only changes; facts follow status changes and new requests', async () => {
    const { clock, endpoint, sink, run } = setUp({ honoursUpdated: true, paging: true });
    endpoint.put(...requests(700, 80));
    const first = await run();
    expect(first).toMatchObject({ caughtUp: true, error: null, requests: 700 });
    expect(sink.facts.size).toBe(700);
    expect(sink.facts.get('r0')).toMatchObject({ status: 'open', closed_at: null, service_group: 'Streets', area_id: 'south', lat: 40, long: -80 });
    // The newest window was read first.
    const firstList = endpoint.requestCalls()[0]!;
    expect(Date.parse(firstList.searchParams.get('end_date')!)).toBe(NOW);
    expect(firstList.searchParams.get('page_size')).toBe('200');

    clock.t += 15 * 60_000;
    const closedAt = clock.t - 5 * 60_000;
    for (const id of ['r1', 'r2', 'r500']) endpoint.put({ ...endpoint.requests.get(id)!, status: 'closed', updated: closedAt });
    endpoint.put(...requests(3, 0.001, clock.t, 'new'));
    const before = endpoint.requestCalls().length;
    const second = await run();
    expect(second).toMatchObject({ caughtUp: true, error: null });
    // The six changed, and those changed in the minute before the last pass ended (read again: the clocks may differ).
    expect(second.requests).toBeGreaterThanOrEqual(6);
    // One changes window, asked for each 90-day span of requested dates within followDays (365): 5 calls.
    const calls = endpoint.requestCalls().slice(before);
    expect(calls).toHaveLength(5);
    expect(calls.every((u) => u.searchParams.has('updated_after'))).toBe(true);
    expect(new Set(calls.map((u) => u.searchParams.get('start_date'))).size).toBe(5);
    expect(sink.facts.size).toBe(703);
    for (const id of ['r1', 'r2', 'r500']) expect(sink.facts.get(id)).toMatchObject({ status: 'closed', closed_at: Math.floor(closedAt / 1000) * 1000 });
    expect(sink.facts.get('new0')?.status).toBe('open');
    expect(parseCursor(sink.cursor)).toMatchObject({ backfilled: true, changes: 'updated', paging: true, sweep: null });
  });

  it('changes to requests made long ago are asked for span by span of 90 days, as far back as followDays', async () => {
    const { clock, endpoint, sink, run } = setUp({ honoursUpdated: true, paging: true });
    endpoint.put(...requests(100, 300));
    await untilCaughtUp(() => run({ horizonDays: 365 }));
    expect(sink.facts.size).toBe(100);
    const old = [...endpoint.requests.values()].filter((r) => NOW - r.requested > 200 * DAY);
    clock.t += 15 * 60_000;
    endpoint.put({ ...old[0]!, status: 'closed', updated: clock.t - 1000 });
    // Followed only 90 days back, the change is not seen; 365 days back, it is.
    await untilCaughtUp(() => run({ followDays: 90 }));
    expect(sink.facts.get(old[0]!.id)?.status).toBe('open');
    clock.t += 15 * 60_000;
    endpoint.put({ ...old[0]!, status: 'closed', updated: clock.t - 1000 });
    await untilCaughtUp(() => run());
    expect(sink.facts.get(old[0]!.id)?.status).toBe('closed');
  });

  it('a run stopped after every call resumes where it stopped: nothing lost', async () => {
    const { clock, endpoint, sink, run } = setUp({ honoursUpdated: true, paging: true });
    endpoint.put(...requests(450, 60));
    const outcomes = await untilCaughtUp(() => run({ maxCalls: 1, pageSize: 100 }));
    expect(outcomes.every((o) => o.calls <= 1)).toBe(true);
    expect(sink.facts.size).toBe(450);
    clock.t += 15 * 60_000;
    endpoint.put({ ...endpoint.requests.get('r7')!, status: 'closed', updated: clock.t - 1000 });
    await untilCaughtUp(() => run({ maxCalls: 1, pageSize: 100 }));
    expect(sink.facts.get('r7')?.status).toBe('closed');
    expect(sink.facts.size).toBe(450);
  });

  it('a run killed in the middle (its store fails) resumes from the last answer it saved', async () => {
    const { endpoint, sink, run } = setUp({ honoursUpdated: true, paging: true });
    endpoint.put(...requests(400, 60));
    const write = sink.write.bind(sink);
    let writes = 0;
    sink.write = async (facts) => {
      if (++writes === 4) throw new Error('the process died');
      await write(facts);
    };
    await expect(run({ pageSize: 50 })).rejects.toThrow('the process died');
    const kept = sink.facts.size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(400);
    const callsBefore = endpoint.requestCalls().length;
    const resumed = await run({ pageSize: 50 });
    expect(resumed).toMatchObject({ caughtUp: true, error: null });
    expect(sink.facts.size).toBe(400);
    // It went on from the answer that was lost (read again), not from the start.
    expect(resumed.requests).toBe(400 - kept);
    const firstResumed = endpoint.requestCalls()[callsBefore]!;
    expect(Date.parse(firstResumed.searchParams.get('end_date')!)).toBeLessThan(NOW);
  });

  it('a run stops at its time limit and resumes', async () => {
    const { endpoint, sink, run } = setUp({ honoursUpdated: true, paging: true });
    endpoint.put(...requests(300, 60));
    // Each call waits 1 s of spacing on the test clock: a 2.5 s run starts no call after 2.5 s (services and 3 lists).
    const first = await run({ spacingMs: 1000, maxRunMs: 2500, pageSize: 50 });
    expect(first).toMatchObject({ caughtUp: false, error: null, calls: 4 });
    await untilCaughtUp(() => run({ pageSize: 50 }));
    expect(sink.facts.size).toBe(300);
  });
});

describe('harvest: endpoints without updated_after or paging', () => {
  it('an endpoint that ignores updated_after is read by windows of recent requests again', async () => {
    const { clock, endpoint, sink, run } = setUp({ honoursUpdated: false, paging: false });
    endpoint.put(...requests(400, 80));
    await untilCaughtUp(() => run());
    expect(sink.facts.size).toBe(400);
    clock.t += 15 * 60_000;
    for (const id of ['r3', 'r390']) endpoint.put({ ...endpoint.requests.get(id)!, status: 'closed', updated: clock.t - 1000 });
    endpoint.put(...requests(2, 0.001, clock.t, 'new'));
    await untilCaughtUp(() => run());
    expect(parseCursor(sink.cursor).changes).toBe('windows');
    // The answer that showed updated_after ignored still counts (its 90 days reach r390).
    expect(sink.facts.get('r3')?.status).toBe('closed');
    expect(sink.facts.get('r390')?.status).toBe('closed');
    expect(sink.facts.size).toBe(402);
    // From now on, windows of the last 30 days (refreshDays) are read again; updated_after is not asked again.
    clock.t += 15 * 60_000;
    for (const id of ['r4']) endpoint.put({ ...endpoint.requests.get(id)!, status: 'closed', updated: clock.t - 1000 });
    const before = endpoint.requestCalls().length;
    await untilCaughtUp(() => run());
    const calls = endpoint.requestCalls().slice(before);
    expect(calls.some((u) => u.searchParams.has('updated_after'))).toBe(false);
    expect(Math.min(...calls.map((u) => Date.parse(u.searchParams.get('start_date')!)))).toBe(Math.ceil(clock.t / 1000) * 1000 - 30 * DAY);
    expect(sink.facts.get('r4')?.status).toBe('closed');
  });

  it.each([
    { cap: 1000, n: 5000, days: 20 },
    { cap: 50, n: 600, days: 30 },
  ])('windows shrink under a cap of $cap and nothing is missed ($n requests)', async ({ cap, n, days }) => {
    const { endpoint, sink, run } = setUp({ cap, paging: false });
    // Half of them within one hour: windows must shrink well below a day there.
    const list = [...requests(n / 2, days), ...requests(n / 2, 1 / 24, NOW, 'burst')];
    endpoint.put(...list);
    await untilCaughtUp(() => run());
    expect(sink.facts.size).toBe(n);
    expect([...sink.facts.keys()].sort()).toEqual(list.map((r) => r.id).sort());
    // No list that came back full was taken as complete: every written window held fewer than the cap.
    expect(parseCursor(sink.cursor)).toMatchObject({ backfilled: true, paging: false });
  });

  it('an answer over the size limit narrows the window instead of failing the run', async () => {
    const { endpoint, sink, run } = setUp({ paging: false });
    endpoint.put(...requests(300, 10));
    // About 40 requests fit in 8 KiB.
    const outcomes = await untilCaughtUp(() => run({ maxBytes: 8192 }));
    expect(outcomes.every((o) => o.error === null)).toBe(true);
    expect(endpoint.cut).toBeGreaterThan(0);
    expect(sink.facts.size).toBe(300);
  });

  it('the cap of a quirk profile (San Francisco: 50) is used without guessing', async () => {
    const { endpoint, sink, run } = setUp({ cap: 50, paging: false }, 'sanfrancisco');
    endpoint.put(...requests(130, 0.5));
    await untilCaughtUp(() => run());
    expect(sink.facts.size).toBe(130);
  });
});

describe('harvest: manners', () => {
  it('waits out a 429 with Retry-After, spaces its calls and names itself', async () => {
    const { clock, endpoint, sink, run } = setUp({ honoursUpdated: true, paging: true, busy: 2, busySeconds: 3 });
    endpoint.put(...requests(10, 5));
    const outcome = await run({ spacingMs: 1000 });
    expect(outcome).toMatchObject({ caughtUp: true, error: null, requests: 10 });
    expect(clock.slept.filter((ms) => ms === 3000)).toHaveLength(2);
    const times = endpoint.calls.map((c) => c.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(endpoint.calls.every((c) => /o311/.test(c.headers['user-agent'] ?? ''))).toBe(true);
    expect(sink.facts.size).toBe(10);
  });

  it('a Retry-After longer than a run waits ends the run with it, and the next run goes on', async () => {
    const { endpoint, sink, run } = setUp({ honoursUpdated: true, paging: true, busy: 1, busySeconds: 600 });
    endpoint.put(...requests(10, 5));
    const first = await run();
    expect(first).toMatchObject({ caughtUp: false, retryAfterMs: 600_000 });
    expect(first.error).toMatch(/wait 600 s/);
    const second = await run();
    expect(second).toMatchObject({ caughtUp: true, error: null });
    expect(sink.facts.size).toBe(10);
  });
});
