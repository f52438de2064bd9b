/**
 * The public OpenAPI document describes the APIs, the validator's and the status
 * pages' public JSON among them, not the web apps' pages (the staff back office least of all).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCitizenTestApp, type CitizenTestApp } from './support/citizen-app.js';

interface Operation {
  tags?: string[];
  parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> };
  responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>;
  description?: string;
}
interface OpenApi {
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
}

let t: CitizenTestApp;
beforeAll(async () => {
  t = await buildCitizenTestApp({ requests: 0 });
});
afterAll(() => t.close());

describe('the OpenAPI document with the web apps', () => {
  let doc: OpenApi;
  beforeAll(async () => {
    const res = await t.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = JSON.parse(res.body) as OpenApi;
  });

  it('lists the GeoReport (own and federated), staff, discovery, validator, status and dashboard APIs and no page of the web apps', () => {
    const paths = Object.keys(doc.paths);
    expect(paths).toContain('/open311/v2/requests.{format}');
    expect(paths).toContain('/api/v1/jurisdictions');
    expect(paths).toContain('/discovery/v1/lookup.{format}');
    expect(paths).toContain('/federated/open311/v2/requests.{format}');
    expect(Object.keys(doc.paths['/validate/api/runs'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/validate/api/runs/{id}'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/status/api/endpoints'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/status/api/endpoints/{slug}'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/status/incidents.atom'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/dashboard/api/{source}/view'] ?? {})).toEqual(['get']);
    expect(Object.keys(doc.paths['/dashboard/requests.csv'] ?? {})).toEqual(['get']);
    expect(paths.filter((p) => !/^\/(open311|api|discovery|federated\/open311|validate\/api|status\/api|dashboard\/api)\/|^\/status\/incidents\.atom$|^\/dashboard(\/endpoint)?(\/\{\w+\})?\/requests\.(csv|geojson)$/.test(p))).toEqual([]);
    expect(doc.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(['Validator', 'Status']));
  });

  it('documents starting a validator run: its body in JSON or a form, the answer, errors, rate limit and caching', () => {
    const start = doc.paths['/validate/api/runs']!.post!;
    expect(start.tags).toEqual(['Validator']);
    const body = start.requestBody!.content;
    expect(Object.keys(body).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(Object.keys(body['application/json']!.schema.properties ?? {})).toEqual(['url', 'format', 'jurisdiction_id', 'write', 'api_key']);
    expect(body['application/json']!.schema.required).toEqual(['url']);
    expect(Object.keys(start.responses).sort()).toEqual(['202', '400', '413', '415', '429']);
    expect(Object.keys(start.responses['202']!.headers ?? {})).toEqual(['location']);
    expect(Object.keys(start.responses['429']!.headers ?? {})).toEqual(['retry-after']);
    expect(start.description).toContain('10 runs in 10 minutes');
    expect(start.description).toContain('Cache-Control: no-store');
    const read = doc.paths['/validate/api/runs/{id}']!.get!;
    expect(read.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
    expect(Object.keys(read.responses).sort()).toEqual(['200', '404']);
    expect(Object.keys(read.responses['200']!.content!['application/json']!.schema.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'state', 'progress', 'summary', 'links', 'report']),
    );
  });

  it('documents the status JSON (filters, shapes, 404, caching) and the incidents feed', () => {
    const list = doc.paths['/status/api/endpoints']!.get!;
    expect(list.tags).toEqual(['Status']);
    expect(list.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['query:country', 'query:tier', 'query:status', 'query:sort', 'query:dir', 'query:page']);
    expect(list.parameters?.find((p) => p.name === 'dir')?.schema?.enum).toEqual(['asc', 'desc']);
    expect(list.description).toContain('Cache-Control: public, max-age=60');
    expect(Object.keys(list.responses['200']!.content!['application/json']!.schema.properties ?? {})).toEqual(
      ['generated_at', 'counts', 'filters', 'sort', 'matching', 'page', 'pages', 'endpoints'],
    );
    const one = doc.paths['/status/api/endpoints/{slug}']!.get!;
    expect(Object.keys(one.responses).sort()).toEqual(['200', '404']);
    expect(Object.keys(one.responses['404']!.content!['application/json']!.schema.properties ?? {})).toEqual(['error']);
    expect(Object.keys(doc.paths['/status/incidents.atom']!.get!.responses['200']!.content ?? {})).toEqual(['application/atom+xml']);
  });

  it('still refuses a malformed JSON body of the validator API in its error list', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/validate/api/runs', headers: { 'content-type': 'application/json' }, payload: '{"url":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: 'The JSON body is empty or malformed.' }]);
    const plain = await t.app.inject({ method: 'POST', url: '/validate/api/runs', headers: { 'content-type': 'text/plain' }, payload: 'url=x' });
    expect(plain.statusCode).toBe(415);
    expect(plain.json()).toEqual([{ code: 415, description: expect.stringContaining("Content-Type 'text/plain' is not accepted here") }]);
    // A client that also accepts HTML (a browser's fetch) still gets the API's error list, not an HTML page.
    const browserish = await t.app.inject({
      method: 'POST', url: '/validate/api/runs', headers: { 'content-type': 'application/json', accept: 'text/html,*/*' }, payload: '{"url":',
    });
    expect(browserish.statusCode).toBe(400);
    expect(browserish.json()).toEqual([{ code: 400, description: 'The JSON body is empty or malformed.' }]);
  });

  it('/developers may not be framed', async () => {
    const res = await t.app.inject({ url: '/developers' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
