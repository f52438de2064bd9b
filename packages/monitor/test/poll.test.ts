/**
 * pollEndpoint against fake endpoints on loopback: an answer is up with its
 * latency and services; every failure is recorded with its kind (timeout,
 * TLS on a self-signed https server, DNS, connection, HTTP, malformed,
 * refused); nothing throws, whatever comes back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransport, type Transport } from '@o311/client';
import { POLL_ERROR_KINDS, type Endpoint } from '@o311/store';
import { startFakeFleet, type FakeFleet } from '../../../test-support/fake-endpoints.js';
import { forgetDiscoveries, pollEndpoint, targetOf, type PollOptions, type PollTarget } from '../src/index.js';

const options: PollOptions = { allowPrivate: true, timeoutMs: 2000, now: () => 1_764_000_000_000 };
const target = (url: string, formats: PollTarget['formats'] = ['json', 'xml']): PollTarget => ({
  slug: 'springfield', url, jurisdictionId: null, formats, quirks: null,
});

let fleet: FakeFleet;
beforeAll(async () => {
  fleet = await startFakeFleet();
});
afterAll(() => fleet.close());
beforeEach(() => forgetDiscoveries());

describe('pollEndpoint: up', () => {
  it('reads the JSON service list: ok, HTTP 200, its services, its latency', async () => {
    fleet.set(1, { latencyMs: 60 });
    const s = await pollEndpoint(target(fleet.baseUrl(1)), options);
    expect(s).toMatchObject({ slug: 'springfield', at: options.now(), ok: true, http_status: 200, error_kind: null, error: null, services: 2 });
    expect(s.latency_ms).toBeGreaterThanOrEqual(55);
    expect(s.latency_ms).toBeLessThan(1500);
  });

  it('asks for XML when the endpoint offers only XML', async () => {
    fleet.set(2, { behaviour: 'broken-json' });
    // broken-json answers every document the same way: an XML reading of it fails, which shows XML was asked for.
    const viaXml = await pollEndpoint(target(fleet.baseUrl(2), ['xml']), options);
    expect(viaXml).toMatchObject({ ok: false, error_kind: 'malformed', http_status: 200 });
    fleet.set(3, {});
    const s = await pollEndpoint(target(fleet.baseUrl(3), ['xml']), options);
    expect(s).toMatchObject({ ok: true, services: 2 });
  });

  it('resolves a discovery URL once and keeps the endpoint it names', async () => {
    fleet.set(4, {});
    const before = fleet.hits(4);
    const first = await pollEndpoint(target(fleet.discoveryUrl(4), []), options);
    const second = await pollEndpoint(target(fleet.discoveryUrl(4), []), options);
    expect(first).toMatchObject({ ok: true, services: 2 });
    expect(second).toMatchObject({ ok: true, services: 2 });
    expect(fleet.hits(4) - before).toBe(3);
  });
});

describe('pollEndpoint: failures by kind', () => {
  it('timeout: no answer within the deadline', async () => {
    fleet.set(10, { latencyMs: 1500 });
    const s = await pollEndpoint(target(fleet.baseUrl(10)), { ...options, timeoutMs: 200 });
    expect(s).toMatchObject({ ok: false, error_kind: 'timeout', http_status: null, latency_ms: null, services: null });
    expect(s.error).toMatch(/200 ms/);
  });

  it('connection: refused (a closed port) and closed without an answer', async () => {
    expect(await pollEndpoint(target(fleet.refusedUrl), options)).toMatchObject({ ok: false, error_kind: 'connection' });
    fleet.set(11, { behaviour: 'down' });
    expect(await pollEndpoint(target(fleet.baseUrl(11)), options)).toMatchObject({ ok: false, error_kind: 'connection', http_status: null });
  });

  it('http: an HTML error page with status 500, its status and latency kept', async () => {
    fleet.set(12, { behaviour: 'http-500' });
    const s = await pollEndpoint(target(fleet.baseUrl(12)), options);
    expect(s).toMatchObject({ ok: false, error_kind: 'http', http_status: 500 });
    expect(s.latency_ms).not.toBeNull();
    expect(s.error).toMatch(/HTTP 500/);
  });

  it('malformed: broken XML, broken JSON, the wrong shape, an answer too large', async () => {
    fleet.set(13, { behaviour: 'broken-xml' });
    fleet.set(14, { behaviour: 'broken-json' });
    fleet.set(15, { behaviour: 'wrong-shape' });
    expect(await pollEndpoint(target(fleet.baseUrl(13), ['xml']), options)).toMatchObject({ ok: false, error_kind: 'malformed', http_status: 200 });
    expect(await pollEndpoint(target(fleet.baseUrl(14)), options)).toMatchObject({ ok: false, error_kind: 'malformed', http_status: 200 });
    expect(await pollEndpoint(target(fleet.baseUrl(15)), options)).toMatchObject({ ok: false, error_kind: 'malformed', http_status: 200 });
    fleet.set(16, {});
    expect(await pollEndpoint(target(fleet.baseUrl(16)), { ...options, maxBytes: 50 })).toMatchObject({ ok: false, error_kind: 'malformed' });
  });

  it('refused: a loopback address without permission, a URL that is none, a discovery document naming no endpoint', async () => {
    const guarded = await pollEndpoint(target(fleet.baseUrl(1)), { ...options, allowPrivate: false });
    expect(guarded).toMatchObject({ ok: false, error_kind: 'refused' });
    expect(await pollEndpoint(target('not a url'), options)).toMatchObject({ ok: false, error_kind: 'refused' });
    expect(await pollEndpoint(target('ftp://example.org/v2/'), options)).toMatchObject({ ok: false, error_kind: 'refused' });
    fleet.set(17, { behaviour: 'wrong-shape' });
    expect(await pollEndpoint(target(fleet.discoveryUrl(17), []), options)).toMatchObject({ ok: false, error_kind: 'malformed' });
  });

  it('dns: a host name that does not resolve', async () => {
    const transport = createTransport({
      resolver: () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND city.invalid'), { code: 'ENOTFOUND' })),
    });
    const s = await pollEndpoint(target('https://city.invalid/open311/v2/'), { ...options, transport });
    expect(s).toMatchObject({ ok: false, error_kind: 'dns' });
    expect(s.error).toMatch(/city\.invalid/);
  });

  it('keeps error texts within what the store keeps', async () => {
    const long = `http://127.0.0.1:1/${'x'.repeat(2000)}/`;
    const s = await pollEndpoint(target(long), { ...options, allowPrivate: false });
    expect(s.error!.length).toBeLessThanOrEqual(500);
  });
});

describe('pollEndpoint: TLS', () => {
  let dir: string;
  let server: https.Server;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'o311-monitor-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    server = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('tls: a self-signed certificate', async () => {
    const s = await pollEndpoint(target(url), options);
    expect(s).toMatchObject({ ok: false, error_kind: 'tls', http_status: null });
    expect(s.error).toMatch(/self.signed|certificate/i);
  });

  it('tls: plain HTTP spoken to a TLS client (a wrong version number)', async () => {
    fleet.set(18, {});
    const s = await pollEndpoint(target(fleet.baseUrl(18).replace('http:', 'https:')), options);
    expect(s).toMatchObject({ ok: false, error_kind: 'tls' });
  });
});

describe('pollEndpoint: garbage', () => {
  it('never throws and always gives a known kind, whatever status and body come back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 100, max: 599 }), fc.oneof(fc.string(), fc.json(), fc.constantFrom('<services>', '<?xml', '[{"service_code":1}]', '{}', '<html>')), fc.constantFrom<PollTarget['formats']>(['json'], ['xml']), async (status, body, formats) => {
        const transport: Transport = async (request) => ({
          request, elapsedMs: 5, redirects: [],
          response: { status, headers: { 'content-type': 'text/plain' }, body, size: body.length, truncated: false, invalidUtf8: false },
        });
        const s = await pollEndpoint(target('https://garbage.example/v2/', formats), { ...options, transport });
        if (s.ok) expect(s.services).toBeGreaterThanOrEqual(0);
        else expect(POLL_ERROR_KINDS).toContain(s.error_kind);
      }),
      { numRuns: 300 },
    );
  });

  it('a transport that throws something odd is a failed poll, not an exception', async () => {
    const transport: Transport = () => Promise.reject(new TypeError('boom'));
    const s = await pollEndpoint(target('https://odd.example/v2/'), { ...options, transport });
    expect(s.ok).toBe(false);
    expect(POLL_ERROR_KINDS).toContain(s.error_kind);
  });
});

describe('targetOf', () => {
  const endpoint = (e: Partial<Endpoint>): Endpoint => ({
    slug: 'x', name: 'X', tier: 'city', country: 'US', base_url: null, discovery_url: null, jurisdiction_id: null, local: false,
    formats: ['xml'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null, quirks: 'chicago',
    notes: '', created_at: 0, updated_at: 0, last_check: null, ...e,
  });

  it('takes the base URL, else the discovery URL, else the local URL for a local endpoint; refuses otherwise', () => {
    expect(targetOf(endpoint({ base_url: 'https://a.example/v2/', discovery_url: 'https://a.example/discovery.json', jurisdiction_id: 'a.gov' })))
      .toEqual({ slug: 'x', url: 'https://a.example/v2/', jurisdictionId: 'a.gov', formats: ['xml'], quirks: 'chicago' });
    expect(targetOf(endpoint({ discovery_url: 'https://a.example/discovery.json' }))).toMatchObject({ url: 'https://a.example/discovery.json' });
    expect(targetOf(endpoint({ local: true, jurisdiction_id: 'city' }), { baseUrl: 'http://127.0.0.1:8080/open311/v2/' }))
      .toMatchObject({ url: 'http://127.0.0.1:8080/open311/v2/', jurisdictionId: 'city' });
    expect(targetOf(endpoint({ local: true }))).toHaveProperty('refused');
    expect(targetOf(endpoint({}))).toHaveProperty('refused');
  });
});
