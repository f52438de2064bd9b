/**
 * The federated endpoint's proof across processes (issue 11): three o311
 * upstreams (a city, its county read as XML only, a water utility with a batch
 * service), each its own `o311 serve` on its own database with its own key,
 * and the router, `serve --allow-private-endpoints` with O311_ROUTER_SECRET,
 * whose registry holds the three and their keys (sealed through the CLI).
 * The router's database is SQLite, then PostgreSQL; the upstreams SQLite.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OfferedService, PublicRequest } from '@o311/georeport';
import { MISSING_ENDPOINTS_HEADER, parseMissingEndpoints } from '@o311/router';
import { openStore, type Store } from '@o311/store';
import { dialects } from '../../test-support/databases.js';
import {
  IN_ALL, ROUTER_ENV, UPSTREAMS, prepareRouter, prepareUpstream, type PreparedRouter, type PreparedUpstream,
} from './federation.js';
import { getJson, killAll, runCli, serve, type Server } from './processes.js';

const SERVE = ['--no-web', '--no-sandbox'];
/** Deliveries that failed are tried again after 200 ms, then 400 ms, …: the outage below is over long before they give up. */
const ROUTER_SERVE = [...SERVE, '--allow-private-endpoints', '--router-retry-delay', '200'];
const POSTS = 1_000;
const CONNECTIONS = 20;
const at = `lat=${IN_ALL.lat}&long=${IN_ALL.long}`;

interface Upstream {
  prepared: PreparedUpstream;
  server: Server;
}

interface Receipt {
  service_request_id?: string | null;
  token?: string | null;
}

/** Reads an upstream's database (SQLite, next to its running server). */
async function withStore<T>(url: string, f: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(url);
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

/** Runs `f` over `items` from `connections` concurrent loops. */
async function concurrently<T>(items: readonly T[], connections: number, f: (item: T, n: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: connections }, async () => {
    for (let n = next++; n < items.length; n = next++) await f(items[n]!, n);
  }));
}

describe.each(dialects)('a federation of o311 processes, the router on %s', (dialect) => {
  let upstreams: Upstream[] = [];
  let routerDb: PreparedRouter;
  let router: Server;
  const running = (): Server[] => [router, ...upstreams.map((u) => u.server)].filter(Boolean);
  const fed = (path: string): string => `${router.origin}/federated/open311/v2/${path}`;
  const upstream = (slug: string): Upstream => upstreams.find((u) => u.prepared.plan.slug === slug)!;

  /** A routed POST to the upstream's service; the token it was answered with. */
  const post = async (slug: string, description: string): Promise<string> => {
    const body = new URLSearchParams({
      api_key: routerDb.apiKey, service_code: `${slug}:${upstream(slug).prepared.plan.service.code}`,
      lat: String(IN_ALL.lat), long: String(IN_ALL.long), description,
    });
    const res = await fetch(fed('requests.json'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const [receipt, ...rest] = JSON.parse(text) as Receipt[];
    expect(rest).toEqual([]);
    expect(receipt?.token).toBeTruthy();
    return receipt!.token!;
  };
  /** What tokens/{token} says now. */
  const tokenAnswer = async (token: string): Promise<Receipt> => (await getJson<Receipt[]>(fed(`tokens/${token}.json`)))[0]!;
  /** The upstream's requests whose description starts with `prefix`: description → ids. */
  const filed = (u: Upstream, prefix: string): Promise<Map<string, string[]>> =>
    withStore(u.prepared.url, async (store) => {
      const byDescription = new Map<string, string[]>();
      const all = await store.listRequests({ jurisdiction_id: u.prepared.plan.jurisdiction.id, limit: 100_000, offset: 0 });
      for (const r of all) {
        if (!r.description?.startsWith(prefix)) continue;
        byDescription.set(r.description, [...(byDescription.get(r.description) ?? []), r.id]);
      }
      return byDescription;
    });
  /** Starts the upstream again on the port it had. */
  const restart = async (u: Upstream): Promise<void> => {
    u.server = await serve(u.prepared.url, [...SERVE, '--port', new URL(u.server.origin).port]);
  };

  beforeAll(async () => {
    const prepared = await Promise.all(UPSTREAMS.map(prepareUpstream));
    upstreams = await Promise.all(prepared.map(async (p) => ({ prepared: p, server: await serve(p.url, SERVE) })));
    routerDb = await prepareRouter(dialect, upstreams.map((u) => ({ prepared: u.prepared, origin: u.server.origin })));
    router = await serve(routerDb.url, ROUTER_SERVE, ROUTER_ENV);
  }, 60_000);
  afterAll(async () => {
    await killAll(running());
    await routerDb?.cleanup();
    for (const u of upstreams) await u.prepared.cleanup();
  });

  it('lists the services of all three at a point in the overlap, each namespaced and marked with its owner', async () => {
    const list = await getJson<OfferedService[]>(fed(`services.json?${at}`));
    const owned = list.map((s) => [s.service_code, s.endpoint, s.tier]);
    expect(owned.sort()).toEqual([
      ['lincoln-water:LEAK', 'lincoln-water', 'utility'], ['lincoln-water:OTHER', 'lincoln-water', 'utility'],
      ['sangamon:CULVERT', 'sangamon', 'county'], ['sangamon:OTHER', 'sangamon', 'county'],
      ['springfield:OTHER', 'springfield', 'city'], ['springfield:POTHOLE', 'springfield', 'city'],
    ]);
    expect(list.find((s) => s.service_code === 'lincoln-water:LEAK')).toMatchObject({ type: 'batch', endpoint_name: 'Lincoln Water' });
  });

  it('files each POST at the upstream that owns the service, with the key that upstream gave the router', async () => {
    const run = `owner-${dialect}`;
    const tokens = new Map<string, string>();
    for (const u of upstreams) tokens.set(u.prepared.plan.slug, await post(u.prepared.plan.slug, `${run} ${u.prepared.plan.slug}`));
    for (const u of upstreams) {
      const { slug, jurisdiction, service } = u.prepared.plan;
      const answer = await vi.waitFor(async () => {
        const a = await tokenAnswer(tokens.get(slug)!);
        expect(a.service_request_id).toBeTruthy();
        return a;
      }, { timeout: 20_000, interval: 100 });
      const mine = await filed(u, run);
      expect([...mine]).toEqual([[`${run} ${slug}`, [expect.any(String)]]]);
      expect(answer.service_request_id).toBe(`${slug}:${mine.get(`${run} ${slug}`)![0]}`);
      // The upstream's own API says so too, and counts the request against the router's key.
      const [own] = await getJson<PublicRequest[]>(`${u.server.origin}/open311/v2/requests/${mine.get(`${run} ${slug}`)![0]}.json`);
      expect(own).toMatchObject({ service_code: service.code, description: `${run} ${slug}` });
      const posters = await withStore(u.prepared.url, (store) => store.postersOf(jurisdiction.id, service.code, 0));
      expect(posters).toEqual([{ api_key_id: u.prepared.routerKeyId, requests: 1 }]);
    }
  });

  it('merges a search over the three newest first, and names a stopped upstream as missing', async () => {
    const whole = await fetch(fed(`requests.json?${at}`));
    expect(whole.headers.get(MISSING_ENDPOINTS_HEADER)).toBeNull();
    const merged = (await whole.json()) as PublicRequest[];
    expect(new Set(merged.map((r) => r.service_request_id!.split(':')[0]))).toEqual(new Set(['springfield', 'sangamon', 'lincoln-water']));
    const times = merged.map((r) => Date.parse(r.requested_datetime!));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const water = upstream('lincoln-water');
    await water.server.stop();
    try {
      const partial = await fetch(fed(`requests.json?${at}&extensions=true`));
      expect(partial.status).toBe(200);
      expect(parseMissingEndpoints(partial.headers.get(MISSING_ENDPOINTS_HEADER))).toEqual(['lincoln-water']);
      const body = (await partial.json()) as { service_requests: PublicRequest[]; missing_endpoints: { slug: string }[] };
      expect(body.missing_endpoints.map((m) => m.slug)).toEqual(['lincoln-water']);
      expect(body.service_requests).toEqual(merged.filter((r) => !r.service_request_id!.startsWith('lincoln-water:')));
    } finally {
      await restart(water);
    }
  });

  it(`delivers every one of ${POSTS} routed POSTs exactly once though an upstream is killed midway and restarted`, async () => {
    const run = `load-${dialect}-${Date.now().toString(36)}`;
    const victim = upstream('springfield');
    const work = Array.from({ length: POSTS }, (_, n) => ({ slug: UPSTREAMS[n % UPSTREAMS.length]!.slug, description: `${run}-${n}` }));
    const accepted = new Map<string, { slug: string; token: string }>();
    let outage: Promise<void> | undefined;
    await concurrently(work, CONNECTIONS, async ({ slug, description }) => {
      accepted.set(description, { slug, token: await post(slug, description) });
      if (outage === undefined && accepted.size >= POSTS * 0.35) {
        outage = (async () => {
          victim.server.child.kill('SIGKILL');
          expect(await victim.server.exited).toBe('SIGKILL');
          await new Promise((resolve) => setTimeout(resolve, 1500));
          await restart(victim);
        })();
      }
    });
    await outage;
    expect(accepted.size).toBe(POSTS);

    await withStore(routerDb.url, async (store) => {
      await vi.waitFor(async () => expect(await store.federation.count({ states: ['queued'] })).toBe(0), { timeout: 60_000, interval: 250 });
      expect(await store.federation.count({ states: ['failed', 'dead'] })).toBe(0);
      // The outage was felt: some deliveries to the victim needed more than one try.
      const tried = await store.federation.list({ endpoint_slug: 'springfield', limit: POSTS, offset: 0 });
      expect(tried.some((r) => r.attempts > 1)).toBe(true);
    });

    const ids = new Map<string, string>(); // description -> slug:id per tokens/{token}
    await concurrently([...accepted], CONNECTIONS, async ([description, { token }]) => {
      const answer = await tokenAnswer(token);
      expect(answer.service_request_id, description).toBeTruthy();
      ids.set(description, answer.service_request_id!);
    });
    for (const u of upstreams) {
      const slug = u.prepared.plan.slug;
      const stored = await filed(u, `${run}-`);
      const expected = [...accepted].filter(([, a]) => a.slug === slug).map(([d]) => d);
      const lost = expected.filter((d) => !stored.has(d));
      const duplicated = [...stored].filter(([, list]) => list.length > 1).map(([d]) => d);
      const stray = [...stored.keys()].filter((d) => accepted.get(d)?.slug !== slug);
      const wrongId = expected.filter((d) => ids.get(d) !== `${slug}:${stored.get(d)?.[0]}`);
      expect({ slug, lost, duplicated, stray, wrongId }).toEqual({ slug, lost: [], duplicated: [], stray: [], wrongId: [] });
      expect(stored.size).toBe(expected.length);
    }
  }, 90_000);

  it('passes o311 validate at a location in the overlap', async () => {
    const validate = await runCli(['validate', `${router.origin}/federated/open311/discovery.json`, '--location', `${IN_ALL.lat},${IN_ALL.long}`, '--allow-private']);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
  }, 60_000);
});
