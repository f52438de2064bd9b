/** OpenAPI 3.1 document, Swagger UI and the landing page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { startServer, type Server } from './support/fixture.js';
import { get } from './support/http.js';

interface OpenApi {
  openapi: string;
  info: { title: string };
  servers?: unknown[];
  paths: Record<string, Record<string, {
    parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
    requestBody?: { content: Record<string, unknown> };
    responses: Record<string, { content?: Record<string, unknown> }>;
    security?: unknown[];
  }>>;
  components?: { securitySchemes?: Record<string, unknown> };
  tags?: { name: string }[];
}

describe.each(dialects)('docs (%s)', (dialect) => {
  let s: Server;
  let doc: OpenApi;
  beforeAll(async () => {
    s = await startServer(dialect);
    const a = await get(`${s.url}/docs/json`);
    expect(a.status).toBe(200);
    doc = JSON.parse(a.body) as OpenApi;
  });
  afterAll(() => s.close());

  it('is OpenAPI 3.1 with every route', () => {
    expect(doc.openapi).toBe('3.1.0');
    // No absolute `servers`: Swagger UI's try-it calls the origin that served the document.
    expect(doc.servers ?? []).toEqual([]);
    const expected: [string, string][] = [
      ['/open311/discovery.{format}', 'get'],
      ['/open311/v2/services.{format}', 'get'],
      ['/open311/v2/services/{file}', 'get'],
      ['/open311/v2/requests.{format}', 'get'],
      ['/open311/v2/requests.{format}', 'post'],
      ['/open311/v2/requests/{file}', 'get'],
      ['/open311/v2/tokens/{file}', 'get'],
      ['/open311/v2/servicerequestupdates.{format}', 'get'],
      ['/open311/v2/servicerequestupdates.{format}', 'post'],
      ['/open311/v2/media/{id}', 'get'],
      ['/api/v1/jurisdictions', 'get'],
      ['/api/v1/jurisdictions/{jid}/services', 'post'],
      ['/api/v1/requests/{id}/status', 'post'],
      ['/api/v1/api-keys', 'post'],
      ['/api/v1/staff-tokens/{id}', 'delete'],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/docs'))).toBe(false);
  });

  it('names only the tags its operations use (the validator and status come with the web apps)', () => {
    const tags = (doc.tags ?? []).map((t) => t.name);
    expect(tags).toEqual(expect.arrayContaining(['GeoReport v2', 'Staff API', 'Discovery']));
    expect(tags).not.toContain('Validator');
    expect(tags).not.toContain('Status');
  });

  it('documents the format extension and both content types of GeoReport responses', () => {
    const list = doc.paths['/open311/v2/services.{format}']!.get!;
    expect(list.parameters?.find((p) => p.name === 'format' && p.in === 'path')?.schema?.enum).toEqual(['xml', 'json']);
    expect(Object.keys(list.responses['200']!.content!).sort()).toEqual(['application/json', 'text/xml']);
    expect(Object.keys(list.responses['404']!.content!).sort()).toEqual(['application/json', 'text/xml']);
    const post = doc.paths['/open311/v2/requests.{format}']!.post!;
    expect(Object.keys(post.requestBody!.content).sort()).toEqual(['application/x-www-form-urlencoded', 'multipart/form-data']);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404', '413', '415', '429']));
  });

  it('documents bearer auth for the staff API', () => {
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/jurisdictions']!.get!.security).toEqual([{ bearer: [] }]);
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await fetch(`${s.url}/docs`, { redirect: 'follow' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toMatch(/swagger/i);
  });

  it('forbids framing and foreign content on the docs and the landing page', async () => {
    for (const path of ['/docs/static/index.html', '/']) {
      const res = await fetch(`${s.url}${path}`);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain(path === '/' ? "default-src 'none'" : "default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('serves a landing page with links to discovery and docs', async () => {
    const a = await get(`${s.url}/`);
    expect(a.status).toBe(200);
    expect(a.type).toBe('text/html; charset=utf-8');
    expect(a.body).toContain('/open311/discovery.xml');
    expect(a.body).toContain('/docs');
    const base = await get(`${s.url}/open311/v2/`);
    expect(base.status).toBe(200);
    expect(base.body).toContain('services.xml');
  });
});
