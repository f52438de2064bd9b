/**
 * The federated endpoint (issue 11) beside the local one, on the same server
 * in the same run:
 *
 * - services: `services.json` at a fresh point each time, federated (the
 *   server's own city, read in process, and a county and a utility, each a
 *   remote `o311 serve` whose list discovery keeps cached, as in real use)
 *   beside the local `services.json` asked with the same kind of URL (it
 *   ignores the point, but no URL is asked twice, so no answer is reused);
 * - POST: routed `POST /federated/open311/v2/requests.json` (checked, stored,
 *   answered with a token; a job delivers it to the county or the utility in
 *   the background, on the same server) beside the local durable POST; first
 *   with the upstreams paused (SIGSTOP), so that acceptance alone is measured,
 *   then with the deliveries going on: on this machine they share its cores
 *   with the upstream servers, which a real router does not.
 *
 * Then the time until every routed request was delivered upstream.
 */
import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tier } from '@o311/georeport';
import { newService, openStore, type NewBoundary, type NewEndpoint, type Store } from '@o311/store';
import { random } from './dataset.js';
import { loadLoop, type LoopResult, type PlannedRequest } from './load-loop.js';
import { createKey, run, stop } from './processes.js';
import { serve, type Running } from './servers.js';

export interface FederationFigures {
  /** Endpoints covering every point asked. */
  endpoints: number;
  localServices: LoopResult;
  federatedServices: LoopResult;
  localPost: LoopResult;
  /** Routed POSTs while the upstreams are paused: the deliveries wait, acceptance alone. */
  routedPostAlone: LoopResult;
  routedPost: LoopResult;
  /** Routed POSTs answered with a token (of routedPost.total). */
  routedTokens: number;
  /** After the routed POSTs: how long until none was queued (or the wait ended), and the states then. */
  drain: { seconds: number; delivered: number; queued: number; failedOrDead: number };
}

const ENV = { O311_ROUTER_SECRET: 'the router secret of the benchmark' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** The longest wait for the deliveries after the routed POSTs. */
const DRAIN_LIMIT_S = 120;

type Square = readonly [west: number, south: number, size: number];

/** Two remote tiers around the demo city's bench point (41.88, -87.63); the city's own square overlaps both. */
const REMOTE: readonly { slug: string; tier: Tier; square: Square; code: string }[] = [
  { slug: 'bench-county', tier: 'county', square: [-88.2, 41.4, 1.0], code: 'ROAD' },
  { slug: 'bench-water', tier: 'utility', square: [-88.0, 41.6, 0.6], code: 'LEAK' },
];
const CITY: { slug: string; square: Square } = { slug: 'bench-city', square: [-87.8, 41.7, 0.4] };
/** Inside all three squares. */
const OVERLAP = { west: -87.8, south: 41.7, east: -87.4, north: 42.1 };

const geometry = ([west, south, size]: Square): NewBoundary['geometry'] => [
  [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
];

const endpoint = (e: Pick<NewEndpoint, 'slug' | 'tier' | 'base_url' | 'jurisdiction_id' | 'local'>): NewEndpoint => ({
  ...e, name: e.slug, country: 'US', discovery_url: null, formats: ['json', 'xml'], api_key_url: null, terms_url: null, contact_email: null,
  status: 'production', boundary_id: e.slug, quirks: e.local ? null : 'o311', notes: '',
});

async function withStore<T>(url: string, f: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(url);
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

/** A remote upstream: its own database and jurisdiction with one service, its server, and the key it gives the router. */
async function startUpstream(cli: string, tmp: string, u: (typeof REMOTE)[number]): Promise<{ server: Running; key: string }> {
  const url = `sqlite:${join(tmp, `${u.slug}.sqlite`)}`;
  await withStore(url, async (store) => {
    await store.migrate();
    await store.saveJurisdiction({ id: `${u.slug}.example`, name: u.slug, contact: `311@${u.slug}.example`, key_service: 'Ask us.', timezone: 'America/Chicago' });
    await store.saveService(newService({ jurisdiction_id: `${u.slug}.example`, service_code: u.code, service_name: u.code }));
  });
  const key = await createKey(cli, url, 'o311 router');
  return { server: await serve(cli, url, ['--no-web', '--no-sandbox']), key };
}

/** The router's registry: the city (this server's jurisdiction) and the remote tiers, with the keys they gave it. */
async function register(cli: string, databaseUrl: string, jurisdiction: string, remote: readonly { origin: string; key: string }[], tmp: string): Promise<void> {
  await withStore(databaseUrl, async (store) => {
    await store.saveBoundaries([CITY, ...REMOTE].map((b, i) => ({
      id: b.slug, name: b.slug, tier: i === 0 ? 'city' : REMOTE[i - 1]!.tier, source: 'benchmark', approximate: false, geometry: geometry(b.square),
    })));
    await store.saveEndpoint(endpoint({ slug: CITY.slug, tier: 'city', base_url: null, jurisdiction_id: jurisdiction, local: true }));
    for (const [i, u] of REMOTE.entries()) {
      await store.saveEndpoint(endpoint({ slug: u.slug, tier: u.tier, base_url: `${remote[i]!.origin}/open311/v2/`, jurisdiction_id: `${u.slug}.example`, local: false }));
    }
  });
  for (const [i, u] of REMOTE.entries()) {
    const file = join(tmp, `${u.slug}.key`);
    await writeFile(file, remote[i]!.key, { mode: 0o600 });
    await run('node', [cli, 'discovery', 'upstream-key', 'set', u.slug, '--key-file', file, '--database', databaseUrl], ENV);
  }
}

/** A fresh point in the overlap for every request. */
function atFreshPoints(url: string, seed: number): () => PlannedRequest {
  const rnd = random(seed);
  return () => {
    const lat = (OVERLAP.south + rnd() * (OVERLAP.north - OVERLAP.south)).toFixed(6);
    const long = (OVERLAP.west + rnd() * (OVERLAP.east - OVERLAP.west)).toFixed(6);
    return { kind: 'services', url: `${url}?lat=${lat}&long=${long}` };
  };
}

/** POSTs with a description of their own each, to `url`, bodies from `body`. */
function posts(url: string, body: (description: string) => string, tag: string): () => PlannedRequest {
  let n = 0;
  return () => ({ kind: 'post', url, method: 'POST', headers: FORM, body: body(`bench ${tag} ${n++}`) });
}

/** Runs `next` for 2 s to warm up, then for `seconds`. */
async function measured(o: { connections: number; seconds: number }, next: () => PlannedRequest, onAnswer?: Parameters<typeof loadLoop>[0]['onAnswer']): Promise<LoopResult> {
  await loadLoop({ connections: o.connections, seconds: 2, next });
  return loadLoop({ connections: o.connections, seconds: o.seconds, next, onAnswer });
}

/** The endpoints a federated service list names at one point; throws when any is missing. */
async function coveringEndpoints(origin: string): Promise<number> {
  const res = await fetch(atFreshPoints(`${origin}/federated/open311/v2/services.json`, 99)().url);
  const missing = res.headers.get('x-open311-missing-endpoints');
  if (res.status !== 200 || missing !== null) throw new Error(`federated services.json: ${res.status}, missing ${missing}`);
  return new Set(((await res.json()) as { endpoint: string }[]).map((s) => s.endpoint)).size;
}

/** Runs `f` with the processes stopped (SIGSTOP), and lets them go on after. */
async function whilePaused<T>(children: readonly ChildProcess[], f: () => Promise<T>): Promise<T> {
  for (const c of children) c.kill('SIGSTOP');
  try {
    return await f();
  } finally {
    for (const c of children) c.kill('SIGCONT');
  }
}

async function drain(databaseUrl: string): Promise<FederationFigures['drain']> {
  const started = performance.now();
  return withStore(databaseUrl, async (store) => {
    const count = (states: ('queued' | 'delivered' | 'failed' | 'dead')[]) => store.federation.count({ states });
    while ((await count(['queued'])) > 0 && performance.now() - started < DRAIN_LIMIT_S * 1000) await new Promise((r) => setTimeout(r, 250));
    return {
      seconds: (performance.now() - started) / 1000,
      delivered: await count(['delivered']),
      queued: await count(['queued']),
      failedOrDead: await count(['failed', 'dead']),
    };
  });
}

export async function measureFederation(o: {
  cli: string; databaseUrl: string; tmp: string; connections: number; seconds: number;
  jurisdiction: string; key: string; localPostBody: (description: string) => string;
}): Promise<FederationFigures> {
  const upstreams = await Promise.all(REMOTE.map((u) => startUpstream(o.cli, o.tmp, u)));
  try {
    await register(o.cli, o.databaseUrl, o.jurisdiction, upstreams.map((u) => ({ origin: u.server.origin, key: u.key })), o.tmp);
    const server = await serve(o.cli, o.databaseUrl, ['--no-web', '--allow-private-endpoints'], ENV);
    try {
      const endpoints = await coveringEndpoints(server.origin);
      const localServices = await measured(o, atFreshPoints(`${server.origin}/open311/v2/services.json`, 11));
      const federatedServices = await measured(o, atFreshPoints(`${server.origin}/federated/open311/v2/services.json`, 12));
      const localPost = await measured(o, posts(`${server.origin}/open311/v2/requests.json`, o.localPostBody, 'local'));
      let routedTokens = 0;
      let n = 0;
      const routedBody = (description: string): string => {
        const u = REMOTE[n++ % REMOTE.length]!;
        return new URLSearchParams({
          api_key: o.key, service_code: `${u.slug}:${u.code}`, lat: '41.88', long: '-87.63', description, email: 'bench@example.org',
        }).toString();
      };
      const routedUrl = `${server.origin}/federated/open311/v2/requests.json`;
      // Within the deliveries' HTTP deadline (20 s): the calls under way wait, then go on.
      const routedPostAlone = await whilePaused(upstreams.map((u) => u.server.child), () => measured(o, posts(routedUrl, routedBody, 'routed alone')));
      const routedPost = await measured(o, posts(routedUrl, routedBody, 'routed'), (_, answer) => {
        if (!(answer instanceof Error) && answer.status === 200 && /"token":"[^"]+"/.test(answer.body)) routedTokens++;
      });
      return { endpoints, localServices, federatedServices, localPost, routedPostAlone, routedPost, routedTokens, drain: await drain(o.databaseUrl) };
    } finally {
      await stop(server.child);
    }
  } finally {
    for (const u of upstreams) await stop(u.server.child);
  }
}
