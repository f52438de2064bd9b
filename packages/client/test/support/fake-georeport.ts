/**
 * A GeoReport server over a fixed list of requests, with a per-list cap (newest first)
 * and, optionally, page/page_size paging: what allRequests must cope with.
 */
import { formatDateTime, parseW3CDateTime } from '@o311/georeport';
import { sendJson, startFakeServer, type FakeServer, type Received } from './fake-server.js';

export interface FakeRequest {
  id: string | null;
  /** Epoch ms. */
  at: number;
}

export interface FakeGeoreportOptions {
  cap: number;
  /** Honour page/page_size (and send X-Total-Count) like Chicago or o311. */
  paging?: boolean;
}

export function requestJson(r: FakeRequest): Record<string, unknown> {
  const when = formatDateTime(r.at, 'UTC');
  return {
    service_request_id: r.id,
    status: 'open',
    status_notes: null,
    service_name: 'Pothole',
    service_code: 'POTHOLE',
    description: 'A hole',
    agency_responsible: null,
    service_notice: null,
    requested_datetime: when,
    updated_datetime: when,
    expected_datetime: null,
    address: '1 Main St',
    address_id: null,
    zipcode: null,
    lat: 41.5,
    long: -93.6,
    media_url: null,
  };
}

/** Inclusive bounds, as most servers read them. */
function inWindow(r: FakeRequest, q: URLSearchParams): boolean {
  const start = q.get('start_date');
  const end = q.get('end_date');
  const from = start === null ? -Infinity : parseW3CDateTime(start) ?? NaN;
  const to = end === null ? Infinity : parseW3CDateTime(end) ?? NaN;
  return r.at >= from && r.at <= to;
}

export async function startFakeGeoreport(requests: readonly FakeRequest[], options: FakeGeoreportOptions): Promise<FakeServer> {
  const sorted = [...requests].sort((a, b) => b.at - a.at);
  return startFakeServer((req: Received, res) => {
    const q = req.url.searchParams;
    const matching = sorted.filter((r) => inWindow(r, q));
    const page = Number(q.get('page') ?? '0');
    const size = Number(q.get('page_size') ?? '0');
    if (options.paging === true && (page > 0 || size > 0)) {
      const p = Math.max(1, page);
      const s = size > 0 ? size : options.cap;
      const slice = matching.slice((p - 1) * s, p * s);
      return sendJson(res, 200, slice.map(requestJson), { 'x-total-count': String(matching.length) });
    }
    sendJson(res, 200, matching.slice(0, options.cap).map(requestJson));
  });
}

/** `n` requests with ids `R1…Rn`, whole seconds, spread over `spanMs` from `start` (a seeded LCG, so runs repeat). */
export function spreadRequests(n: number, start: number, spanMs: number, seed = 7): FakeRequest[] {
  let x = seed;
  const next = (): number => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
  return Array.from({ length: n }, (_, i) => ({
    id: `R${i + 1}`,
    at: start + Math.floor((next() * spanMs) / 1000) * 1000,
  }));
}
