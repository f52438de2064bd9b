/**
 * Self-service API keys and the /developers page (issue 14, item 11): ask →
 * verification mail → the link's button (a GET changes nothing) → the key by
 * mail → it posts; approval required → admins approve or refuse (by page or
 * staff API), a mail either way; limits, revocation (403 in JSON and XML),
 * rate limits, expired and reused links, bad input. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, ensureSandbox } from '@o311/server';
import { webPlugin } from '../src/index.js';
import { buildWebTestApp, formBody, type WebTestApp } from './support/app.js';

const HOUR = 3_600_000;
const PUBLIC = 'https://city.example';

let t: WebTestApp;
let clock = Date.now();
let ip = 0;
/** Each test asks from its own client address, so that the per-address limit is tested on purpose only. */
const nextAddress = () => `198.51.100.${++ip}`;


const ask = (fields: Record<string, string>, remoteAddress = nextAddress()): Promise<LightMyRequestResponse> =>
  t.app.inject({
    method: 'POST', url: '/developers/keys', remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(fields),
  });

const fields = (email: string, over: Record<string, string> = {}) => ({
  email, name: 'Ada Lovelace', app_name: `App of ${email}`, app_url: 'https://apps.example/pothole', purpose: 'Report potholes from the bus', accept: '1', ...over,
});

const mailsTo = async (to: string) => (await t.store.listOutbox({ to, limit: 20 })).map((m) => m.text);
const linkIn = (text: string): string => {
  const url = /https:\/\/city\.example\/developers\/keys\/verify\?token=\S+/.exec(text)?.[0];
  if (!url) throw new Error(`no link in ${text}`);
  return url.slice(PUBLIC.length);
};
const keyIn = (text: string | undefined): string => {
  const key = /o311k_[\w-]+/.exec(text ?? '')?.[0];
  if (!key) throw new Error(`no key in ${text}`);
  return key;
};
const tokenOf = (path: string) => decodeURIComponent(new URL(path, PUBLIC).searchParams.get('token') ?? '');
const verify = (path: string) =>
  t.app.inject({ method: 'POST', url: '/developers/keys/verify', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody({ token: tokenOf(path) }) });

async function postWithKey(key: string, format: 'json' | 'xml') {
  const j = (await t.store.primaryJurisdiction())!;
  const [service] = (await t.store.listServices(j.id)).filter((s) => !s.attributes.some((a) => a.required));
  return t.app.inject({
    method: 'POST', url: `/open311/v2/requests.${format}`, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody({ api_key: key, jurisdiction_id: j.id, service_code: service!.service_code, lat: '41.1', long: '-73.9', description: 'Pothole' }),
  });
}

async function setApproval(required: boolean) {
  const admin = await t.login('admin');
  const res = await t.postForm('/staff/keys/settings', { ...(required && { approval: '1' }), terms: '' }, admin);
  expect(res.statusCode).toBe(303);
}

/** Asks, reads the mailed link, presses its button: the verify page's answer. */
async function askAndVerify(email: string) {
  expect((await ask(fields(email))).statusCode).toBe(200);
  const [mail] = await mailsTo(email);
  return verify(linkIn(mail!));
}

describe.each(['sqlite', 'postgres'] as const)('self-service keys on %s', (dialect) => {
  beforeAll(async () => {
    t = await buildWebTestApp({ dialect, web: { publicUrl: PUBLIC }, app: { now: () => clock } });
  });
  afterAll(() => t.close());

  describe('/developers', () => {
    it('is a page of the site in its languages: the API, the sandbox, examples from the public URL, the key form with the terms', async () => {
      const res = await t.app.inject({ url: '/developers', headers: { host: 'evil.example' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('class="site-nav"');
      expect(res.body).toContain(`<code>${PUBLIC}/open311/v2/</code>`);
      expect(res.body).toContain('href="/docs"');
      expect(res.body).toContain('href="/open311/discovery.xml"');
      expect(res.body).toContain('href="/validate"');
      expect(res.body).toContain('import { Open311Client } from &#39;@o311/client&#39;;');
      expect(res.body).toContain('id="key-request-form"');
      expect(res.body).toContain('Use the API to help people report problems');
      expect(res.body).not.toContain('evil.example');
      const es = await t.app.inject({ url: '/developers?lang=es' });
      expect(es.body).toContain('<html lang="es">');
      expect(es.body).toContain('Obtener una clave de API');
      expect(es.body).toContain('Use la API para ayudar');
    });
  });

  describe('the samples of /developers', () => {
    it('the sandbox sample, as printed, files a request in the sandbox', async () => {
      const sandbox = (await ensureSandbox(t.store))!;
      const app = await buildApp({ store: t.store, sandbox, plugins: [webPlugin({ secureCookies: false, publicUrl: PUBLIC })], homePath: '/developers' });
      try {
        const page = (await app.inject({ url: '/developers' })).body;
        expect(page).toContain(`<code id="sandbox-key">${sandbox.apiKey}</code>`);
        const sample = /<pre class="dev-code" id="example-sandbox-post"[^>]*><code>([^<]+)<\/code>/.exec(page)?.[1] ?? '';
        const unescape = (x: string) => x.replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"');
        const url = /curl -X POST '([^']+)'/.exec(unescape(sample))?.[1] ?? '';
        expect(url).toBe(`${PUBLIC}/open311/sandbox/v2/requests.json`);
        // Every -d / --data-urlencode argument of the sample, as curl would send it.
        const words = [...unescape(sample).matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
        const fields = words.flatMap((w, n) => (w === '-d' || w === '--data-urlencode' ? [words[n + 1]!.split(/=(.*)/s).slice(0, 2) as [string, string]] : []));
        const res = await app.inject({
          method: 'POST', url: url.slice(PUBLIC.length), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString(),
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(Object.fromEntries(fields)).toMatchObject({ api_key: sandbox.apiKey, description: 'Pothole outside number 12' });
      } finally {
        await app.close();
      }
    });
  });

  describe('self-service keys without approval', () => {
    it('request → verification mail → a GET of the link changes nothing → the button issues the key by mail → it posts (JSON and XML)', async () => {
      const email = 'ada@apps.example';
      const asked = await ask(fields('Ada@Apps.example'));
      expect(asked.statusCode).toBe(200);
      expect(asked.body).toContain('ada@apps.example');
      const [mail] = await mailsTo(email);
      const link = linkIn(mail!);

      const shown = await t.app.inject({ url: link });
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toContain('id="key-verify-form"');
      const [request] = await t.store.keyRequests.list({ limit: 1 });
      expect(request).toMatchObject({ email, state: 'unverified' });
      expect(await mailsTo(email)).toHaveLength(1);

      const done = await verify(link);
      expect(done.statusCode).toBe(200);
      expect(done.body).toContain('id="key-verified"');
      const mails = await mailsTo(email);
      expect(mails).toHaveLength(2);
      const key = keyIn(mails.find((m) => m?.includes('o311k_')));
      expect((await t.store.keyRequests.get(request!.id))?.state).toBe('issued');
      // Only the digest is stored.
      expect((await t.store.listApiKeys()).some((k) => JSON.stringify(k).includes(key))).toBe(false);

      expect((await postWithKey(key, 'json')).statusCode).toBe(200);
      expect((await postWithKey(key, 'xml')).statusCode).toBe(200);
      // The link works once.
      expect((await verify(link)).statusCode).toBe(410);
    });

    it('a revoked key is refused with 403 in the Open311 error shape, in JSON and XML', async () => {
      const email = 'revoked@apps.example';
      await askAndVerify(email);
      const key = keyIn((await mailsTo(email)).find((m) => m?.includes('o311k_')));
      const [owned] = await t.store.keyRequests.keyOwners().then((o) => o.filter((x) => x.email === email));
      const admin = await t.login('admin');
      expect((await t.postForm(`/staff/keys/${owned!.api_key_id}/revoke`, {}, admin)).statusCode).toBe(303);
      const json = await postWithKey(key, 'json');
      expect(json.statusCode).toBe(403);
      expect(json.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
      const xml = await postWithKey(key, 'xml');
      expect(xml.statusCode).toBe(403);
      expect(xml.body).toMatch(/<errors><error><code>403<\/code><description>[^<]*api_key/);
    });

    it('an expired link issues nothing and frees the address for a new request', async () => {
      const email = 'late@apps.example';
      expect((await ask(fields(email))).statusCode).toBe(200);
      const link = linkIn((await mailsTo(email))[0]!);
      clock += 25 * HOUR;
      const res = await verify(link);
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('24');
      expect((await mailsTo(email)).some((m) => m?.includes('o311k_'))).toBe(false);
      expect((await ask(fields(email))).statusCode).toBe(200);
    });

    it('refuses bad input field by field, keeps what was typed, and an unknown link is a 404', async () => {
      const res = await ask(fields('not-an-address', { app_url: 'javascript:alert(1)', name: 'x'.repeat(201), accept: '' }));
      expect(res.statusCode).toBe(400);
      for (const id of ['key-email', 'key-name', 'key-app-url', 'key-accept']) expect(res.body).toContain(`href="#${id}"`);
      expect(res.body).toContain('value="not-an-address"');
      expect((await t.app.inject({ url: '/developers/keys/verify?token=o311v_nope' })).statusCode).toBe(404);
      expect((await verify('/developers/keys/verify?token=o311v_nope')).statusCode).toBe(404);
    });

    it('keeps one open request per address and limits requests per client address and per e-mail address', async () => {
      const email = 'twice@apps.example';
      expect((await ask(fields(email))).statusCode).toBe(200);
      expect((await ask(fields(email))).statusCode).toBe(409);
      expect((await ask(fields(email))).statusCode).toBe(429);
      const address = nextAddress();
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await ask(fields(`many${i}@apps.example`), address)).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      expect(await mailsTo('many3@apps.example')).toHaveLength(0);
    });

    it('refuses a form posted from another site', async () => {
      const res = await t.app.inject({
        method: 'POST', url: '/developers/keys', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        payload: formBody(fields('csrf@apps.example')),
      });
      expect(res.statusCode).toBe(403);
      expect(await mailsTo('csrf@apps.example')).toHaveLength(0);
    });
  });

  describe('self-service keys with approval', () => {
    beforeAll(() => setApproval(true));
    afterAll(() => setApproval(false));

    it('a verified request waits; the admin sees it and approves it in /staff/keys: the key is mailed', async () => {
      const email = 'grace@apps.example';
      const res = await askAndVerify(email);
      expect(res.body).toContain('The city will review your request');
      expect((await mailsTo(email)).some((m) => m?.includes('o311k_'))).toBe(false);
      const admin = await t.login('admin');
      const page = await t.get('/staff/keys', admin);
      expect(page.body).toContain('id="key-requests"');
      expect(page.body).toContain(email);
      const [pending] = await t.store.keyRequests.list({ states: ['pending'], limit: 10 });
      const approved = await t.postForm(`/staff/keys/requests/${pending!.id}/approve`, {}, admin);
      expect(approved.headers.location).toBe('/staff/keys?done=approved');
      const key = keyIn((await mailsTo(email)).find((m) => m?.includes('o311k_')));
      expect((await postWithKey(key, 'json')).statusCode).toBe(200);
      // Its owner and use show on the keys page.
      const after = await t.get('/staff/keys', admin);
      expect(after.body).toContain(`App of ${email}`);
      expect(after.body).not.toContain('id="key-requests"');
      // Twice: a notice, nothing issued again.
      expect((await t.postForm(`/staff/keys/requests/${pending!.id}/approve`, {}, admin)).headers.location).toBe('/staff/keys?done=decided');
    });

    it('a refused request is mailed its refusal; an agent may do neither', async () => {
      const email = 'refused@apps.example';
      await askAndVerify(email);
      const [pending] = (await t.store.keyRequests.list({ states: ['pending'], limit: 10 })).filter((r) => r.email === email);
      const agent = await t.login('agent');
      expect((await t.postForm(`/staff/keys/requests/${pending!.id}/refuse`, {}, agent)).statusCode).toBe(403);
      const admin = await t.login('admin');
      expect((await t.postForm(`/staff/keys/requests/${pending!.id}/refuse`, {}, admin)).headers.location).toBe('/staff/keys?done=refused');
      const mails = await mailsTo(email);
      expect(mails.some((m) => m?.includes('did not issue a key'))).toBe(true);
      expect(mails.some((m) => m?.includes('o311k_'))).toBe(false);
    });

    it('the staff API lists, approves and refuses requests (global admins only) and limits keys', async () => {
      const email = 'api@apps.example';
      await askAndVerify(email);
      const admin = await t.store.createStaffToken({ name: 'ops', role: 'admin' });
      const agent = await t.store.createStaffToken({ name: 'desk', role: 'agent' });
      const call = (method: 'GET' | 'POST' | 'PATCH', url: string, bearer: string, payload?: object) =>
        t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${bearer}` }, ...(payload && { payload }) });
      expect((await call('GET', '/key-requests?state=pending', agent.secret)).statusCode).toBe(403);
      const list = await call('GET', '/key-requests?state=pending', admin.secret);
      expect(list.statusCode).toBe(200);
      const mine = (list.json() as { id: string; email: string }[]).find((r) => r.email === email)!;
      const approved = await call('POST', `/key-requests/${mine.id}/approve`, admin.secret);
      expect(approved.statusCode).toBe(200);
      expect(approved.body).not.toContain('o311k_');
      const keyId = (approved.json() as { key: { id: string } }).key.id;
      expect((await call('POST', `/key-requests/${mine.id}/refuse`, admin.secret)).statusCode).toBe(409);
      expect((await call('POST', '/key-requests/nope/approve', admin.secret)).statusCode).toBe(404);
      const limited = await call('PATCH', `/api-keys/${keyId}`, admin.secret, { rate_limit_per_minute: 1, jurisdiction_id: null });
      expect(limited.json()).toMatchObject({ rate_limit_per_minute: 1, jurisdiction_id: null });
      const key = keyIn((await mailsTo(email)).find((m) => m?.includes('o311k_')));
      expect((await postWithKey(key, 'json')).statusCode).toBe(200);
      expect((await postWithKey(key, 'json')).statusCode).toBe(429);
      const docs = (await t.app.inject({ url: '/docs/json' })).json() as { paths: Record<string, unknown> };
      expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/api/v1/key-requests', '/api/v1/key-requests/{id}/approve', '/api/v1/key-requests/{id}/refuse']));
    });
  });

  describe('the back office of keys', () => {
    it('limits a key (rate, jurisdiction), refusing bad values; admins write the terms shown on /developers', async () => {
      const admin = await t.login('admin');
      const { key } = await t.store.createApiKey({ name: 'Limited app', rate_limit_per_minute: 60, trusted: false });
      const j = (await t.store.primaryJurisdiction())!;
      const form = await t.get(`/staff/keys/${key.id}/limit`, admin);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('id="key-limit-rate"');
      expect((await t.postForm(`/staff/keys/${key.id}/limit`, { rate: '0', jurisdiction: '' }, admin)).statusCode).toBe(400);
      expect((await t.postForm(`/staff/keys/${key.id}/limit`, { rate: '5', jurisdiction: 'nowhere' }, admin)).statusCode).toBe(400);
      expect((await t.postForm(`/staff/keys/${key.id}/limit`, { rate: '5', jurisdiction: j.id }, admin)).headers.location).toBe('/staff/keys?done=limited');
      expect((await t.store.listApiKeys()).find((k) => k.id === key.id)).toMatchObject({ rate_limit_per_minute: 5, jurisdiction_id: j.id });
      expect((await t.get('/staff/keys/nope/limit', admin)).statusCode).toBe(404);
      expect((await t.get(`/staff/keys/${key.id}/limit`, await t.login('agent'))).statusCode).toBe(403);
      // A key without a quota (0, from the CLI or the staff API) reads 'Unlimited', and its limit form does not offer the 0 it refuses.
      const { key: free } = await t.store.createApiKey({ name: 'Free app', rate_limit_per_minute: 0, trusted: false });
      const row = /<th scope="row">Free app<\/th>[\s\S]*?<\/tr>/.exec((await t.get('/staff/keys', admin)).body)?.[0] ?? '';
      expect(row).toContain('<td>Unlimited</td>');
      const freeForm = (await t.get(`/staff/keys/${free.id}/limit`, admin)).body;
      expect(freeForm).toMatch(/id="key-limit-rate"[^>]*value=""|value=""[^>]*id="key-limit-rate"/);

      expect((await t.postForm('/staff/keys/settings', { terms: 'x'.repeat(20_001) }, admin)).statusCode).toBe(400);
      expect((await t.postForm('/staff/keys/settings', { terms: 'Be <nice> to the city.' }, admin)).statusCode).toBe(303);
      const page = await t.app.inject({ url: '/developers?lang=fr' });
      expect(page.body).toContain('Be &lt;nice&gt; to the city.');
      await t.postForm('/staff/keys/settings', { terms: '' }, admin);
    });
  });
});
