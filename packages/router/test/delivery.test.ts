/**
 * One delivery attempt and how its outcome is recorded (delivery.ts), on a
 * real store and real HTTP answers from 127.0.0.1: a 4xx fails the request,
 * a 5xx or a dead port keeps it queued (dead on the last attempt), an
 * endpoint gone from the registry kills it, keys that do not open are kept
 * as a credentials error. The full path with o311 upstreams is in
 * packages/server/test/federated-write.test.ts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FederatedRequest, NewEndpoint, NewFederatedRequest, Store } from '@o311/store';
import { withFreshStore } from '../../../test-support/fresh-store.js';
import { CredentialBox } from '../src/credentials.js';
import { Deliverer } from '../src/delivery.js';

const SECRET = 'delivery unit test secret 0123';

const endpoint = (slug: string, over: Partial<NewEndpoint> = {}): NewEndpoint => ({
  slug, name: slug, tier: 'county', country: 'US', base_url: null, discovery_url: null, jurisdiction_id: null, local: false,
  formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null, quirks: null,
  notes: '', ...over,
});

const routed = (slug: string): NewFederatedRequest => ({
  endpoint_slug: slug, service_code: 'ROADKILL',
  fields: { lat: 41.6, long: -93.6, address_string: null, address_id: null, zipcode: null, description: 'A deer', media_url: null, attributes: {} },
  contact: { email: null, first_name: null, last_name: null, phone: null, device_id: null },
  account_id: null, api_key_id: null,
});

type Reply = [status: number, body: unknown];
const errorList = (status: number, description: string): Reply => [status, [{ code: status, description }]];

/** An endpoint on 127.0.0.1 that answers every POST and every GET the same way, and counts the POSTs. */
async function answering(post: Reply, get: Reply = [200, []]): Promise<{ base: string; server: Server; posts: () => number }> {
  let posts = 0;
  const server = createServer((request, response) => {
    request.resume();
    if (request.method === 'POST') posts += 1;
    const [status, body] = request.method === 'POST' ? post : get;
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2/`, server, posts: () => posts };
}

describe('Deliverer', () => {
  let store: Store;
  withFreshStore('sqlite', (opened) => ({ store } = opened));
  const servers: Server[] = [];
  let unsearchable: Awaited<ReturnType<typeof answering>>;
  let clock = Date.parse('2026-06-15T12:00:00Z');
  const deliverer = (credentials: CredentialBox | undefined = new CredentialBox(SECRET)) =>
    new Deliverer({ store, credentials, allowPrivate: true, timeoutMs: 5000, now: () => clock++ });
  const stored = async (slug: string): Promise<FederatedRequest> => store.federation.create(routed(slug), clock);

  beforeAll(async () => {
    const strict = await answering(errorList(400, 'SIZE required: How big is it?'));
    const busy = await answering(errorList(503, 'down for maintenance'));
    unsearchable = await answering([200, [{ service_request_id: '77' }]], errorList(400, 'start_date is not supported'));
    const searchDown = await answering([200, [{ service_request_id: '78' }]], errorList(503, 'search is down'));
    servers.push(strict.server, busy.server, unsearchable.server, searchDown.server);
    await store.saveEndpoint(endpoint('unsearchable', { base_url: unsearchable.base }));
    await store.saveEndpoint(endpoint('search-down', { base_url: searchDown.base }));
    await store.saveEndpoint(endpoint('strict', { base_url: strict.base }));
    await store.saveEndpoint(endpoint('busy', { base_url: busy.base }));
    await store.saveEndpoint(endpoint('dead-port', { base_url: 'http://127.0.0.1:1/open311/v2/' }));
    await store.saveEndpoint(endpoint('home', { local: true, jurisdiction_id: 'home.example' }));
  });
  afterAll(async () => {
    for (const s of servers) await new Promise((resolve) => s.close(resolve));
  });

  it('fails a request the upstream refuses with a 4xx, keeping its description, and skips it afterwards', async () => {
    const r = await stored('strict');
    expect(await deliverer().attempt(r.id, { lastAttempt: false })).toEqual({ kind: 'refused', error: 'SIZE required: How big is it?' });
    expect(await store.federation.get(r.id)).toMatchObject({ state: 'failed', attempts: 1, last_error: 'SIZE required: How big is it?' });
    expect(await deliverer().attempt(r.id, { lastAttempt: false })).toEqual({ kind: 'skipped' });
    expect((await store.federation.get(r.id))?.attempts).toBe(1);
  });

  it('keeps a 5xx or an unreachable upstream queued with the error, and makes it dead on the last attempt', async () => {
    const busy = await stored('busy');
    expect(await deliverer().attempt(busy.id, { lastAttempt: false })).toMatchObject({ kind: 'retry', error: expect.stringMatching(/^upstream HTTP 503: .*down for maintenance/) });
    expect(await store.federation.get(busy.id)).toMatchObject({ state: 'queued', attempts: 1 });
    const down = await stored('dead-port');
    expect(await deliverer().attempt(down.id, { lastAttempt: false })).toMatchObject({ kind: 'retry', error: expect.stringMatching(/^network \(connection\)/) });
    const last = await deliverer().attempt(down.id, { lastAttempt: true });
    expect(last).toMatchObject({ kind: 'dead', error: expect.stringMatching(/^retries exhausted; last: searching for an earlier attempt: network/) });
    expect(await store.federation.get(down.id)).toMatchObject({ state: 'dead', attempts: 2 });
  });

  it('after an attempt whose answer was lost, sends again where the upstream cannot be searched, and waits where the search fails now', async () => {
    const lostAt = async (slug: string) => {
      const r = await stored(slug);
      await store.federation.markAttempt(r.id, clock++);
      await store.federation.recordError(r.id, 'network (connection): socket hang up', clock++);
      return r;
    };
    const r = await lostAt('unsearchable');
    expect(await deliverer().attempt(r.id, { lastAttempt: false })).toEqual({ kind: 'delivered', upstreamId: '77' });
    expect(unsearchable.posts()).toBe(1);
    const waiting = await lostAt('search-down');
    expect(await deliverer().attempt(waiting.id, { lastAttempt: false })).toMatchObject({
      kind: 'retry', error: expect.stringMatching(/^searching for an earlier attempt: upstream HTTP 503/),
    });
    expect(await store.federation.get(waiting.id)).toMatchObject({ state: 'queued', attempts: 2 });
  });

  it('kills a request whose endpoint left the registry', async () => {
    await store.saveEndpoint(endpoint('leaving', { base_url: 'http://127.0.0.1:1/open311/v2/' }));
    const r = await stored('leaving');
    await store.deleteEndpoint('leaving');
    expect(await deliverer().attempt(r.id, { lastAttempt: false })).toEqual({ kind: 'dead', error: "The endpoint 'leaving' is no longer in the registry." });
    expect((await store.federation.get(r.id))?.state).toBe('dead');
  });

  it('keeps a key that does not open, or no secret to open it, as a credentials error to retry', async () => {
    await store.federation.setCredential('busy', new CredentialBox(`${SECRET}-old`).seal('busy', 'k'));
    const r = await stored('busy');
    expect(await deliverer().attempt(r.id, { lastAttempt: false })).toMatchObject({ kind: 'retry', error: expect.stringMatching(/^credentials: .*does not open/) });
    expect(await deliverer(undefined).attempt(r.id, { lastAttempt: false })).toMatchObject({ kind: 'retry', error: expect.stringMatching(/^credentials: .*O311_ROUTER_SECRET/) });
    expect(await store.federation.get(r.id)).toMatchObject({ state: 'queued', attempts: 2 });
    await store.federation.setCredential('busy', null);
  });

  it('waits for a local deliverer for local endpoints, and never touches unknown requests', async () => {
    const r = await stored('home');
    expect(await deliverer().attempt(r.id, { lastAttempt: false })).toMatchObject({ kind: 'retry', error: expect.stringContaining('own jurisdictions') });
    const local = new Deliverer({ store, credentials: undefined, allowPrivate: false, now: () => clock, local: async (_e, req) => `local-${req.service_code}` });
    expect(await local.attempt(r.id, { lastAttempt: false })).toEqual({ kind: 'delivered', upstreamId: 'local-ROADKILL' });
    expect(await store.federation.get(r.id)).toMatchObject({ state: 'delivered', upstream_id: 'local-ROADKILL' });
    expect(await deliverer().attempt('no-such-id', { lastAttempt: true })).toEqual({ kind: 'skipped' });
  });
});
