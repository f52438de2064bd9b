/**
 * The sandbox (issue 8, items 6 and 19): a jurisdiction for client developers
 * served under /open311/sandbox/v2/ with a public key that posts nowhere else,
 * listed by discovery as the `test` endpoint beside production (a list of two
 * in XML and JSON), used by the docs' try-it, and reset daily by a job. Both dialects.
 */
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newService, openStore, type Store } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { buildApp, ensureSandbox, JOB, startJobQueue, type JobQueue, type SandboxConfig } from '../src/index.js';
import { form } from './support/http.js';

const CITY = { id: 'city.example', name: 'City', contact: 'c', key_service: 'k', timezone: 'America/Chicago' };
const LAMP = { service_code: 'lamp', lat: '41.1', long: '-93.1', description: 'Out' };

describe.each(dialects)('sandbox (%s)', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  let app: FastifyInstance;
  let sandbox: SandboxConfig;
  let cityKey: string;
  let jobs: JobQueue;

  beforeAll(async () => {
    jobs = await startJobQueue('sqlite::memory:');
    db = await freshUrl(dialect);
    store = await openStore(db.url);
    await store.migrate();
    await store.saveJurisdiction(CITY);
    await store.saveService(newService({ jurisdiction_id: CITY.id, service_code: 'lamp', service_name: 'Street lamp' }));
    sandbox = (await ensureSandbox(store))!;
    cityKey = (await store.createApiKey({ name: 'app', rate_limit_per_minute: 0, trusted: false })).secret;
    app = await buildApp({ store, jobs, sandbox, publicUrl: 'https://311.city.example' });
  });
  afterAll(async () => {
    await app?.close();
    await jobs?.stop();
    await store?.close();
    await db?.cleanup();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });
  const post = (url: string, fields: Record<string, string>) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields) });
  const ids = (body: string): string[] => (JSON.parse(body) as { service_request_id: string }[]).map((r) => r.service_request_id);

  it('is a sandbox jurisdiction with a copy of the services, never the primary one', async () => {
    expect(await store.getJurisdiction(sandbox.jurisdictionId)).toMatchObject({ sandbox: true, timezone: CITY.timezone });
    expect((await store.listServices(sandbox.jurisdictionId)).map((s) => s.service_code)).toEqual(['lamp']);
    expect((await store.primaryJurisdiction())?.id).toBe(CITY.id);
    // A plain client still needs no jurisdiction_id on production.
    expect((await get('/open311/v2/services.json')).statusCode).toBe(200);
  });

  it('discovery lists production and the sandbox as `test`: a list in JSON, and in XML read naively', async () => {
    const doc = JSON.parse((await get('/open311/discovery.json')).body) as { endpoints: { type: string; url: string }[] };
    expect(doc.endpoints.map((e) => [e.type, e.url])).toEqual([
      ['production', 'https://311.city.example/open311/v2/'],
      ['test', 'https://311.city.example/open311/sandbox/v2/'],
    ]);
    const xml = new XMLParser().parse((await get('/open311/discovery.xml')).body) as { discovery: { endpoints: { endpoint: unknown } } };
    const endpoints = xml.discovery.endpoints.endpoint;
    expect(Array.isArray(endpoints)).toBe(true);
    expect((endpoints as { type: string }[]).map((e) => e.type)).toEqual(['production', 'test']);
  });

  it('takes requests with the public key under its own base, without jurisdiction_id; production never sees them', async () => {
    const a = await post('/open311/sandbox/v2/requests.json', { ...LAMP, api_key: sandbox.apiKey });
    expect(a.statusCode, a.body).toBe(200);
    const [id] = ids(a.body);
    expect((await store.getRequest(sandbox.jurisdictionId, id!))?.service_code).toBe('lamp');
    expect(ids((await get('/open311/sandbox/v2/requests.json')).body)).toContain(id);
    expect(ids((await get('/open311/v2/requests.json')).body)).not.toContain(id);
    expect((await get(`/open311/v2/requests/${id}.json`)).statusCode).toBe(404);
  });

  it('its key posts nowhere else (403), and its base names no other jurisdiction (404)', async () => {
    expect((await post('/open311/v2/requests.json', { ...LAMP, api_key: sandbox.apiKey })).statusCode).toBe(403);
    expect((await post('/open311/sandbox/v2/requests.json', { ...LAMP, api_key: cityKey, jurisdiction_id: CITY.id })).statusCode).toBe(404);
    expect((await get(`/open311/sandbox/v2/services.json?jurisdiction_id=${CITY.id}`)).statusCode).toBe(404);
  });

  it('the developers page shows the sandbox endpoint and its public key', async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('https://311.city.example/open311/sandbox/v2/');
    expect(page.body).toContain(sandbox.apiKey);
  });

  it('the interactive docs try the sandbox: jurisdiction_id and the key are pre-filled', async () => {
    const doc = JSON.parse((await get('/docs/json')).body) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, { default?: string }> } }> } }>>;
    };
    const body = doc.paths['/open311/v2/requests.{format}']?.post?.requestBody?.content['application/x-www-form-urlencoded']?.schema.properties;
    expect(body?.api_key?.default).toBe(sandbox.apiKey);
    expect(body?.jurisdiction_id?.default).toBe(sandbox.jurisdictionId);
    expect(Object.keys(doc.paths).some((p) => p.includes('/sandbox/'))).toBe(false);
  });

  it('is reset by the daily `sandbox.reset` job: requests deleted, services copied again from the primary jurisdiction', async () => {
    await post('/open311/sandbox/v2/requests.json', { ...LAMP, api_key: sandbox.apiKey });
    const cityRequest = await post('/open311/v2/requests.json', { ...LAMP, api_key: cityKey });
    await store.saveService(newService({ jurisdiction_id: CITY.id, service_code: 'tree', service_name: 'Tree' }));
    expect(ids((await get('/open311/sandbox/v2/requests.json')).body).length).toBeGreaterThan(0);

    // What the schedule enqueues once a day, across all processes.
    const id = await jobs.enqueue(JOB.sandboxReset, { jurisdictionId: sandbox.jurisdictionId });
    await vi.waitFor(async () => expect((await jobs.get(id!))?.state).toBe('completed'), { timeout: 10_000 });
    expect(ids((await get('/open311/sandbox/v2/requests.json')).body)).toEqual([]);
    expect((await store.listServices(sandbox.jurisdictionId)).map((s) => s.service_code)).toEqual(['lamp', 'tree']);
    expect(ids((await get('/open311/v2/requests.json')).body)).toContain(ids(cityRequest.body)[0]);
  });

});
