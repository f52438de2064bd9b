/**
 * Reporting to any endpoint from the citizen app (issue 11, part 2), over
 * HTTP on both dialects, with the demo region (Riverton, Tallgrass County,
 * State of Prairie, federal services: local endpoints of this server's
 * registry) plus a remote utility that cannot be reached: the place step and
 * the picker of every tier's services, another endpoint's form, its
 * submission through the router's accept path (stored, then delivered in
 * process by the job), the sent page, the tracker of federated ids and
 * tokens, and My reports with the live status.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CITY_HALL, DEMO_COUNTY, DEMO_JURISDICTION, seedDemoCity } from '@o311/demo';
import { buildApp } from '@o311/server';
import { openStore, type FederatedRequest, type Store } from '@o311/store';
import { webPlugin } from '@o311/web';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { ACCOUNT_COOKIE } from '../src/account/session-cookie.js';
import { TINY_JPEG, formBody, multipart } from './support/citizen-app.js';
import { seedDemoRegistry } from './support/demo-region.js';

const AT = `lat=${CITY_HALL.lat}&long=${CITY_HALL.long}`;
/** As it stands in an attribute. */
const AT_HREF = AT.replace('&', '&amp;');
const CULVERT = 'tallgrass-county:CULVERT';
const EMAIL = 'routed.reporter@example.org';

describe.each(dialects)('reporting to any endpoint (%s)', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  let app: FastifyInstance;
  let ipSeq = 0;
  const newIp = (): string => `10.9.0.${++ipSeq}`;

  const get = (url: string, cookie?: string): Promise<LightMyRequestResponse> => app.inject({ url, headers: cookie ? { cookie } : {} });
  const post = (url: string, fields: Record<string, string>, o: { cookie?: string; ip?: string } = {}): Promise<LightMyRequestResponse> =>
    app.inject({
      method: 'POST', url, remoteAddress: o.ip ?? newIp(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(o.cookie && { cookie: o.cookie }) },
      payload: formBody(fields),
    });
  /** The stored request of a sent page's token, once the job delivered it. */
  const delivered = (token: string): Promise<FederatedRequest> =>
    vi.waitFor(async () => {
      const r = await store.federation.getByToken(token);
      expect(r?.state).toBe('delivered');
      return r!;
    }, { timeout: 20_000, interval: 50 });
  const tokenOf = (res: LightMyRequestResponse): string => {
    expect(res.statusCode, res.body.slice(0, 800)).toBe(303);
    const location = res.headers.location ?? '';
    expect(location).toMatch(/^\/report\/to\/tallgrass-county%3ACULVERT\/sent\?token=/);
    return new URL(location, 'http://x').searchParams.get('token')!;
  };

  beforeAll(async () => {
    db = await freshUrl(dialect);
    store = await openStore(db.url);
    await store.migrate();
    await seedDemoCity(store, { requests: 5 });
    await seedDemoRegistry(store);
    // A utility covering Riverton whose services cannot be read (loopback is refused to remote endpoints).
    await store.saveEndpoint({
      slug: 'riverton-water', name: 'Riverton Water Works', tier: 'utility', country: 'US', base_url: 'http://127.0.0.1:1/open311/v2/',
      discovery_url: null, jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: null,
      status: 'production', boundary_id: 'demo-riverton', quirks: null, notes: '',
    });
    app = await buildApp({ store, plugins: [webPlugin({ secureCookies: false })], homePath: '/developers' });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await db?.cleanup();
  });

  it('places the point without JavaScript, then lists every tier’s services marked with who handles them', async () => {
    const home = await get('/');
    expect(home.body).toContain('href="/report/at"');
    const place = await get('/report/at');
    expect(place.statusCode).toBe(200);
    expect(place.body).toMatch(/<form action="\/report\/at" method="get"/);
    expect(place.body).toContain('name="lat"');
    expect(place.body).not.toContain('id="picker"');
    expect((await get('/report/at?lat=95&long=1')).statusCode).toBe(400);

    const picker = await get(`/report/at?${AT}`);
    expect(picker.statusCode).toBe(200);
    const headings = [...picker.body.matchAll(/<h3 id="handler-\d+-title">([^<]+) <span class="tier-badge">([^<]+)<\/span><\/h3>/g)].map((m) => [m[1], m[2]]);
    expect(headings).toEqual([
      ['City of Riverton', 'City'],
      ['Riverton Water Works', 'Utility'],
      ['Tallgrass County', 'County'],
      ['State of Prairie', 'State or province'],
      ['Federal services (demo)', 'Nation'],
    ]);
    // The city's own services keep their own form; the others go through the router, the point carried along.
    expect(picker.body).toContain(`href="/report/POTHOLE?${AT_HREF}"`);
    expect(picker.body).toContain(`href="/report/to/tallgrass-county%3ACOUNTY_ROAD?${AT_HREF}"`);
    expect(picker.body).toContain(`href="/report/to/prairie-state%3AHIGHWAY_SIGN?${AT_HREF}"`);
    expect(picker.body).toContain(`href="/report/to/federal-demo%3AMAIL_DELIVERY?${AT_HREF}"`);
    expect(picker.body).toContain('Riverton Water Works services are unavailable right now.');
    // Grouped by the services' own groups under each handler.
    const county = picker.body.slice(picker.body.indexOf('Tallgrass County <span'), picker.body.indexOf('State of Prairie <span'));
    expect([...county.matchAll(/<h4 id="[^"]+">([^<]+)<\/h4>/g)].map((m) => m[1])).toEqual(['Drainage', 'Roads']);

    const es = await app.inject({ url: `/report/at?${AT}`, headers: { 'accept-language': 'es' } });
    expect(es.body).toContain('Servicios en este lugar');
    expect(es.body).toContain('Condado');
  });

  it('builds another endpoint’s form from its definition, the point prefilled; its own city’s names lead to its own form', async () => {
    const form = await get(`/report/to/${encodeURIComponent(CULVERT)}?${AT}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<h1>Blocked or damaged culvert</h1>');
    expect(form.body).toContain('This report goes to Tallgrass County (County), sent on by this site.');
    expect(form.body).toContain('action="/report/to/tallgrass-county%3ACULVERT"');
    expect(form.body).toMatch(new RegExp(`name="lat"[^>]*value="${CITY_HALL.lat}"`));
    expect(form.body).not.toContain('name="media"');
    expect(form.body).toContain('"routed":true');
    expect(form.body).not.toContain((await store.listApiKeys()).map((k) => k.id).join('|') || 'no keys');

    expect((await get('/report/to/tallgrass-county%3ANOPE')).statusCode).toBe(404);
    expect((await get('/report/to/nowhere%3ACULVERT')).statusCode).toBe(404);
    expect((await get('/report/to/no-colon')).statusCode).toBe(404);
    const own = await get(`/report/to/riverton%3APOTHOLE?${AT}`);
    expect(own.statusCode).toBe(303);
    expect(own.headers.location).toBe(`/report/POTHOLE?${AT}`);
    const unreadable = await get('/report/to/riverton-water%3ALEAK');
    expect(unreadable.statusCode).toBe(502);
    expect(unreadable.body).toContain('Riverton Water Works does not answer right now.');
  });

  it('shows bad input on the form, as for the city’s own services', async () => {
    const res = await post(`/report/to/${encodeURIComponent(CULVERT)}`, { description: 'No place given' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Tell us where the problem is');
    expect(res.body).toContain('This report goes to Tallgrass County');
    const refused = await post(`/report/to/${encodeURIComponent(CULVERT)}`, { lat: '41.5868', long: '-93.625', description: 'x'.repeat(3990) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/description must be at most \d+ characters on the federated endpoint/);
    const photo = multipart([['lat', '41.5868'], ['long', '-93.625']], [{ field: 'media', filename: 'culvert.jpg', type: 'image/jpeg', bytes: TINY_JPEG }]);
    const withPhoto = await app.inject({
      method: 'POST', url: `/report/to/${encodeURIComponent(CULVERT)}`, remoteAddress: newIp(), headers: { 'content-type': photo.contentType }, payload: photo.payload,
    });
    expect(withPhoto.statusCode).toBe(400);
    expect(withPhoto.body).toContain('Photos cannot be sent to Tallgrass County from this site.');
    expect(await store.federation.list({ limit: 10, offset: 0 })).toEqual([]);
  });

  it('sends a county report through the router: stored, delivered in process, its federated id on the sent page and the tracker', async () => {
    const token = tokenOf(await post(`/report/to/${encodeURIComponent(CULVERT)}`, {
      lat: String(CITY_HALL.lat), long: String(CITY_HALL.long), description: 'Culvert under 1st Ave washed out', email: EMAIL, first_name: 'Robin',
    }));
    const stored = await delivered(token);
    expect(stored).toMatchObject({ endpoint_slug: 'tallgrass-county', service_code: 'CULVERT', account_id: null, contact: { email: EMAIL, first_name: 'Robin' } });
    const upstream = await store.getRequest(DEMO_COUNTY.id, stored.upstream_id!);
    expect(upstream).toMatchObject({ service_code: 'CULVERT', description: 'Culvert under 1st Ave washed out', reporter: { email: EMAIL } });
    const id = `tallgrass-county:${stored.upstream_id}`;

    const sent = await get(`/report/to/${encodeURIComponent(CULVERT)}/sent?token=${token}`);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain(`<strong id="request-number">${id}</strong>`);
    expect(sent.body).toContain(`href="/track/${encodeURIComponent(id)}"`);
    expect((await get(`/report/to/prairie-state%3AHIGHWAY_SIGN/sent?token=${token}`)).statusCode).toBe(404);

    const tracker = await get(`/track/${encodeURIComponent(id)}`);
    expect(tracker.statusCode).toBe(200);
    expect(tracker.body).toContain(`Request ${id}`);
    expect(tracker.body).toContain('This request is handled by Tallgrass County (County).');
    expect(tracker.body).toContain('<strong class="status-badge status-open" id="request-status">Open</strong>');
    expect(tracker.body).toContain('Culvert under 1st Ave washed out');
    for (const pii of [EMAIL, 'Robin']) expect(tracker.body).not.toContain(pii);

    // The look-up box, and the token's own page, lead there too.
    const lookup = await get(`/track?id=${encodeURIComponent(` ${id} `)}`);
    expect(lookup.statusCode).toBe(303);
    expect(lookup.headers.location).toBe(`/track/${encodeURIComponent(id)}`);
    const byToken = await get(`/track/token/${token}`);
    expect(byToken.statusCode).toBe(303);
    expect(byToken.headers.location).toBe(`/track/${encodeURIComponent(id)}`);
  });

  it('gives the form a one-time token: a double submit stores one report, filed once upstream as channel web (app from the installed app)', async () => {
    const form = await get(`/report/to/${encodeURIComponent(CULVERT)}?${AT}`);
    const formToken = /name="form_token" value="([\w-]+)"/.exec(form.body)?.[1];
    expect(formToken, 'the routed form carries a token').toBeDefined();
    const fields = { lat: String(CITY_HALL.lat), long: String(CITY_HALL.long), description: 'Routed double submit', form_token: formToken! };
    const url = `/report/to/${encodeURIComponent(CULVERT)}`;
    const [first, second] = await Promise.all([post(url, fields), post(url, fields)]);
    const token = tokenOf(first);
    expect(tokenOf(second), 'the second send lands on the first').toBe(token);
    expect(tokenOf(await post(url, fields)), 'and so does a later one').toBe(token);
    const stored = await delivered(token);
    expect(stored.channel).toBe('web');
    expect((await store.federation.list({ endpoint_slug: 'tallgrass-county', limit: 500, offset: 0 })).filter((r) => r.fields.description === 'Routed double submit')).toHaveLength(1);
    expect((await store.getRequest(DEMO_COUNTY.id, stored.upstream_id!))?.channel).toBe('web');

    const fromApp = tokenOf(await post(url, { ...fields, form_token: 'another-form-token-0001', description: 'Routed from the app', o311_channel: 'app' }));
    const appStored = await delivered(fromApp);
    expect(appStored.channel).toBe('app');
    expect((await store.getRequest(DEMO_COUNTY.id, appStored.upstream_id!))?.channel).toBe('app');
    // Only web and app come from the form: anything else is the web form's.
    const claimed = tokenOf(await post(url, { ...fields, form_token: 'another-form-token-0002', description: 'Routed, claiming phone', o311_channel: 'phone' }));
    expect((await delivered(claimed)).channel).toBe('web');
  });

  it('shows a pending token (polling the federated endpoint) before delivery; unknown ids 404, unreadable endpoints 502, its own city’s ids its own page', async () => {
    const queued = await store.federation.create({
      endpoint_slug: 'tallgrass-county', service_code: 'CULVERT', api_key_id: null, account_id: null,
      fields: { lat: 41.6, long: -93.6, address_string: null, address_id: null, zipcode: null, description: 'Queued', media_url: null, attributes: {} },
      contact: { email: null, first_name: null, last_name: null, phone: null, device_id: null },
    }, Date.now());
    const sent = await get(`/report/to/${encodeURIComponent(CULVERT)}/sent?token=${queued.token}`);
    expect(sent.body).toContain(`data-token="${queued.token}" data-poll="/federated/open311/v2/tokens/"`);
    expect(sent.body).toContain('/assets/js/token-poll.js');
    const pending = await get(`/track/token/${queued.token}`);
    expect(pending.statusCode).toBe(200);
    expect(pending.body).toContain('data-poll="/federated/open311/v2/tokens/"');

    // An upstream's refusal is kept and shown in its own words.
    await store.federation.markAttempt(queued.id, Date.now());
    await store.federation.markFailed(queued.id, 'HTTP 400: the culvert is on a state road', Date.now());
    const refused = await get(`/report/to/${encodeURIComponent(CULVERT)}/sent?token=${queued.token}`);
    expect(refused.body).toContain('Tallgrass County did not accept this report: HTTP 400: the culvert is on a state road');
    expect(refused.body).not.toContain('token-poll.js');
    expect((await get(`/track/token/${queued.token}`)).body).toContain('Tallgrass County did not accept this report');

    expect((await get('/track/tallgrass-county%3A999999')).statusCode).toBe(404);
    expect((await get('/track?id=nowhere%3A1')).statusCode).toBe(404);
    const dead = await get('/track/riverton-water%3A12');
    expect(dead.statusCode).toBe(502);
    expect(dead.body).toContain('Riverton Water Works does not answer right now.');
    const [local] = await store.listRequests({ jurisdiction_id: DEMO_JURISDICTION.id, limit: 1, offset: 0 });
    const own = await get(`/track/riverton%3A${local!.id}`);
    expect(own.statusCode).toBe(303);
    expect(own.headers.location).toBe(`/track/${local!.id}`);
  });

  it('links a signed-in citizen’s report to the account, with its e-mail, and shows its live status in My reports', async () => {
    const email = `casey.${dialect}@example.org`;
    const ip = newIp();
    expect((await post('/account/sign-in', { email }, { ip })).statusCode).toBe(200);
    const mail = (await store.listOutbox({ to: email, limit: 5 })).at(-1);
    const link = /\/account\/link\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    const signedIn = await post('/account/link', { token: link ?? '' }, { ip });
    const secret = signedIn.cookies.find((c) => c.name === ACCOUNT_COOKIE)?.value;
    expect(secret).toBeDefined();
    const cookie = `${ACCOUNT_COOKIE}=${secret}`;
    const account = (await store.citizens.findSession(secret!, Date.now()))!.account;

    const form = await get(`/report/to/${encodeURIComponent(CULVERT)}`, cookie);
    expect(form.body).toMatch(new RegExp(`name="email"[^>]*value="${email}"`));
    // Even with the e-mail field cleared and another account_id in the form, the session decides.
    const token = tokenOf(await post(`/report/to/${encodeURIComponent(CULVERT)}`, {
      lat: String(CITY_HALL.lat), long: String(CITY_HALL.long), description: 'Signed-in culvert', email: '', account_id: 'someone-else',
    }, { cookie }));
    const stored = await delivered(token);
    expect(stored).toMatchObject({ account_id: account.id, contact: { email } });
    expect((await store.getRequest(DEMO_COUNTY.id, stored.upstream_id!))?.reporter).toMatchObject({ email, account_id: account.id });

    const id = `tallgrass-county:${stored.upstream_id}`;
    const mine = await get('/account', cookie);
    const section = mine.body.slice(mine.body.indexOf('id="my-federated-reports"'));
    expect(section).toMatch(new RegExp(
      `<td>Tallgrass County</td><td>CULVERT</td><td>[^<]+</td><td>Delivered as ${stored.upstream_id}</td><td><a href="/track/${encodeURIComponent(id)}"[^>]*><strong class="status-badge status-open">Open</strong></a></td>`,
    ));
  });
});
