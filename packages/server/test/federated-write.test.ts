/**
 * The federated endpoint's write side (issue 11): POST with the router's own
 * key, stored first and answered with a token; a `router.deliver` job takes
 * it to the upstream with that upstream's key (sealed at rest). Two real o311
 * servers are the upstreams, each behind a relay that can play dead or lose
 * an answer: `city` read with the o311 profile (Idempotency-Key, account_id)
 * and `county` read as a plain GeoReport v2 endpoint in XML (marker search);
 * the router's own jurisdiction is a third, local, endpoint. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeReceipts } from '@o311/georeport';
import { CredentialBox, markerOf } from '@o311/router';
import type { FederatedRequest, NewEndpoint } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { startJobQueue, sweepDeliveries, type JobQueue } from '../src/index.js';
import { JURISDICTION, REPORTER, startServer, type Server } from './support/fixture.js';
import { expectJsonError, expectXmlError, form, json, postForm, postMultipart, type Answer } from './support/http.js';
import { staffCall } from './support/staff.js';
import { startSwitchboard, type Switchboard } from './support/switchboard.js';

const SECRET = 'router secret for the federated tests';
const DELIVER = 'router.deliver';

interface Receipt {
  service_request_id?: string | null;
  token?: string | null;
}

/** A receipt as the codec writes it (service_notice and account_id always named, never filled here). */
const receipt = (r: Receipt): Receipt => ({ ...r, service_notice: null, account_id: null } as Receipt);

const endpoint = (slug: string, over: Partial<NewEndpoint>): NewEndpoint => ({
  slug, name: slug, tier: 'city', country: 'US', base_url: null, discovery_url: null, jurisdiction_id: JURISDICTION.id, local: false,
  formats: ['json', 'xml'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null,
  quirks: null, notes: '', ...over,
});

/** An upstream o311 server behind a relay, with the key it gave the router. */
interface Upstream {
  server: Server;
  relay: Switchboard;
  routerKeyId: string;
  routerKey: string;
}

async function startUpstream(dialect: (typeof dialects)[number]): Promise<Upstream> {
  const server = await startServer(dialect);
  const { key, secret } = await server.store.createApiKey({ name: 'o311 router', rate_limit_per_minute: 0, trusted: false });
  return { server, relay: await startSwitchboard(server.url), routerKeyId: key.id, routerKey: secret };
}

describe.each(dialects)('federated POST and delivery (%s)', (dialect) => {
  let router: Server;
  let jobs: JobQueue;
  let queueDb: FreshDatabase;
  let city: Upstream;
  let county: Upstream;
  /** The staff API of the router, as its global admin. */
  const admin = <T>(method: string, path: string, body?: unknown) => staffCall<T>(router.url, method, `/registry/endpoints/${path}`, router.staff.admin, body);

  const post = (fields: Record<string, string | string[]>, format = 'json'): Promise<Answer> =>
    postForm(`${router.url}/federated/open311/v2/requests.${format}`, form({ api_key: router.keys.plain, ...fields }));
  const token = async (t: string, format = 'json'): Promise<Answer> => {
    const res = await fetch(`${router.url}/federated/open311/v2/tokens/${t}.${format}`);
    return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, body: await res.text() };
  };
  const accepted = async (fields: Record<string, string | string[]>): Promise<FederatedRequest> => {
    const a = await post(fields);
    expect(a.status, a.body).toBe(200);
    const [receipt, ...rest] = json<Receipt[]>(a);
    expect(rest).toEqual([]);
    expect(receipt?.service_request_id ?? null).toBeNull();
    const stored = await router.store.federation.getByToken(receipt!.token!);
    expect(stored).toBeDefined();
    return stored!;
  };
  const settled = (id: string, state: FederatedRequest['state'] | 'attempted') =>
    vi.waitFor(async () => {
      const r = await router.store.federation.get(id);
      if (state === 'attempted') expect(r?.last_error ?? null).not.toBeNull();
      else expect(r?.state).toBe(state);
      return r!;
    }, { timeout: 30_000, interval: 50 });
  /** Runs the request's waiting delivery job now, instead of after its back-off. */
  const retryNow = async (id: string): Promise<void> => {
    const waiting = await vi.waitFor(async () => {
      const found = (await jobs.list({ name: DELIVER, states: ['retry'], limit: 100 })).find((j) => (j.data as { federatedId: string }).federatedId === id);
      expect(found).toBeDefined();
      return found!;
    }, { timeout: 30_000, interval: 50 });
    expect(await jobs.retry(waiting.id)).toBe(true);
  };
  /** The upstream's requests whose description starts with `description`. */
  const upstreamRequests = async (s: Server, description: string): Promise<{ id: string; account: string | null }[]> =>
    (await s.store.listRequests({ jurisdiction_id: JURISDICTION.id, limit: 1000, offset: 0 }))
      .filter((r) => r.description?.startsWith(description))
      .map((r) => ({ id: r.id, account: r.reporter.account_id }));
  /** Every request of the service at the upstream was posted with the key it gave the router. */
  const postedWithRouterKey = async (u: Upstream, serviceCode: string): Promise<void> => {
    const posters = await u.server.store.postersOf(JURISDICTION.id, serviceCode, 0);
    expect(posters.map((p) => p.api_key_id)).toEqual([u.routerKeyId]);
  };

  beforeAll(async () => {
    [city, county] = await Promise.all([startUpstream(dialect), startUpstream(dialect)]);
    queueDb = await freshUrl(dialect);
    jobs = await startJobQueue(queueDb.url);
    router = await startServer(dialect, { options: { jobs, discovery: { allowPrivate: true }, routerSecret: SECRET } });
    await router.store.saveEndpoint(endpoint('city', { base_url: `${city.relay.url}/open311/v2/`, quirks: 'o311' }));
    await router.store.saveEndpoint(endpoint('county', { tier: 'county', base_url: `${county.relay.url}/open311/v2/`, formats: ['xml'] }));
    await router.store.saveEndpoint(endpoint('keyless', { base_url: `${city.relay.url}/open311/v2/`, quirks: 'o311' }));
    await router.store.saveEndpoint(endpoint('home', { local: true }));
    await router.store.saveEndpoint(endpoint('old-town', { base_url: `${city.relay.url}/open311/v2/`, status: 'retired' }));
    expect((await admin('PUT', 'city/upstream-key', { api_key: city.routerKey })).status).toBe(204);
    expect((await admin('PUT', 'county/upstream-key', { api_key: county.routerKey })).status).toBe(204);
  });
  afterAll(async () => {
    await router?.close();
    await jobs?.stop({ graceMs: 0 });
    await queueDb?.cleanup();
    for (const u of [city, county]) {
      await u?.relay.close();
      await u?.server.close();
    }
  });

  it('keeps upstream keys sealed: the store holds no key in clear, and admins only learn whether one is set', async () => {
    const sealed = await router.store.federation.credential('city');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(city.routerKey);
    expect(new CredentialBox(SECRET).open('city', sealed!)).toBe(city.routerKey);
    expect(await admin('GET', 'city/upstream-key')).toMatchObject({ status: 200, body: { can_store: true, set: true } });
    expect(await admin('GET', 'keyless/upstream-key')).toMatchObject({ status: 200, body: { can_store: true, set: false } });
    expect((await admin('PUT', 'keyless/upstream-key', { api_key: 'a\nb' })).status).toBe(400);
    expect((await admin('PUT', 'keyless/upstream-key', {})).status).toBe(400);
    expect((await admin('PUT', 'nope/upstream-key', { api_key: 'k' })).status).toBe(404);
    expect((await admin('DELETE', 'keyless/upstream-key')).status).toBe(404);
    const agent = await staffCall(router.url, 'PUT', '/registry/endpoints/keyless/upstream-key', router.staff.agent, { api_key: 'k' });
    expect(agent.status).toBe(403);
    expect(await router.store.federation.credential('keyless')).toBeUndefined();
    const audit = JSON.stringify(await router.store.listAudit({ limit: 100 }));
    expect(audit).toContain('registry.endpoint.upstream-key.set');
    expect(audit).not.toContain(city.routerKey);
  });

  it('answers at once with a token, delivers with the upstream’s own key, and the token resolves to slug:id (o311 upstream)', async () => {
    const r = await accepted({
      service_code: 'city:pothole', lat: '41.88', long: '-87.63', 'attribute[SIZE]': 'large', description: 'Routed pothole one', ...REPORTER,
    });
    expect(r).toMatchObject({ endpoint_slug: 'city', service_code: 'pothole', account_id: REPORTER.account_id, contact: { email: REPORTER.email } });
    const done = await settled(r.id, 'delivered');
    const upstream = await upstreamRequests(city.server, 'Routed pothole one');
    expect(upstream).toEqual([{ id: done.upstream_id, account: REPORTER.account_id }]);
    await postedWithRouterKey(city, 'pothole');
    // o311 dedupes by key: the description goes as written, with the request's id as the Idempotency-Key.
    expect((await city.server.store.getRequest(JURISDICTION.id, done.upstream_id!))?.description).toBe('Routed pothole one');
    expect(city.relay.idempotencyKeys.at(-1)).toBe(`"${r.id}"`);
    const answer = await token(r.token);
    expect(answer.status, answer.body).toBe(200);
    expect(json<Receipt[]>(answer)).toEqual([receipt({ service_request_id: `city:${done.upstream_id}`, token: r.token })]);
    const xml = await token(r.token, 'xml');
    expect(decodeReceipts(xml.body, 'xml')).toEqual([receipt({ service_request_id: `city:${done.upstream_id}`, token: r.token })]);
    for (const a of [answer, xml]) for (const pii of Object.values(REPORTER)) expect(a.body).not.toContain(pii);
    // The POST answers in XML too, with the token alone.
    const inXml = await post({ service_code: 'city:trash.bulk', address_string: '9 Elm St', description: 'Routed in XML' }, 'xml');
    expect(inXml.status, inXml.body).toBe(200);
    const [xmlReceipt] = decodeReceipts(inXml.body, 'xml');
    expect(xmlReceipt?.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(xmlReceipt?.service_request_id ?? null).toBeNull();
  });

  it('delivers to a plain XML upstream with a marker and without account_id; a batch token is polled until it resolves', async () => {
    const r = await accepted({ service_code: 'county:graffiti', address_string: '1 Main St', description: 'Routed graffiti', ...REPORTER });
    const done = await settled(r.id, 'delivered');
    expect(done.upstream_token).not.toBeNull();
    const [upstream] = await upstreamRequests(county.server, 'Routed graffiti');
    expect(upstream).toEqual({ id: done.upstream_id, account: null });
    await postedWithRouterKey(county, 'graffiti');
    expect((await county.server.store.getRequest(JURISDICTION.id, upstream!.id))?.description).toBe(`Routed graffiti\n\n${markerOf(r.id)}`);
    expect(county.relay.idempotencyKeys.at(-1)).toBe('');
    expect(json<Receipt[]>(await token(r.token))).toEqual([receipt({ service_request_id: `county:${done.upstream_id}`, token: r.token })]);
  });

  it('delivers to a local endpoint in process, under the key the client posted with', async () => {
    const r = await accepted({ service_code: 'home:pothole', lat: '41.88', long: '-87.63', 'attribute[SIZE]': 'small', description: 'Routed home', ...REPORTER });
    const done = await settled(r.id, 'delivered');
    const local = await router.store.getRequest(JURISDICTION.id, done.upstream_id!);
    expect(local).toMatchObject({ description: 'Routed home', service_code: 'pothole', reporter: { account_id: REPORTER.account_id } });
    const posters = await router.store.postersOf(JURISDICTION.id, 'pothole', 0);
    expect(posters.map((p) => p.api_key_id)).toEqual([(await router.store.findApiKey(router.keys.plain))!.id]);
    expect(json<Receipt[]>(await token(r.token))).toEqual([receipt({ service_request_id: `home:${done.upstream_id}`, token: r.token })]);
  });

  it('keeps an upstream 4xx: state failed, the token answers its description, and it is not tried again until an admin retries', async () => {
    const r = await accepted({ service_code: 'keyless:trash.bulk', address_string: '2 Elm St', description: 'Routed without a key' });
    const failed = await settled(r.id, 'failed');
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/api_key is required/);
    const [error] = expectJsonError(await token(r.token), 422);
    expect(error?.description).toMatch(/^The endpoint 'keyless' refused this request: .*api_key is required/);
    expect(expectXmlError(await token(r.token, 'xml'), 422)[0]).toMatch(/^The endpoint &apos;keyless&apos; refused this request: .*api_key is required/);
    const job = (await jobs.list({ name: DELIVER, limit: 200 })).find((j) => (j.data as { federatedId: string }).federatedId === r.id);
    expect(job?.state).toBe('completed');
    expect((await router.store.federation.get(r.id))?.attempts).toBe(1);
    // The admin sets the key and retries: delivered.
    const failedList = await admin<{ total: number; items: { id: string; state: string; last_error: string }[] }>('GET', 'keyless/deliveries?state=failed');
    expect(failedList.body).toMatchObject({ total: 1, items: [{ id: r.id, state: 'failed', last_error: expect.stringMatching(/api_key is required/) }] });
    expect((await admin('PUT', 'keyless/upstream-key', { api_key: city.routerKey })).status).toBe(204);
    expect((await admin('POST', `city/deliveries/${r.id}/retry`)).status).toBe(404);
    expect((await admin('POST', `keyless/deliveries/${r.id}/retry`)).status).toBe(204);
    const done = await settled(r.id, 'delivered');
    expect((await admin('POST', `keyless/deliveries/${r.id}/retry`)).status).toBe(409);
    const all = await admin<{ total: number; items: unknown[] }>('GET', 'keyless/deliveries');
    expect(all.body).toMatchObject({ total: 1, items: [{ id: r.id, state: 'delivered', attempts: 1, service_request_id: `keyless:${done.upstream_id}` }] });
    expect(JSON.stringify(all.body)).not.toContain('@');
  });

  it('retries an upstream that is down, answering the token alone meanwhile, then delivers once', async () => {
    county.relay.mode = 'down';
    const r = await accepted({ service_code: 'county:trash.bulk', address_string: '3 Oak St', description: 'Routed while down' });
    const waiting = await settled(r.id, 'attempted');
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, last_error: expect.stringMatching(/^network/) });
    expect(json<Receipt[]>(await token(r.token))).toEqual([receipt({ token: r.token })]);
    county.relay.mode = 'pass';
    await retryNow(r.id);
    const done = await settled(r.id, 'delivered');
    expect(done.attempts).toBe(2);
    expect(await upstreamRequests(county.server, 'Routed while down')).toHaveLength(1);
  });

  it('files exactly one request at an o311 upstream whose answer was lost (Idempotency-Key)', async () => {
    city.relay.mode = 'lose-next-post-answer';
    const posts = city.relay.posts;
    const r = await accepted({ service_code: 'city:trash.bulk', address_string: '4 Pine St', description: 'Routed, answer lost' });
    await settled(r.id, 'attempted');
    expect(await upstreamRequests(city.server, 'Routed, answer lost')).toHaveLength(1);
    await retryNow(r.id);
    const done = await settled(r.id, 'delivered');
    expect(city.relay.posts - posts).toBe(2);
    expect(city.relay.idempotencyKeys.slice(-2)).toEqual([`"${r.id}"`, `"${r.id}"`]);
    const upstream = await upstreamRequests(city.server, 'Routed, answer lost');
    expect(upstream.map((u) => u.id)).toEqual([done.upstream_id]);
  });

  it('finds its marker at a plain upstream whose answer was lost, instead of sending again', async () => {
    county.relay.mode = 'lose-next-post-answer';
    const posts = county.relay.posts;
    const r = await accepted({ service_code: 'county:trash.bulk', address_string: '5 Birch St', description: 'Routed to county, answer lost' });
    await settled(r.id, 'attempted');
    await retryNow(r.id);
    const done = await settled(r.id, 'delivered');
    expect(county.relay.posts - posts).toBe(1);
    const upstream = await upstreamRequests(county.server, 'Routed to county, answer lost');
    expect(upstream.map((u) => u.id)).toEqual([done.upstream_id]);
  });

  it('queues again a request stored without a delivery job (a crash between the insert and the enqueue)', async () => {
    const unsent = (description: string) => ({
      endpoint_slug: 'city', service_code: 'trash.bulk',
      fields: { lat: null, long: null, address_string: '7 Elm St', address_id: null, zipcode: null, description, media_url: null, attributes: {} },
      contact: { email: null, first_name: null, last_name: null, phone: null, device_id: null }, account_id: null, api_key_id: null,
    });
    const orphan = await router.store.federation.create(unsent('Swept after a crash'), Date.now() - 120_000);
    const young = await router.store.federation.create(unsent('Stored a moment ago'), Date.now());
    expect(await sweepDeliveries({ jobs, store: router.store, now: Date.now })).toBeGreaterThanOrEqual(1);
    const done = await settled(orphan.id, 'delivered');
    expect(await upstreamRequests(city.server, 'Swept after a crash')).toEqual([{ id: done.upstream_id, account: null }]);
    // Still within the minute its own enqueue has: left alone.
    expect(await router.store.federation.get(young.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await upstreamRequests(city.server, 'Stored a moment ago')).toEqual([]);
  });

  it('checks what it can before storing: the key, the namespaced code, the location, the upstream’s required attributes', async () => {
    const count = () => router.store.federation.count({});
    const before = await count();
    expectJsonError(await postForm(`${router.url}/federated/open311/v2/requests.json`, form({ service_code: 'city:pothole', lat: '1', long: '1' })), 403);
    expectJsonError(await post({ api_key: 'o311k_nope', service_code: 'city:pothole', lat: '1', long: '1' }), 403);
    expectJsonError(await post({ lat: '1', long: '1' }), 400);
    for (const code of ['pothole', 'nowhere:pothole', 'city:no-such-service', 'old-town:pothole']) {
      expectJsonError(await post({ service_code: code, lat: '1', long: '1' }), 404);
    }
    const problems = expectJsonError(await post({ service_code: 'city:pothole', lat: '91', long: '1', description: 'x'.repeat(4001) }), 400);
    expect(problems.map((p) => p.description)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^lat must be/), expect.stringMatching(/^description must be at most/), expect.stringMatching(/^SIZE required/),
    ]));
    expectJsonError(await post({ service_code: 'county:pothole', address_string: 'x', 'attribute[SIZE]': 'huge' }), 400);
    const upload = new FormData();
    upload.set('api_key', router.keys.plain);
    upload.set('service_code', 'city:trash.bulk');
    upload.set('address_string', '6 Ash St');
    upload.set('media', new Blob([Buffer.from('GIF89a')], { type: 'image/gif' }), 'a.gif');
    const refused = await postMultipart(`${router.url}/federated/open311/v2/requests.json`, upload);
    expect(expectJsonError(refused, 415)[0]?.description).toMatch(/media_url/);
    expect(await count()).toBe(before);
    expectJsonError(await token('no-such-token'), 404);
  });
});

