/**
 * A GeoReport endpoint in memory, as a client Transport (no network): JSON
 * lists filtered by requested dates (inclusive, to the second), and as asked
 * by the test: honouring updated_after/updated_before or not, paging with
 * X-Total-Count or not, cutting lists at a cap, answering 429 first.
 */
import type { Exchange, HttpRequest, Transport } from '@o311/client';

export interface FakeRequest {
  id: string;
  requested: number;
  updated: number;
  status: 'open' | 'closed';
  code: string;
  lat: number | null;
  long: number | null;
}

export interface FakeEndpointOptions {
  honoursUpdated?: boolean;
  paging?: boolean;
  /** Longest unpaged list (default 1000). */
  cap?: number;
  /** 429 answers (with Retry-After: busySeconds) before the first real one. */
  busy?: number;
  busySeconds?: number;
}

export const BASE_URL = 'http://city.example/open311/v2/';

const second = (t: number): number => Math.floor(t / 1000) * 1000;
const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');

export class FakeEndpoint {
  readonly requests = new Map<string, FakeRequest>();
  readonly calls: { url: URL; at: number; headers: Record<string, string> }[] = [];
  private busyLeft: number;
  /** The transport's size limit of the call being answered (a longer body is cut, as the network transport cuts it). */
  private maxBytes: number | undefined;
  /** Answers cut at the size limit. */
  cut = 0;

  constructor(private readonly o: FakeEndpointOptions = {}, private readonly clock: () => number = Date.now) {
    this.busyLeft = o.busy ?? 0;
  }

  put(...list: FakeRequest[]): void {
    for (const r of list) this.requests.set(r.id, r);
  }

  readonly transport: Transport = async (request: HttpRequest, options = {}): Promise<Exchange> => {
    const url = new URL(request.url);
    this.maxBytes = options.maxBytes;
    this.calls.push({ url, at: this.clock(), headers: { ...request.headers } });
    if (this.busyLeft > 0) {
      this.busyLeft--;
      return this.answer(request, 429, [{ code: 429, description: 'slow down' }], { 'retry-after': String(this.o.busySeconds ?? 1) });
    }
    if (url.pathname.endsWith('/services.json')) return this.answer(request, 200, [{ service_code: 'pothole', service_name: 'Pothole', group: 'Streets' }]);
    if (!url.pathname.endsWith('/requests.json')) return this.answer(request, 404, [{ code: 404, description: 'no such thing' }]);
    const q = url.searchParams;
    const date = (name: string): number | undefined => (q.has(name) ? Date.parse(q.get(name)!) : undefined);
    const [start, end, after, before] = ['start_date', 'end_date', 'updated_after', 'updated_before'].map(date);
    let list = [...this.requests.values()].filter((r) =>
      (start === undefined || second(r.requested) >= start) && (end === undefined || second(r.requested) <= end));
    if (this.o.honoursUpdated) {
      list = list.filter((r) => (after === undefined || second(r.updated) >= after) && (before === undefined || second(r.updated) <= before));
    }
    list.sort((a, b) => b.requested - a.requested || b.id.localeCompare(a.id));
    const headers: Record<string, string> = {};
    if (this.o.paging && q.has('page')) {
      const page = Number(q.get('page'));
      const size = Number(q.get('page_size') ?? 50);
      headers['x-total-count'] = String(list.length);
      list = list.slice((page - 1) * size, page * size);
    } else {
      list = list.slice(0, this.o.cap ?? 1000);
    }
    return this.answer(request, 200, list.map((r) => ({
      service_request_id: r.id, status: r.status, service_code: r.code, service_name: r.code,
      requested_datetime: iso(r.requested), updated_datetime: iso(r.updated), lat: r.lat, long: r.long,
      description: `about ${r.id}`, address: null,
    })), headers);
  };

  requestCalls(): URL[] {
    return this.calls.map((c) => c.url).filter((u) => u.pathname.endsWith('/requests.json'));
  }

  private answer(request: HttpRequest, status: number, body: unknown, headers: Record<string, string> = {}): Promise<Exchange> {
    const whole = JSON.stringify(body);
    const truncated = this.maxBytes !== undefined && whole.length > this.maxBytes;
    const text = truncated ? whole.slice(0, this.maxBytes) : whole;
    if (truncated) this.cut++;
    return Promise.resolve({
      request,
      response: { status, headers: { 'content-type': 'application/json', ...headers }, body: text, size: text.length, truncated, invalidUtf8: false },
      elapsedMs: 1,
      redirects: [],
    });
  }
}

/** Facts in a Map by id, like putFacts (writing one again replaces it); every write and checkpoint counted. */
export class MemorySink {
  readonly facts = new Map<string, import('@o311/store').DashboardFact>();
  writes = 0;
  factWrites = 0;
  cursor: string | null = null;

  async write(facts: readonly import('@o311/store').DashboardFact[]): Promise<void> {
    this.writes++;
    this.factWrites += facts.length;
    for (const f of facts) this.facts.set(f.request_id, f);
  }

  async checkpoint(cursor: string): Promise<void> {
    this.cursor = cursor;
  }
}

/** A clock whose sleeps move time on at once (and are recorded). */
export class TestClock {
  readonly slept: number[] = [];
  constructor(public t: number) {}
  now = (): number => this.t;
  sleep = async (ms: number): Promise<void> => {
    this.slept.push(ms);
    this.t += ms;
  };
}
