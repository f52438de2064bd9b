/**
 * A fleet of fake GeoReport endpoints on one loopback HTTP server, for the
 * monitor's tests, the server's monitor tests and the monitor benchmark
 * (re-exported as test-support/fake-endpoints.ts; it lives here because the
 * benchmark runs compiled and bench/ compiles only its own folder).
 *
 * Endpoint n answers under /e/<n>/: services.{json,xml}, requests.{json,xml}
 * (its request list, filtered by start_date/end_date, newest first, cut at its
 * cap) and discovery.{json,xml} (naming /e/<n>/ as its v2 endpoint). How each
 * endpoint behaves is set at run time; endpoints are made on first use.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeDiscovery, encodeRequests, encodeServices, formatDateTime, type Format, type PublicRequest, type Service } from '@o311/georeport';

export const FAKE_BEHAVIOURS = [
  /** Answers as a GeoReport endpoint should. */
  'normal',
  /** Closes the connection without answering (a refused connection needs a closed port: FakeFleet.refusedUrl). */
  'down',
  /** HTTP 500 with an HTML page. */
  'http-500',
  /** HTTP 200 with a truncated XML document. */
  'broken-xml',
  /** HTTP 200 with a truncated JSON document. */
  'broken-json',
  /** HTTP 200 with well-formed JSON that is no GeoReport document. */
  'wrong-shape',
] as const;
export type FakeBehaviour = (typeof FAKE_BEHAVIOURS)[number];

export interface FakeEndpointSettings {
  behaviour: FakeBehaviour;
  /** Waited before answering (or closing), ms; beyond the caller's timeout makes a slow endpoint. */
  latencyMs: number;
  services: Service[];
  requests: PublicRequest[];
  /** The most requests one list holds. */
  cap: number;
}

export interface FakeFleet {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** Endpoint n's GeoReport base URL, `…/e/<n>/`. */
  baseUrl(n: number): string;
  /** Endpoint n's discovery document. */
  discoveryUrl(n: number, format?: Format): string;
  /** A GeoReport base URL on a loopback port where nothing listens: the connection is refused. */
  refusedUrl: string;
  /** Changes endpoint n's settings (made with the defaults on first use). */
  set(n: number, settings: Partial<FakeEndpointSettings>): void;
  get(n: number): Readonly<FakeEndpointSettings>;
  /** Requests endpoint n received. */
  hits(n: number): number;
  close(): Promise<void>;
}

/** The largest endpoint number (endpoints are kept in memory). */
export const MAX_FAKE_ENDPOINTS = 100_000;

export const FAKE_SERVICES: readonly Service[] = Object.freeze([
  { service_code: 'POTHOLE', service_name: 'Pothole', description: null, metadata: false, type: 'realtime', keywords: null, group: 'Streets' },
  { service_code: 'GRAFFITI', service_name: 'Graffiti', description: null, metadata: false, type: 'realtime', keywords: null, group: null },
]);

/** A request at `at` (epoch ms) with every field empty but those given. */
export function fakeRequest(id: string, at: number, fields: Partial<PublicRequest> = {}): PublicRequest {
  const when = formatDateTime(at, 'UTC');
  return {
    service_request_id: id, status: 'open', status_notes: null, service_name: 'Pothole', service_code: 'POTHOLE', description: null,
    agency_responsible: null, service_notice: null, requested_datetime: when, updated_datetime: when, expected_datetime: null,
    address: null, address_id: null, zipcode: null, lat: null, long: null, media_url: null, ...fields,
  };
}

const defaults = (): FakeEndpointSettings => ({ behaviour: 'normal', latencyMs: 0, services: [...FAKE_SERVICES], requests: [], cap: 1000 });

const BROKEN: Readonly<Record<'broken-xml' | 'broken-json' | 'wrong-shape', { type: string; body: string }>> = {
  'broken-xml': { type: 'text/xml; charset=utf-8', body: '<?xml version="1.0" encoding="utf-8"?><services><service><service_code>POT' },
  'broken-json': { type: 'application/json; charset=utf-8', body: '[{"service_code":"POTHOLE","service_name":' },
  'wrong-shape': { type: 'application/json; charset=utf-8', body: '{"message":"Welcome to our API","version":3}' },
};

const CONTENT_TYPES: Readonly<Record<Format, string>> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

const PATH = /^\/e\/(\d{1,6})\/(services|requests|discovery)\.(json|xml)$/;

/** Inclusive bounds, as most servers read them; an unreadable bound is ignored. */
function inWindow(r: PublicRequest, q: URLSearchParams): boolean {
  const t = Date.parse(r.requested_datetime);
  const from = Date.parse(q.get('start_date') ?? '');
  const to = Date.parse(q.get('end_date') ?? '');
  return !(t < from) && !(t > to);
}

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function startFakeFleet(): Promise<FakeFleet> {
  const endpoints = new Map<number, FakeEndpointSettings & { hits: number }>();
  const timers = new Set<NodeJS.Timeout>();
  const endpoint = (n: number): FakeEndpointSettings & { hits: number } => {
    if (!(Number.isInteger(n) && n >= 0 && n <= MAX_FAKE_ENDPOINTS)) throw new RangeError(`No fake endpoint ${n} (0..${MAX_FAKE_ENDPOINTS})`);
    let e = endpoints.get(n);
    if (e === undefined) endpoints.set(n, (e = { ...defaults(), hits: 0 }));
    return e;
  };
  const checked = (n: number): number => {
    endpoint(n);
    return n;
  };
  let origin = '';

  const answer = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://fleet');
    const m = PATH.exec(url.pathname);
    if (m === null || Number(m[1]) > MAX_FAKE_ENDPOINTS) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const e = endpoint(Number(m[1]));
    e.hits++;
    const [what, format] = [m[2], m[3] as Format];
    const send = (): void => {
      if (e.behaviour === 'down') {
        req.socket.destroy();
        return;
      }
      if (e.behaviour === 'http-500') {
        res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><body><h1>Internal Server Error</h1></body></html>');
        return;
      }
      if (e.behaviour !== 'normal') {
        res.writeHead(200, { 'content-type': BROKEN[e.behaviour].type }).end(BROKEN[e.behaviour].body);
        return;
      }
      let body: string;
      if (what === 'services') body = encodeServices(e.services, format);
      else if (what === 'requests') {
        const listed = e.requests.filter((r) => inWindow(r, url.searchParams))
          .sort((a, b) => Date.parse(b.requested_datetime) - Date.parse(a.requested_datetime)).slice(0, e.cap);
        body = encodeRequests(listed, format);
      } else {
        body = encodeDiscovery({
          changeset: '2026-01-01T00:00:00Z', contact: 'fleet@example.org', key_service: '',
          endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${origin}/e/${m[1]}/`, changeset: '2026-01-01T00:00:00Z', type: 'production', formats: ['text/xml', 'application/json'] }],
        }, format);
      }
      res.writeHead(200, { 'content-type': CONTENT_TYPES[format] }).end(body);
    };
    if (e.latencyMs <= 0) {
      send();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!req.socket.destroyed) send();
    }, e.latencyMs);
    timers.add(timer);
  };

  const server = http.createServer(answer);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const refusedUrl = `http://127.0.0.1:${await closedPort()}/open311/v2/`;

  return {
    origin,
    baseUrl: (n) => `${origin}/e/${checked(n)}/`,
    discoveryUrl: (n, format = 'json') => `${origin}/e/${checked(n)}/discovery.${format}`,
    refusedUrl,
    set(n, settings) {
      Object.assign(endpoint(n), settings);
    },
    get: (n) => endpoint(n),
    hits: (n) => endpoint(n).hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
