/** allRequests: date-window halving and page/page_size paging, each request yielded exactly once. */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SPAN_MS, parseW3CDateTime } from '@o311/georeport';
import { Open311Client } from '../src/client.js';
import type { ClientRequest } from '../src/model.js';
import { halve, MIN_WINDOW_MS, spans } from '../src/paging.js';
import type { QuirkProfile } from '../src/quirks.js';
import type { ReadWarning } from '../src/warnings.js';
import type { FakeServer } from './support/fake-server.js';
import { spreadRequests, startFakeGeoreport, type FakeRequest } from './support/fake-georeport.js';

const DAY = 86_400_000;
const START = Date.parse('2025-01-01T00:00:00Z');

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function sweep(
  requests: readonly FakeRequest[],
  options: { cap: number; paging?: boolean; profile?: Partial<QuirkProfile>; start?: number; end: number },
): Promise<{ got: ClientRequest[]; warnings: ReadWarning[]; server: FakeServer }> {
  server = await startFakeGeoreport(requests, { cap: options.cap, ...(options.paging !== undefined && { paging: options.paging }) });
  const client = new Open311Client({
    baseUrl: `${server.origin}/v2/`,
    allowPrivate: true,
    profile: { name: 'test', maxResults: options.cap, ...options.profile },
  });
  const got: ClientRequest[] = [];
  const warnings: ReadWarning[] = [];
  for await (const r of client.allRequests({ start: new Date(options.start ?? START), end: new Date(options.end) }, (w) =>
    warnings.push(w),
  )) {
    got.push(r);
  }
  return { got, warnings, server };
}

const ids = (rs: readonly ClientRequest[]): string[] => rs.map((r) => r.service_request_id ?? '').sort();
const expectedIds = (rs: readonly FakeRequest[]): string[] => rs.map((r) => r.id ?? '').sort();
const query = (s: FakeServer, i: number): URLSearchParams => s.received[i]?.url.searchParams ?? new URLSearchParams();

describe('spans and halve', () => {
  it('cuts a range into spans of at most 90 days', () => {
    const out = spans(START, START + 200 * DAY, MAX_SPAN_MS);
    expect(out.map((w) => (w.end - w.start) / DAY)).toEqual([90, 90, 20]);
    expect(out[1]?.start).toBe(out[0]?.end);
    expect(spans(START, START, MAX_SPAN_MS)).toEqual([]);
  });

  it('halves on whole seconds, never to an empty half', () => {
    expect(halve({ start: 0, end: 10_000 })).toEqual([{ start: 0, end: 5000 }, { start: 5000, end: 10_000 }]);
    expect(halve({ start: 0, end: 3000 })).toEqual([{ start: 0, end: 1000 }, { start: 1000, end: 3000 }]);
    expect(halve({ start: 0, end: 1500 })).toEqual([{ start: 0, end: MIN_WINDOW_MS }, { start: MIN_WINDOW_MS, end: 1500 }]);
  });
});

describe('date windows (a server that cannot page)', () => {
  it('400 requests under a cap of 50: every request exactly once, every answer under the cap', async () => {
    const requests = spreadRequests(400, START, 10 * DAY);
    const { got, warnings, server: s } = await sweep(requests, { cap: 50, end: START + 10 * DAY });
    expect(got).toHaveLength(400);
    expect(ids(got)).toEqual(expectedIds(requests));
    expect(warnings).toEqual([]);
    // One probe of page 2 found the server ignores paging; after it, only date windows.
    const probes = s.received.filter((r) => r.url.searchParams.has('page'));
    expect(probes).toHaveLength(1);
    for (const r of s.received) {
      const from = parseW3CDateTime(r.url.searchParams.get('start_date') ?? '') ?? NaN;
      const to = parseW3CDateTime(r.url.searchParams.get('end_date') ?? '') ?? NaN;
      expect(to - from).toBeLessThanOrEqual(MAX_SPAN_MS);
    }
  });

  it('requests on the window edges are yielded once; [start, end) is half-open', async () => {
    const end = START + 4 * DAY;
    const requests: FakeRequest[] = [
      ...spreadRequests(120, START, 4 * DAY, 3),
      // Every halving point of [START, end) down to a few hours, plus both ends of the range.
      ...Array.from({ length: 16 }, (_, i) => ({ id: `E${i}`, at: START + (i * 4 * DAY) / 16 })),
      { id: 'AT-END', at: end },
    ];
    const { got } = await sweep(requests, { cap: 20, end });
    expect(ids(got)).toEqual(expectedIds(requests.filter((r) => r.id !== 'AT-END')));
  });

  it('cuts a long range into spans of at most 90 days', async () => {
    const requests = spreadRequests(100, START, 200 * DAY);
    const { got, server: s } = await sweep(requests, { cap: 1000, end: START + 200 * DAY });
    expect(ids(got)).toEqual(expectedIds(requests));
    expect(s.received).toHaveLength(3);
  });

  it('stops halving at one second and warns that the cap hides requests', async () => {
    const crowded: FakeRequest[] = Array.from({ length: 60 }, (_, i) => ({ id: `C${i}`, at: START + DAY }));
    const { got, warnings } = await sweep(crowded, { cap: 50, end: START + 2 * DAY });
    expect(got).toHaveLength(50);
    // Both one-second windows around the instant hold it (bounds are inclusive), so each may warn.
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    for (const w of warnings) expect(w.message).toContain('cap of 50');
  });

  it('skips requests without service_request_id, with a warning each', async () => {
    const requests: FakeRequest[] = [...spreadRequests(10, START, DAY), { id: null, at: START + 1000 }];
    const { got, warnings } = await sweep(requests, { cap: 50, end: START + DAY });
    expect(got).toHaveLength(10);
    expect(warnings.filter((w) => w.code === 'missing-field')).toHaveLength(1);
  });
});

describe('pages (a server with page/page_size)', () => {
  it('detects paging from page 2 and pages through: 400 requests, each once', async () => {
    const requests = spreadRequests(400, START, 10 * DAY);
    const { got, server: s } = await sweep(requests, { cap: 50, paging: true, end: START + 10 * DAY });
    expect(ids(got)).toEqual(expectedIds(requests));
    // First answer (capped), the probe of page 2, then pages 1..8 of 50.
    expect(s.received).toHaveLength(2 + 8);
    expect(query(s, 2).get('page')).toBe('1');
    expect(query(s, 2).get('page_size')).toBe('50');
    expect(query(s, 9).get('page')).toBe('8');
  });

  it('pages from the first call when the profile says the server pages', async () => {
    const requests = spreadRequests(120, START, 10 * DAY);
    const { got, server: s } = await sweep(requests, {
      cap: 50,
      paging: true,
      profile: { paging: 'page' },
      end: START + 10 * DAY,
    });
    expect(ids(got)).toEqual(expectedIds(requests));
    expect(s.received.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
  });

  it('no paging needed when the first answer is under the cap', async () => {
    const requests = spreadRequests(30, START, DAY);
    const { got, server: s } = await sweep(requests, { cap: 50, paging: true, end: START + DAY });
    expect(got).toHaveLength(30);
    expect(s.received).toHaveLength(1);
  });
});
