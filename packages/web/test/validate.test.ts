/**
 * The web validator over HTTP (issue 12), both dialects: the form (also in
 * Spanish and French), refusals re-shown with their status, a run started by
 * the form (303 to its page) against this server itself, its results by
 * severity with how to fix, the downloads (JSON, JUnit, HTML), server-sent
 * events, the endpoint page and badge, and the JSON API with its errors.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, formBody, type WebTestApp } from './support/app.js';
import { documentedSchema, shapeOf } from './support/documented-shape.js';

const SECRET = 'web-validate-test-secret-0123456789';

describe.each(dialects)('/validate on %s', (dialect) => {
  let t: WebTestApp;
  let target: string;
  beforeAll(async () => {
    t = await buildWebTestApp({ dialect, listen: true, app: { discovery: { allowPrivate: true }, routerSecret: SECRET } });
    target = `${t.url}/open311/v2/`;
    await t.store.saveEndpoint({
      slug: 'self', name: 'This very server', tier: 'city', country: 'US', base_url: target, discovery_url: null, jurisdiction_id: null,
      local: false, formats: ['xml', 'json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null,
      quirks: null, notes: '',
    });
  });
  afterAll(() => t?.close());

  let address = 0;
  /** Each call from its own client address (the rate limit is per client) unless one is given. */
  const post = (url: string, fields: Record<string, string>, from = `10.0.${dialect === 'sqlite' ? 1 : 2}.${++address}`): Promise<LightMyRequestResponse> =>
    t.app.inject({ method: 'POST', url, remoteAddress: from, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: formBody(fields) });
  const done = (id: string) =>
    vi.waitFor(async () => {
      const run = await t.store.validations.get(id);
      expect(run?.state).toMatch(/^(done|failed)$/);
      return run!;
    }, { timeout: 120_000, interval: 100 });
  const runIdOf = (res: LightMyRequestResponse): string => {
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/validate\/r\/[A-Za-z0-9_-]+$/);
    return location.slice('/validate/r/'.length);
  };

  it('shows the form, whose write switch says it creates test requests', async () => {
    const res = await t.get('/validate');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Check an Open311 endpoint</h1>');
    expect(res.body).toContain('<form action="/validate" method="post"');
    expect(res.body).toContain('this creates test service requests at the endpoint');
    expect(res.body).not.toContain('validate-write-unavailable');
    for (const [lang, title] of [['es', 'Comprobar un servicio Open311'], ['fr', 'Vérifier un service Open311']] as const) {
      const page = await t.get(`/validate?lang=${lang}`);
      expect(page.body).toContain(`<h1>${title}</h1>`);
      expect(page.body).toContain(`lang="${lang}"`);
    }
  });

  it.each([
    [{ url: 'ftp://city.example/v2/' }, /must start with http/],
    [{ url: 'https://city.example/v2/', write: 'on' }, /need the endpoint’s API key/],
    [{ url: 'https://city.example/v2/', format: 'yaml' }, /format must be both, xml or json/],
  ])('re-shows the form with the refusal of %j (400)', async (fields, reason) => {
    const res = await post('/validate', { format: 'both', ...fields });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(reason);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain(`value="${fields.url}"`);
  });

  it('never sends a typed API key back into the page', async () => {
    const res = await post('/validate', { url: 'ftp://x.example/', api_key: 'very-secret-key-42', write: 'on' });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('very-secret-key-42');
  });

  it('runs the checks: 303 to the run, then its results by severity, downloads, events', { timeout: 150_000 }, async () => {
    const id = runIdOf(await post('/validate', { url: target, format: 'both' }));
    const first = await t.get(`/validate/r/${id}`);
    expect(first.statusCode).toBe(200);
    const run = await done(id);
    expect(run).toMatchObject({ state: 'done', endpoint_slug: 'self', source: 'web' });
    const page = await t.get(`/validate/r/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<h2 id="run-summary">Errors: \d+ · warnings: \d+ · information: \d+ · passed: \d+ · skipped: \d+<\/h2>/);
    expect(page.body).toContain('id="group-passed"');
    expect(page.body).toContain('id="group-skipped"');
    expect(page.body).not.toContain('validate-progress.js');
    expect(page.body).not.toContain('http-equiv="refresh"');
    if (run.summary!.failed > 0) {
      expect(page.body).toContain('How to fix:');
      expect(page.body).toContain('Specification: ');
    }
    expect(page.body).toContain(`href="/validate/r/${id}.junit.xml"`);
    expect(page.body).toContain('href="/validate/endpoint/self"');

    const json = await t.get(`/validate/r/${id}.json`);
    expect(json.headers['content-disposition']).toBe(`attachment; filename="o311-validation-${id}.json"`);
    const report = JSON.parse(json.body) as { results: { id: string; fix: string }[]; summary: { passed: number } };
    expect(report.results).toHaveLength(run.total);
    expect(report.results[0]?.fix).toMatch(/\.$/);
    const junit = await t.get(`/validate/r/${id}.junit.xml`);
    expect(junit.headers['content-type']).toMatch(/^application\/xml/);
    expect(junit.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(junit.body.match(/<testcase /g)).toHaveLength(run.total);
    const htmlReport = await t.get(`/validate/r/${id}.report.html`);
    expect(htmlReport.headers['content-disposition']).toContain('.report.html"');
    expect(htmlReport.body).toMatch(/^<!doctype html>/);

    const events = await t.get(`/validate/r/${id}/events`);
    expect(events.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(events.body).toContain(`event: progress\ndata: {"state":"done","done":${run.total},"total":${run.total},`);
    expect(events.body).toContain('event: end\ndata: {"state":"done"}');

    const es = await t.get(`/validate/r/${id}?lang=es`);
    expect(es.body).toContain('<h1>Ejecución del validador</h1>');
    expect(es.body).toContain('Descargar el informe');
  });

  it('shows a running run with its progress and the fallbacks without JavaScript', async () => {
    const run = await t.store.validations.create({
      url: 'https://slow.example/v2/', endpoint_slug: null, source: 'web', format: 'xml', write: false, jurisdiction_id: null, api_key_sealed: null, client: null,
    }, Date.now());
    await t.store.validations.start(run.id, 40, Date.now());
    await t.store.validations.progress(run.id, 1, [{ id: 'http-reachable', title: 'The GeoReport endpoint can be reached', severity: 'error', status: 'pass', specRef: 'x', message: 'ok', fix: 'x', durationMs: 3 }]);
    const page = await t.get(`/validate/r/${run.id}`);
    expect(page.body).toContain('<noscript><meta http-equiv="refresh" content="3"></noscript>');
    expect(page.body).toContain('<progress id="run-progress-bar" max="40" value="1"></progress>');
    expect(page.body).toContain('1 of 40 checks done');
    expect(page.body).toContain('The GeoReport endpoint can be reached — passed');
    expect(page.body).toContain('/assets/js/validate-progress.js');
    // The script's stream starts after the result already in the page: none is listed twice.
    expect(page.body).toContain(`/validate/r/${run.id}/events?from=1`);
    await t.store.validations.fail(run.id, 'The run took longer than 3 minutes and was stopped.', Date.now());
    const failed = await t.get(`/validate/r/${run.id}`);
    expect(failed.body).toContain('The run took longer than 3 minutes and was stopped.');
  });

  it('answers an unknown run, download or endpoint with the site’s 404', async () => {
    for (const path of ['/validate/r/nope', '/validate/r/nope.json', '/validate/endpoint/nope', '/validate/badge/nope.svg']) {
      const res = await t.app.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } });
      expect(res.statusCode, path).toBe(404);
      expect(res.body).toContain('Page not found');
    }
  });

  it('draws the endpoint’s badge from its latest run, and lists its runs', { timeout: 150_000 }, async () => {
    const latest = await t.store.validations.latestDone('self');
    if (latest === undefined) await done(runIdOf(await post('/validate', { url: target })));
    const summary = (await t.store.validations.latestDone('self'))!.summary!;
    const badge = await t.get('/validate/badge/self.svg');
    expect(badge.statusCode).toBe(200);
    expect(badge.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(badge.headers['cache-control']).toBe('public, max-age=300');
    expect(badge.body).toContain(`aria-label="open311: ${summary.passed} passed`);
    expect(badge.body).toContain(summary.errors > 0 ? '#b3261e' : summary.warnings > 0 ? '#8a5a00' : '#1e7d32');
    await t.store.saveEndpoint({ ...(await t.store.getEndpoint('self'))!, slug: 'never', base_url: 'https://never.example/v2/' });
    expect((await t.get('/validate/badge/never.svg')).body).toContain('open311: unknown');
    const page = await t.get('/validate/endpoint/self');
    expect(page.body).toContain('Validator runs of This very server');
    expect(page.body).toMatch(/<a href="\/validate\/r\/[A-Za-z0-9_-]+">/);
    expect(page.body).toContain('/validate/badge/self.svg');
    const form = await t.get('/validate');
    expect(form.body).toContain('href="/validate/endpoint/self">This very server</a>');
  });

  it('starts and reads runs through the JSON API', { timeout: 150_000 }, async () => {
    const res = await t.app.inject({ method: 'POST', url: '/validate/api/runs', remoteAddress: '10.9.9.1', payload: { url: target, format: 'json' } });
    expect(res.statusCode).toBe(202);
    const body = res.json<{ id: string; state: string; links: Record<string, string> }>();
    expect(body).toMatchObject({ state: 'queued', links: { self: `/validate/api/runs/${body.id}`, page: `/validate/r/${body.id}`, junit: `/validate/r/${body.id}.junit.xml` } });
    expect(res.headers.location).toBe(`/validate/api/runs/${body.id}`);
    await done(body.id);
    const read = await t.app.inject({ method: 'GET', url: `/validate/api/runs/${body.id}` });
    expect(read.statusCode).toBe(200);
    const doc = read.json<{ state: string; source: string; format: string; progress: { done: number; total: number }; report: { results: unknown[] } }>();
    expect(doc).toMatchObject({ state: 'done', source: 'api', format: 'json' });
    expect(doc.progress.done).toBe(doc.progress.total);
    expect(doc.report.results).toHaveLength(doc.progress.total);
    // The answers are as /docs documents them, to the last property (its schemas reshape nothing).
    expect(shapeOf(body, await documentedSchema(t.app, '/validate/api/runs', 'post', 202))).toEqual({ undocumented: [], problems: [] });
    expect(shapeOf(doc, await documentedSchema(t.app, '/validate/api/runs/{id}', 'get', 200))).toEqual({ undocumented: [], problems: [] });
    expect(Object.keys(doc.report.results[0] ?? {})).toEqual(expect.arrayContaining(['id', 'severity', 'status', 'fix', 'durationMs']));

    const form = await post('/validate/api/runs', { url: 'https://user:pw@city.example/' });
    expect(form.statusCode).toBe(400);
    expect(form.json()).toEqual([{ code: 400, description: expect.stringMatching(/user name or password/) }]);
    const unknown = await t.app.inject({ method: 'GET', url: '/validate/api/runs/nope' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: 'No validator run nope.' }]);
    expect(shapeOf(unknown.json(), await documentedSchema(t.app, '/validate/api/runs/{id}', 'get', 404))).toEqual({ undocumented: [], problems: [] });
    const badFormat = await t.app.inject({ method: 'POST', url: '/validate/api/runs', remoteAddress: '10.9.9.2', payload: { url: target, format: 'yaml' } });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json()).toEqual([{ code: 400, description: "format must be both, xml or json, not 'yaml'." }]);
  });

  it('limits runs per client: the eleventh in ten minutes is refused (429, page and API)', async () => {
    const from = `10.7.${dialect === 'sqlite' ? 1 : 2}.1`;
    for (let i = 0; i < 10; i++) runIdOf(await post('/validate', { url: `https://city-${i}.example/v2/` }, from));
    const page = await post('/validate', { url: 'https://city-x.example/v2/' }, from);
    expect(page.statusCode).toBe(429);
    expect(page.headers['retry-after']).toBe('600');
    expect(page.body).toContain('try again in 10 minutes');
    const api = await t.app.inject({ method: 'POST', url: '/validate/api/runs', remoteAddress: from, payload: { url: 'https://city-x.example/v2/' } });
    expect(api.statusCode).toBe(429);
    expect(api.headers['retry-after']).toBe('600');
    expect(api.json()).toEqual([{ code: 429, description: expect.stringMatching(/try again in 10 minutes/) }]);
  });
});

describe('/validate without O311_ROUTER_SECRET', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp({ seedDemo: false, app: { routerSecret: '' } });
  });
  afterAll(() => t?.close());

  it('says in the form that write checks need the secret, and refuses a write run', async () => {
    const prior = process.env.O311_ROUTER_SECRET;
    expect(prior === undefined || prior === '').toBe(true);
    const form = await t.get('/validate');
    expect(form.body).toContain('it needs O311_ROUTER_SECRET set to hold an API key');
    expect(form.body).toMatch(/<input type="checkbox" name="write" id="validate-write"[^>]* disabled>/);
    const res = await t.postForm('/validate', { url: 'https://city.example/v2/', write: 'on', api_key: 'k' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('the server needs O311_ROUTER_SECRET set');
  });
});
