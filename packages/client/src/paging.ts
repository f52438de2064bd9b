/**
 * Every request in a date range, from servers that cap each list (spec: 1000; real ones
 * often 50) and mostly cannot page. The range is cut into spans of at most 90 days (the
 * spec's limit); then either
 * - pages (`page`/`page_size`), when the profile says so or the server shows it pages:
 *   paging headers, or a page 2 sharing no request with the first answer; or
 * - date windows: a window holding `maxResults` or more is halved until each holds
 *   fewer. Halving stops at one second (the precision of query dates), with a warning.
 * Servers bound dates inclusively, so neighbouring windows share their edge: requests
 * are deduplicated by id, and those outside [start, end) are dropped.
 */
import { MAX_SPAN_MS } from '@o311/georeport';
import type { Answer, RequestsQuery } from './client.js';
import { Open311Error, ResponseReadError } from './errors.js';
import type { ClientRequest } from './model.js';
import type { ReadWarning, WarningCode } from './warnings.js';

export type FetchRequests = (query: RequestsQuery) => Promise<Answer<ClientRequest[]>>;

export interface Sweep {
  /** Epoch ms; requests with start <= requested_datetime < end. */
  start: number;
  end: number;
  filters?: Pick<RequestsQuery, 'service_code' | 'status'>;
  maxResults: number;
  paging?: 'page' | 'window';
  onWarning?: (w: ReadWarning) => void;
}

/** Query dates have whole seconds, so a shorter window cannot be asked for. */
export const MIN_WINDOW_MS = 1000;
const MAX_PAGES = 100_000;
/** warnings.ts has no code for "the server's cap hid results"; this is the nearest. */
const CAPPED_WINDOW: WarningCode = 'results-capped';

interface Window {
  start: number;
  end: number;
}

/** [start, end) cut into consecutive spans of at most `span` ms. */
export function spans(start: number, end: number, span: number): Window[] {
  const out: Window[] = [];
  for (let s = start; s < end; s += span) out.push({ start: s, end: Math.min(end, s + span) });
  return out;
}

/** Halves on a whole second, so both halves can be asked for exactly. */
export function halve(w: Window): [Window, Window] {
  const mid = w.start + Math.max(MIN_WINDOW_MS, Math.floor((w.end - w.start) / (2 * MIN_WINDOW_MS)) * MIN_WINDOW_MS);
  return [{ start: w.start, end: mid }, { start: mid, end: w.end }];
}

const PAGING_HEADERS = ['x-total-count', 'x-page-count', 'x-next-page-url'];

function showsPaging(headers: Readonly<Record<string, string>>): boolean {
  return PAGING_HEADERS.some((h) => h in headers) || /rel="?next"?/i.test(headers.link ?? '');
}

const headerNumber = (headers: Readonly<Record<string, string>>, name: string): number | undefined => {
  const n = Number(headers[name]);
  return headers[name] !== undefined && Number.isFinite(n) ? n : undefined;
};

const idsOf = (items: readonly ClientRequest[]): Set<string> =>
  new Set(items.flatMap((r) => (r.service_request_id === null ? [] : [r.service_request_id])));

export async function* sweepRequests(fetch: FetchRequests, sweep: Sweep): AsyncGenerator<ClientRequest> {
  const { maxResults } = sweep;
  const warn = sweep.onWarning ?? ((): void => undefined);
  const seen = new Set<string>();
  let mode = sweep.paging;

  const query = (w: Window, page?: number): RequestsQuery => ({
    ...sweep.filters,
    start_date: new Date(w.start),
    end_date: new Date(w.end),
    ...(page !== undefined && { page, page_size: maxResults }),
  });

  const inRange = (r: ClientRequest): boolean => {
    const t = r.requested_datetime === null ? NaN : Date.parse(r.requested_datetime);
    return Number.isNaN(t) || (t >= sweep.start && t < sweep.end);
  };

  /** The requests of one answer not yielded before; passes its warnings on. */
  function* fresh(answer: Answer<ClientRequest[]>): Generator<ClientRequest> {
    answer.warnings.forEach(warn);
    for (const [i, r] of answer.data.entries()) {
      const id = r.service_request_id;
      if (id === null) {
        warn({
          code: 'missing-field',
          path: `service_requests.request[${i}].service_request_id`,
          message: 'A request without service_request_id was skipped: it cannot be told apart from the others.',
        });
        continue;
      }
      if (seen.has(id) || !inRange(r)) continue;
      seen.add(id);
      yield r;
    }
  }

  async function* pages(w: Window): AsyncGenerator<ClientRequest> {
    let previous = new Set<string>();
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer = await fetch(query(w, page));
      yield* fresh(answer);
      const ids = idsOf(answer.data);
      const repeated = ids.size > 0 && [...ids].every((id) => previous.has(id));
      const total = headerNumber(answer.exchange.response.headers, 'x-total-count');
      const pageCount = headerNumber(answer.exchange.response.headers, 'x-page-count');
      const last =
        answer.data.length < maxResults ||
        repeated ||
        (total !== undefined && page * maxResults >= total) ||
        (pageCount !== undefined && page >= pageCount);
      if (last) return;
      previous = ids;
    }
  }

  /** Whether the server pages: it says so in headers, or page 2 holds none of the first answer's requests. */
  async function pagesWork(w: Window, first: Answer<ClientRequest[]>): Promise<boolean> {
    if (showsPaging(first.exchange.response.headers)) return true;
    let probe: Answer<ClientRequest[]>;
    try {
      probe = await fetch(query(w, 2));
    } catch (err) {
      if (err instanceof Open311Error || err instanceof ResponseReadError) return false;
      throw err;
    }
    const firstIds = idsOf(first.data);
    return ![...idsOf(probe.data)].some((id) => firstIds.has(id));
  }

  // Query dates are written to the second: widen the range to whole seconds (so every window
  // edge is one) and drop what falls outside afterwards.
  const first = Math.floor(sweep.start / MIN_WINDOW_MS) * MIN_WINDOW_MS;
  const last = Math.ceil(sweep.end / MIN_WINDOW_MS) * MIN_WINDOW_MS;
  for (const span of spans(first, last, MAX_SPAN_MS)) {
    if (mode === 'page') {
      yield* pages(span);
      continue;
    }
    const stack: Window[] = [span];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      const answer = await fetch(query(w));
      if (answer.data.length < maxResults) {
        yield* fresh(answer);
        continue;
      }
      if (mode === undefined) {
        mode = (await pagesWork(w, answer)) ? 'page' : 'window';
        if (mode === 'page') {
          yield* pages(w);
          continue;
        }
      }
      if (w.end - w.start <= MIN_WINDOW_MS) {
        warn({
          code: CAPPED_WINDOW,
          path: `requests?start_date=${new Date(w.start).toISOString()}`,
          message:
            `${answer.data.length} requests in one second reach the server's cap of ${maxResults}; ` +
            'more may exist in that second and cannot be listed.',
        });
        yield* fresh(answer);
        continue;
      }
      const [early, late] = halve(w);
      stack.push(late, early);
    }
  }
}
