/**
 * Checks against hand-made answers: a fake transport serves a tiny GeoReport
 * endpoint at https://city.example/v2/ and each test bends one answer.
 */
import { describe, expect, it } from 'vitest';
import { NetworkError, type Exchange, type HttpRequest, type Transport } from '@o311/client';
import { CHECKS, validate, type CheckResult } from '../run.js';
import type { Check } from '../check.js';

interface Answer {
  status?: number;
  type?: string;
  body: string;
}
type Routes = Record<string, Answer | ((url: URL, method: string) => Answer)>;

const BASE = 'https://city.example/v2/';
const NOW = Date.now();
const iso = (daysAgo: number, suffix = 'Z'): string => new Date(NOW - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, suffix);

const xml = (body: string): Answer => ({ type: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="utf-8"?>${body}` });
const json = (value: unknown): Answer => ({ type: 'application/json; charset=utf-8', body: JSON.stringify(value) });

const SERVICES_XML = xml('<services><service><service_code>001</service_code><service_name>Pothole</service_name><description>Holes</description><metadata>false</metadata><type>realtime</type><keywords/><group>Streets</group></service></services>');
const SERVICES_JSON = json([{ service_code: '001', service_name: 'Pothole', description: 'Holes', metadata: false, type: 'realtime', keywords: null, group: 'Streets' }]);

const request = (id: string, daysAgo: number, extra: Record<string, unknown> = {}) => ({
  service_request_id: id, status: 'open', status_notes: null, service_name: 'Pothole', service_code: '001', description: 'A hole',
  agency_responsible: null, service_notice: null, requested_datetime: iso(daysAgo), updated_datetime: iso(daysAgo), expected_datetime: null,
  address: '1 Main St', address_id: null, zipcode: null, lat: 41.5, long: -93.6, media_url: null, ...extra,
});

const requestXml = (r: Record<string, unknown>): string =>
  `<request>${Object.entries(r).map(([k, v]) => (v === null ? `<${k}/>` : `<${k}>${String(v)}</${k}>`)).join('')}</request>`;

const REQUESTS = [request('1', 1), request('2', 2)];

const errorAnswer = (url: URL, status: number, description: string): Answer =>
  url.pathname.endsWith('.json')
    ? { ...json([{ code: status, description }]), status }
    : { ...xml(`<errors><error><code>${status}</code><description>${description}</description></error></errors>`), status };

const GOOD: Routes = {
  '/v2/services.xml': SERVICES_XML,
  '/v2/services.json': SERVICES_JSON,
  '/v2/requests.xml': xml(`<service_requests>${REQUESTS.map(requestXml).join('')}</service_requests>`),
  '/v2/requests.json': json(REQUESTS),
  '/v2/requests/1.xml': xml(`<service_requests>${requestXml(request('1', 1))}</service_requests>`),
  '/v2/requests/1.json': json([request('1', 1)]),
  '/v2/requests/2.xml': xml(`<service_requests>${requestXml(request('2', 2))}</service_requests>`),
  '/v2/requests/2.json': json([request('2', 2)]),
};

function fakeTransport(routes: Routes): Transport {
  return async (req: HttpRequest): Promise<Exchange> => {
    const url = new URL(req.url);
    const route = routes[url.pathname];
    const answer = route === undefined ? errorAnswer(url, 404, 'not found') : typeof route === 'function' ? route(url, req.method) : route;
    const body = answer.body;
    return {
      request: req,
      response: {
        status: answer.status ?? 200,
        headers: answer.type === undefined ? {} : { 'content-type': answer.type },
        body, size: Buffer.byteLength(body), truncated: false, invalidUtf8: false,
      },
      elapsedMs: 5,
      redirects: [],
    };
  };
}

const byId = (id: string): Check => {
  const check = CHECKS.find((c) => c.id === id);
  if (check === undefined) throw new Error(`no check ${id}`);
  return check;
};

async function run(id: string, routes: Routes = {}): Promise<CheckResult> {
  const report = await validate({ url: BASE, transport: fakeTransport({ ...GOOD, ...routes }), checks: [byId(id)] });
  const result = report.results[0];
  if (result === undefined) throw new Error('no result');
  return result;
}

describe('the check catalogue', () => {
  it('has at least 60 checks with unique, area-prefixed ids and a spec reference', () => {
    expect(CHECKS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^(discovery|services|definition|requests|request|post|token|errors|http|parity|ext|pii|perf)-[a-z0-9-]+$/);
      expect(c.specRef).not.toBe('');
    }
  });

  it('marks every POSTing check as write, and skips those in read mode', async () => {
    expect(CHECKS.filter((c) => c.id.startsWith('post-')).every((c) => c.write === true)).toBe(true);
    const result = await run('post-realtime-receipt');
    expect(result).toMatchObject({ status: 'skip', message: expect.stringMatching(/write/) });
  });
});

describe('document checks', () => {
  it('passes a conforming service list and quotes evidence for a wrong root', async () => {
    expect((await run('services-xml')).status).toBe('pass');
    const bad = await run('services-xml', { '/v2/services.xml': xml('<servicez><service><service_code>1</service_code></service></servicez>') });
    expect(bad).toMatchObject({ status: 'fail', message: expect.stringMatching(/root element is <servicez>/) });
    expect(bad.evidence?.request).toBe('GET https://city.example/v2/services.xml');
    expect(bad.evidence?.response).toMatch(/^HTTP 200\ncontent-type: text\/xml; charset=utf-8\n\n<\?xml/);
  });

  it('wants JSON lists as top-level arrays', async () => {
    const wrapped = await run('requests-json', { '/v2/requests.json': json({ service_requests: REQUESTS }) });
    expect(wrapped).toMatchObject({ status: 'fail', message: expect.stringMatching(/wrapped/) });
  });

  it('wants requests/{id} as a one-element list', async () => {
    const two = await run('request-single-json', { '/v2/requests/1.json': json([request('1', 1), request('2', 2)]) });
    expect(two).toMatchObject({ status: 'fail', message: expect.stringMatching(/2 requests in the list, expected exactly one/) });
  });
});

describe('field checks', () => {
  it('accepts Z, offsets and fractions in datetimes, and flags a missing timezone', async () => {
    const ok = [request('1', 1, { requested_datetime: '2026-01-01T08:15:30-05:00', updated_datetime: '2026-01-01T08:15:30.25Z' })];
    expect((await run('requests-datetimes', { '/v2/requests.json': json(ok) })).status).toBe('pass');
    const bad = [request('1', 1, { requested_datetime: '2012-05-22 23:57:23' })];
    expect(await run('requests-datetimes', { '/v2/requests.json': json(bad) })).toMatchObject({
      status: 'fail', severity: 'error', message: expect.stringMatching(/requested_datetime "2012-05-22 23:57:23" is not an ISO 8601 datetime/),
    });
  });

  it('wants string ids in JSON (an error) and numeric coordinates (a warning)', async () => {
    const bad = [request('1', 1, { service_request_id: 1, lat: '41.5' })];
    const ids = await run('requests-json-ids', { '/v2/requests.json': json(bad) });
    expect(ids).toMatchObject({ status: 'fail', severity: 'error', message: expect.stringMatching(/service_request_id is 1 \(number\), expected a string/) });
    const types = await run('requests-json-types', { '/v2/requests.json': json(bad) });
    expect(types).toMatchObject({ status: 'fail', severity: 'warning', message: expect.stringMatching(/lat is "41.5" \(string\), expected a number or null/) });
    expect(types.message).not.toMatch(/service_request_id/);
    expect((await run('requests-json-ids')).status).toBe('pass');
  });

  it('wants metadata as a JSON boolean, and the words true/false in XML', async () => {
    expect((await run('services-metadata-boolean')).status).toBe('pass');
    const stringly = json([{ service_code: '001', service_name: 'Pothole', description: 'Holes', metadata: 'true', type: 'realtime', keywords: null, group: 'Streets' }]);
    expect(await run('services-metadata-boolean', { '/v2/services.json': stringly })).toMatchObject({
      status: 'fail', severity: 'error', message: expect.stringMatching(/services\.json: service '001': metadata is "true" \(string\), expected the JSON boolean/),
    });
    expect((await run('services-metadata-boolean', { '/v2/services.xml': xml(SERVICES_XML.body.replace('<metadata>false', '<metadata>true').replace(/^<\?xml[^>]*>/, '')) })).status).toBe('pass');
  });

  it('wants media_url as a URL or null, not ""', async () => {
    expect((await run('requests-media-url')).status).toBe('pass');
    const withMedia = (media_url: unknown): Routes => ({ '/v2/requests.json': json([request('1', 1, { media_url })]) });
    expect((await run('requests-media-url', withMedia('https://city.example/media/1.jpg'))).status).toBe('pass');
    expect(await run('requests-media-url', withMedia(''))).toMatchObject({
      status: 'fail', severity: 'warning', message: expect.stringMatching(/media_url is empty; send null or omit it/),
    });
    expect((await run('requests-media-url', withMedia('photo.jpg'))).message).toMatch(/media_url "photo.jpg" is not an absolute http\(s\) URL/);
    expect((await run('requests-media-url', withMedia('http://city.example/1.jpg '))).message).toMatch(/whitespace around the URL/);
  });

  it('flags swapped lat/long, and not the plain points', async () => {
    expect((await run('requests-coordinates-swapped')).status).toBe('pass');
    const helsinki = [request('1', 1, { lat: 22.266944, long: 60.451667, requested_datetime: '2016-03-22T13:27:16+02:00' })];
    const result = await run('requests-coordinates-swapped', { '/v2/requests.json': json(helsinki) });
    expect(result).toMatchObject({ status: 'fail', severity: 'warning', message: expect.stringMatching(/request '1': .*likely swapped/) });
    expect((await run('requests-coordinates', { '/v2/requests.json': json(helsinki) })).status).toBe('pass');
  });

  it('treats an email or phone number in a request object as an error, other personal fields as a warning', async () => {
    const shown = (extra: Record<string, unknown>): Routes => ({ '/v2/requests.json': json([request('1', 1, extra)]), '/v2/requests.xml': { status: 404, body: '' } });
    const name = shown({ first_name: 'Desk 4' });
    expect(await run('pii-fields-absent', name)).toMatchObject({ status: 'fail', severity: 'warning' });
    expect((await run('pii-contact-values', name)).status).toBe('pass');
    for (const contact of [{ email: 'jane@example.org' }, { phone: '+1 (555) 010-7311' }, { extended_attributes: { phone: 5550107311 } }]) {
      expect(await run('pii-contact-values', shown(contact)), JSON.stringify(contact)).toMatchObject({ status: 'fail', severity: 'error' });
    }
  });

  it('flags status values other than open/closed', async () => {
    const bad = [request('1', 1, { status: 'Open' })];
    expect(await run('requests-status', { '/v2/requests.json': json(bad) })).toMatchObject({ status: 'fail', message: expect.stringMatching(/status is "Open"/) });
  });

  it('flags a repeated order within a definition', async () => {
    const routes: Routes = {
      '/v2/services.xml': xml('<services><service><service_code>001</service_code><service_name>P</service_name><description/><metadata>true</metadata><type>realtime</type><keywords/><group/></service></services>'),
      '/v2/services.json': { status: 404, body: '' },
      '/v2/services/001.xml': xml('<service_definition><service_code>001</service_code><attributes>' +
        ['A', 'B'].map((code) => `<attribute><variable>true</variable><code>${code}</code><datatype>string</datatype><required>false</required><datatype_description/><order>1</order><description>Q</description></attribute>`).join('') +
        '</attributes></service_definition>'),
    };
    expect(await run('definition-order-unique', routes)).toMatchObject({ status: 'fail', message: expect.stringMatching(/order 1 is used by more than one attribute/) });
    expect((await run('definition-code-unique', routes)).status).toBe('pass');
  });
});

describe('transport checks', () => {
  it('treats application/xml as a warning, not an error, and allows a charset parameter', async () => {
    const appXml: Routes = { '/v2/services.xml': { ...SERVICES_XML, type: 'application/xml; charset=UTF-8' } };
    expect((await run('http-content-type-xml', appXml)).status).toBe('pass');
    expect(await run('http-content-type-text-xml', appXml)).toMatchObject({ status: 'fail', severity: 'warning' });
    expect((await run('http-charset', appXml)).status).toBe('pass');
    expect(await run('http-charset', { '/v2/services.xml': { ...SERVICES_XML, type: 'text/xml' } })).toMatchObject({ status: 'fail', severity: 'warning' });
  });
});

describe('error checks', () => {
  it('wants 404 with an error document for unknown ids', async () => {
    expect((await run('errors-unknown-request')).status).toBe('pass');
    expect((await run('errors-document-json')).status).toBe('pass');
    const html: Routes = { '/v2/requests/9999999999.json': { status: 404, type: 'text/html', body: '<html><body>Not found</body></html>' } };
    expect(await run('errors-document-json', html)).toMatchObject({ status: 'fail', message: expect.stringMatching(/not well-formed JSON/) });
    const message: Routes = { '/v2/requests/9999999999.json': { status: 404, ...json([{ code: 404, message: 'gone' }]) } };
    expect(await run('errors-document-json', message)).toMatchObject({ status: 'fail', message: expect.stringMatching(/description is missing/) });
  });

  it('accepts a refused or clamped 120-day span and fails one answered in full', async () => {
    const span = (list: unknown[]): Routes => ({
      '/v2/requests.xml': (url) => (url.searchParams.has('start_date') ? { status: 404, body: '' } : GOOD['/v2/requests.xml'] as Answer),
      '/v2/requests.json': (url) => (url.searchParams.has('start_date') ? json(list) : json(REQUESTS)),
      '/v2/services.xml': { status: 500, body: 'down' }, // makes JSON the primary format
    });
    const refused: Routes = { ...span([]), '/v2/requests.json': (url) => (url.searchParams.has('start_date') ? errorAnswer(url, 400, 'too long') : json(REQUESTS)) };
    expect((await run('requests-90-day-limit', refused)).message).toMatch(/refused with 400/);
    expect((await run('requests-90-day-limit', span([request('1', 1), request('2', 80)]))).status).toBe('pass');
    expect(await run('requests-90-day-limit', span([request('1', 1), request('2', 110)]))).toMatchObject({
      status: 'fail', message: expect.stringMatching(/spanning 109\.0 days/),
    });
  });
});

describe('default 90-day window', () => {
  /** A JSON-only city answering the default list, the 91-180 days ago window and per-service lists without dates. */
  const city = (answers: { list: unknown[]; older?: unknown[]; ofService?: (code: string) => unknown[] }): Routes => ({
    '/v2/requests.json': (url) => {
      const code = url.searchParams.get('service_code');
      if (url.searchParams.has('start_date')) return json(answers.older ?? []);
      return json(code === null ? answers.list : (answers.ofService?.(code) ?? []));
    },
    '/v2/requests.xml': { status: 404, body: '' },
    '/v2/services.xml': { status: 500, body: 'down' }, // makes JSON the primary format
  });
  const graffiti = (id: string, daysAgo: number) => request(id, daysAgo, { service_code: '002' });

  it('is a warning that passes a city keeping to the last 90 days, probing services with older requests', async () => {
    const keeps = city({ list: REQUESTS, older: [graffiti('7', 120)], ofService: () => [graffiti('8', 3)] });
    expect(await run('requests-default-window', keeps)).toMatchObject({
      status: 'pass', severity: 'warning', message: expect.stringMatching(/service_code 002 asked for without dates/),
    });
  });

  it('fails a default list holding requests older than 90 days', async () => {
    expect(await run('requests-default-window', city({ list: [...REQUESTS, request('9', 200)] }))).toMatchObject({
      status: 'fail', message: expect.stringMatching(/requests\.json: 1 request\(s\) are older than 90 days, e\.g\. 9/),
    });
  });

  it('fails a city whose default list looks right only because it is capped (the newest 1000 are all recent)', async () => {
    const capped = city({ list: REQUESTS, older: [graffiti('7', 120)], ofService: () => [graffiti('8', 3), graffiti('7', 120)] });
    expect(await run('requests-default-window', capped)).toMatchObject({
      status: 'fail', message: expect.stringMatching(/requests\?service_code=002: 1 request\(s\) are older than 90 days, e\.g\. 7/),
    });
  });
});

describe('write checks', () => {
  it('fail when a POST without api_key is accepted', async () => {
    const accepting: Routes = { '/v2/requests.xml': (_url, method) => (method === 'POST' ? xml('<service_requests><request><service_request_id>9</service_request_id></request></service_requests>') : GOOD['/v2/requests.xml'] as Answer) };
    const report = await validate({ url: BASE, transport: fakeTransport({ ...GOOD, ...accepting }), write: true, checks: [byId('post-missing-api-key')] });
    expect(report.results[0]).toMatchObject({ status: 'fail', message: expect.stringMatching(/answered HTTP 200, expected 403/) });
    expect(report.results[0]?.evidence?.request).toMatch(/^POST https:\/\/city.example\/v2\/requests.xml\ncontent-type: application\/x-www-form-urlencoded; charset=utf-8\n\nservice_code=001/);
  });

  it('mask the api_key in evidence', async () => {
    const report = await validate({
      url: BASE, transport: fakeTransport(GOOD), write: true, apiKey: 'secret-key', checks: [byId('post-realtime-receipt')],
    });
    expect(report.results[0]?.status).toBe('fail');
    expect(report.results[0]?.evidence?.request).toContain('api_key=***');
    expect(JSON.stringify(report)).not.toContain('secret-key');
  });
});

describe('validate()', () => {
  it('reports a refused private target instead of throwing', async () => {
    const refuse: Transport = async (req) => {
      throw new NetworkError('private-address', req.url, `${new URL(req.url).hostname} resolves to 127.0.0.1, a loopback address`);
    };
    const report = await validate({ url: BASE, transport: refuse });
    const reachable = report.results.find((r) => r.id === 'http-reachable');
    expect(reachable).toMatchObject({ status: 'fail', severity: 'error', message: expect.stringMatching(/allowPrivate/) });
    expect(report.results.find((r) => r.id === 'services-xml')?.status).toBe('skip');
    expect(report.summary.errors).toBe(1);
  });

  it('turns a throwing check into a failed result', async () => {
    const broken: Check = {
      id: 'http-broken', title: 'Broken', specRef: 'x', severity: 'error', fix: 'Mend it.', run: () => Promise.reject(new Error('boom')),
    };
    const report = await validate({ url: BASE, transport: fakeTransport(GOOD), checks: [broken] });
    expect(report.results[0]).toMatchObject({ status: 'fail', message: 'internal error in the check: boom' });
  });

  it('reports progress for every check and keeps results in catalogue order', async () => {
    const seen: number[] = [];
    const checks = CHECKS.filter((c) => c.id.startsWith('services-'));
    const report = await validate({ url: BASE, transport: fakeTransport(GOOD), checks, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual(checks.map((_, i) => i + 1));
    expect(report.results.map((r) => r.id)).toEqual(checks.map((c) => c.id));
    expect(report.summary.errors).toBe(0);
  });

  it('fetches each URL once per run, at most four at a time', async () => {
    const counts = new Map<string, number>();
    let inFlight = 0;
    let peak = 0;
    const inner = fakeTransport(GOOD);
    const counting: Transport = async (req, options) => {
      const key = `${req.method} ${req.url} ${JSON.stringify(req.headers ?? {})}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      return inner(req, options);
    };
    const report = await validate({ url: BASE, transport: counting });
    expect(report.results.filter((r) => r.message.startsWith('internal error'))).toEqual([]);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    expect(peak).toBeLessThanOrEqual(4);
  });

  it('skips the checks about a format left out, and reads the shared data in the chosen one', async () => {
    const asked: string[] = [];
    const inner = fakeTransport(GOOD);
    const watching: Transport = async (req, options) => {
      asked.push(new URL(req.url).pathname);
      return inner(req, options);
    };
    const report = await validate({ url: BASE, transport: watching, formats: ['json'] });
    const byId = new Map(report.results.map((r) => [r.id, r]));
    for (const id of ['services-xml', 'requests-xml', 'parity-services', 'http-xml-well-formed']) {
      expect(byId.get(id)).toMatchObject({ status: 'skip', message: expect.stringMatching(/about XML, which this run does not test \(only JSON was chosen\)/) });
    }
    expect(byId.get('services-json')?.status).toBe('pass');
    expect(byId.get('requests-required-fields')?.status).toBe('pass');
    expect(asked.filter((p) => p.endsWith('/requests.xml'))).toEqual([]);
  });

  it('gives every check a fix sentence, carried into its result', async () => {
    for (const c of CHECKS) expect(c.fix, c.id).toMatch(/^[A-Z].{10,}\.$/);
    const report = await validate({ url: BASE, transport: fakeTransport(GOOD), checks: CHECKS.filter((c) => c.id === 'services-xml') });
    expect(report.results[0]?.fix).toBe(CHECKS.find((c) => c.id === 'services-xml')?.fix);
  });

  it('refuses an empty format choice', async () => {
    await expect(validate({ url: BASE, transport: fakeTransport(GOOD), formats: [] })).rejects.toMatchObject({ name: 'ValidatorUsageError' });
  });

  it.each(['not a url', 'ftp://city.example/v2/'])('rejects %j with ValidatorUsageError', async (url) => {
    await expect(validate({ url, transport: fakeTransport(GOOD) })).rejects.toMatchObject({ name: 'ValidatorUsageError' });
  });
});
