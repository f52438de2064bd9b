/**
 * Every accepted routed request reaches its upstream exactly once, through
 * an outage (issue 11's proof, scaled down to run in a test): 300 POSTs to
 * the router for two o311 upstreams, one read with the o311 profile
 * (Idempotency-Key) and one as a plain endpoint (marker search). Part-way
 * through, each upstream's relay plays dead, then loses the answer of every
 * POST it passes on (the upstream files the request, the router never hears
 * of it), then recovers. Waiting deliveries are run at once instead of after
 * their back-off. Then every request is delivered, each upstream holds each
 * of its requests once, and every token resolves to its own request.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NewEndpoint } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { startJobQueue, type JobQueue } from '../src/index.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { form, postForm } from './support/http.js';
import { staffCall } from './support/staff.js';
import { startSwitchboard, type SwitchMode, type Switchboard } from './support/switchboard.js';

const POSTS = 300;
const BATCH = 10;
const SECRET = 'router secret for the load test';

const endpoint = (slug: string, base_url: string, quirks: string | null): NewEndpoint => ({
  slug, name: slug, tier: 'county', country: 'US', base_url, discovery_url: null, jurisdiction_id: JURISDICTION.id, local: false,
  formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null, quirks, notes: '',
});

/** What the relays do while the requests from `from` on are posted and first tried. */
const PHASES: [from: number, mode: SwitchMode][] = [[0, 'pass'], [80, 'down'], [160, 'lose-post-answers'], [240, 'pass']];
/** Requests of each upstream whose first answer is lost (the `lose-post-answers` phase, split between two upstreams). */
const LOST_EACH = 40;

describe.each(dialects)('routed POSTs through an outage (%s)', (dialect) => {
  let router: Server;
  let jobs: JobQueue;
  let queueDb: FreshDatabase;
  const upstreams: { slug: string; server: Server; relay: Switchboard }[] = [];

  beforeAll(async () => {
    queueDb = await freshUrl(dialect);
    jobs = await startJobQueue(queueDb.url);
    router = await startServer(dialect, { options: { jobs, discovery: { allowPrivate: true }, routerSecret: SECRET } });
    for (const [slug, quirks] of [['exact', 'o311'], ['plain', null]] as const) {
      const server = await startServer(dialect);
      const relay = await startSwitchboard(server.url);
      const { secret } = await server.store.createApiKey({ name: 'router', rate_limit_per_minute: 0, trusted: false });
      await router.store.saveEndpoint(endpoint(slug, `${relay.url}/open311/v2/`, quirks));
      const put = await staffCall(router.url, 'PUT', `/registry/endpoints/${slug}/upstream-key`, router.staff.admin, { api_key: secret });
      expect(put.status).toBe(204);
      upstreams.push({ slug, server, relay });
    }
  });
  afterAll(async () => {
    await router?.close();
    await jobs?.stop({ graceMs: 0 });
    await queueDb?.cleanup();
    for (const u of upstreams) {
      await u.relay.close();
      await u.server.close();
    }
  });

  it('delivers every accepted request exactly once', { timeout: 240_000 }, async () => {
    const tokens = new Map<string, { slug: string; description: string }>();
    /** Every request posted so far has had its first attempt end (so the next phase does not change how it went). */
    const firstAttemptsEnded = () =>
      vi.waitFor(async () => {
        const queued = await router.store.federation.list({ states: ['queued'], limit: 1000, offset: 0 });
        expect(queued.filter((r) => r.last_error === null)).toEqual([]);
      }, { timeout: 60_000, interval: 100 });
    for (let i = 0; i < POSTS; i += BATCH) {
      const phase = PHASES.find(([from]) => from === i);
      if (phase) {
        await firstAttemptsEnded();
        for (const u of upstreams) u.relay.mode = phase[1];
      }
      await Promise.all(Array.from({ length: BATCH }, async (_, k) => {
        const n = i + k;
        const slug = upstreams[n % upstreams.length]!.slug;
        const description = `Load test report ${n}`;
        const a = await postForm(`${router.url}/federated/open311/v2/requests.json`, form({
          api_key: router.keys.plain, service_code: `${slug}:trash.bulk`, address_string: `${n} Main St`, description,
        }));
        expect(a.status, a.body).toBe(200);
        const [receipt] = JSON.parse(a.body) as { token: string }[];
        tokens.set(receipt!.token, { slug, description });
      }));
    }
    expect(tokens.size).toBe(POSTS);

    // Deliveries waiting for their back-off run now, until none is left queued.
    await vi.waitFor(async () => {
      for (const job of await jobs.list({ name: 'router.deliver', states: ['retry'], limit: 500 })) await jobs.retry(job.id);
      expect(await router.store.federation.count({ states: ['queued'] })).toBe(0);
    }, { timeout: 200_000, interval: 250 });
    expect(await router.store.federation.count({ states: ['failed', 'dead'] })).toBe(0);
    expect(await router.store.federation.count({ states: ['delivered'] })).toBe(POSTS);

    for (const u of upstreams) {
      const filed = (await u.server.store.listRequests({ jurisdiction_id: JURISDICTION.id, limit: 1000, offset: 0 }))
        .filter((r) => r.description?.startsWith('Load test report '));
      const mine = [...tokens.values()].filter((t) => t.slug === u.slug);
      // Exactly once: as many requests upstream as were routed there, no description twice.
      expect(filed).toHaveLength(mine.length);
      expect(new Set(filed.map((r) => r.description!.split('\n')[0])).size).toBe(mine.length);
      // The outage was real. The o311 upstream was sent each lost request again (the same Idempotency-Key filed
      // it once); the plain one was never sent a request twice: its marker was found instead.
      if (u.slug === 'exact') expect(u.relay.posts).toBeGreaterThanOrEqual(mine.length + LOST_EACH);
      else expect(u.relay.posts).toBe(mine.length);
    }

    for (const [token, { slug, description }] of tokens) {
      const r = await router.store.federation.getByToken(token);
      const upstream = upstreams.find((u) => u.slug === slug)!;
      const filed = await upstream.server.store.getRequest(JURISDICTION.id, r!.upstream_id!);
      expect(filed?.description?.split('\n')[0]).toBe(description);
    }
  });
});
