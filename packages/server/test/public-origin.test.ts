/**
 * Absolute links (discovery, paging Link headers) come from the configured
 * public URL, else from the address the server listens on; a request's foreign
 * or malformed Host header never decides them.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from './support/fixture.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with a Host header of our choosing (fetch may not set Host). */
function getWithHost(base: string, path: string, host: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

const endpointUrl = (a: RawAnswer): string => (JSON.parse(a.body) as { endpoints: { url: string }[] }).endpoints[0]?.url ?? '';

describe('links without a configured public URL (sqlite)', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer('sqlite');
  });
  afterAll(() => s.close());

  it('ignores a foreign Host in discovery and uses the listening address', async () => {
    const a = await getWithHost(s.url, '/open311/discovery.json', 'evil.example');
    expect(a.status).toBe(200);
    expect(endpointUrl(a)).toBe(`${s.url.replace('127.0.0.1', 'localhost')}/open311/v2/`);
    expect(a.body).not.toContain('evil.example');
  });

  it('follows the Host the server was started for, and its loopback aliases', async () => {
    const port = new URL(s.url).port;
    expect(endpointUrl(await getWithHost(s.url, '/open311/discovery.json', `127.0.0.1:${port}`))).toBe(`${s.url}/open311/v2/`);
    expect(endpointUrl(await getWithHost(s.url, '/open311/discovery.json', `localhost:${port}`))).toBe(`http://localhost:${port}/open311/v2/`);
    // Another port on a loopback name is not this server.
    expect(endpointUrl(await getWithHost(s.url, '/open311/discovery.json', 'localhost:1'))).toBe(`http://localhost:${port}/open311/v2/`);
  });

  it('builds paging Link headers from the server, not a foreign Host', async () => {
    const a = await getWithHost(s.url, '/open311/v2/requests.json?page=1&page_size=1', 'evil.example');
    expect(a.status).toBe(200);
    expect(String(a.headers.link)).toContain(`<http://localhost:${new URL(s.url).port}/open311/v2/requests.json?`);
    expect(String(a.headers.link)).not.toContain('evil.example');
  });

  it('answers an HTTP/1.0 request without a Host header with the listening address', async () => {
    const { hostname, port } = new URL(s.url);
    const raw = await new Promise<string>((resolve, reject) => {
      let received = '';
      const socket = connect(Number(port), hostname, () => socket.write('GET /open311/discovery.json HTTP/1.0\r\n\r\n'));
      socket.setEncoding('utf8').on('data', (d: string) => (received += d)).on('error', reject).on('close', () => resolve(received));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 200 /);
    expect(raw).toContain(`"url":"http://localhost:${port}/open311/v2/"`);
  });

  it('answers a paged list asked for with a malformed Host (no 500)', async () => {
    const a = await getWithHost(s.url, '/open311/v2/requests.json?page=1', 'bad host');
    expect(a.status, a.body).toBe(200);
  });
});

describe('links with a configured public URL (sqlite)', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer('sqlite', { options: { publicUrl: 'https://311.springfield.example/' } });
  });
  afterAll(() => s.close());

  it('uses it whatever the Host', async () => {
    const port = new URL(s.url).port;
    for (const host of ['evil.example', `127.0.0.1:${port}`]) {
      expect(endpointUrl(await getWithHost(s.url, '/open311/discovery.json', host))).toBe('https://311.springfield.example/open311/v2/');
    }
    expect(s.app.publicOrigin.announced).toBe('https://311.springfield.example');
  });
});
