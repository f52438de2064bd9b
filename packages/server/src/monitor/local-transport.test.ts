import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError, type Exchange, type HttpRequest, type Transport } from '@o311/client';
import { injectTransport, LOCAL_BASE_URL, LOCAL_ORIGIN, splitTransport } from './local-transport.js';

describe('the local transport (inject)', () => {
  const app = Fastify();
  const transport = injectTransport(app);
  beforeAll(async () => {
    app.get('/open311/v2/services.json', async (request, reply) =>
      reply.header('X-Seen-Host', request.headers.host ?? '').send({ q: request.query, n: 'ü' }));
    app.get('/slow', () => new Promise((resolve) => setTimeout(() => resolve('late'), 500)));
    app.get('/big', async () => 'x'.repeat(1000));
    // Compresses when asked, as the server's compression does for a network client.
    app.get('/zipped', async (request, reply) =>
      /gzip/.test(String(request.headers['accept-encoding'] ?? ''))
        ? reply.header('content-encoding', 'gzip').type('text/plain').send(gzipSync('y'.repeat(5000)))
        : reply.type('text/plain').send('y'.repeat(5000)));
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers a local URL through the app: path and query only, the Host is inject\'s own', async () => {
    const x = await transport({ method: 'GET', url: `${LOCAL_BASE_URL}services.json?jurisdiction_id=a.example`, headers: { Accept: 'application/json' } });
    expect(x.response.status).toBe(200);
    expect(JSON.parse(x.response.body)).toEqual({ q: { jurisdiction_id: 'a.example' }, n: 'ü' });
    expect(x.response.headers['x-seen-host']).not.toContain('invalid');
    expect(x.response.headers['content-type']).toMatch(/json/);
    expect(x.response).toMatchObject({ truncated: false, invalidUtf8: false });
    expect(x.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps to the deadline and the byte limit, and refuses other origins', async () => {
    await expect(transport({ method: 'GET', url: `${LOCAL_ORIGIN}/slow` }, { timeoutMs: 50 })).rejects.toMatchObject({ kind: 'timeout' });
    const big = await transport({ method: 'GET', url: `${LOCAL_ORIGIN}/big` }, { maxBytes: 100 });
    expect(big.response).toMatchObject({ size: 100, truncated: true });
    await expect(transport({ method: 'GET', url: 'http://example.org/open311/v2/services.json' })).rejects.toBeInstanceOf(NetworkError);
  });

  it('asks for a compressed answer as the network transport does, and decodes it', async () => {
    const x = await transport({ method: 'GET', url: `${LOCAL_ORIGIN}/zipped` });
    expect(x.response.headers['content-encoding']).toBe('gzip');
    expect(x.response).toMatchObject({ body: 'y'.repeat(5000), size: 5000, truncated: false });
    const capped = await transport({ method: 'GET', url: `${LOCAL_ORIGIN}/zipped` }, { maxBytes: 1000 });
    expect(capped.response).toMatchObject({ size: 1000, truncated: true });
  });

  it('with a readiness gate, injects nothing before the app is ready (an inject would start an app still being built)', async () => {
    const building = Fastify();
    building.get('/open311/v2/services.json', async () => []);
    let opened!: () => void;
    const gate = new Promise<void>((resolve) => (opened = resolve));
    const gated = injectTransport(building, LOCAL_ORIGIN, gate);
    const answer = gated({ method: 'GET', url: `${LOCAL_BASE_URL}services.json` });
    await new Promise((r) => setTimeout(r, 50));
    // Still being built: a route added now must be taken (it would be refused had the inject started the app).
    building.get('/late', async () => 'late');
    opened();
    expect((await answer).response.status).toBe(200);
    expect((await gated({ method: 'GET', url: `${LOCAL_ORIGIN}/late` })).response.body).toBe('late');
    await expect(injectTransport(Fastify(), LOCAL_ORIGIN, new Promise(() => undefined))({ method: 'GET', url: `${LOCAL_ORIGIN}/x` }, { timeoutMs: 50 }))
      .rejects.toMatchObject({ kind: 'timeout' });
    await building.close();
  });

  it('splits: local URLs in process, every other one to the network transport', async () => {
    const seen: string[] = [];
    const network: Transport = async (request: HttpRequest): Promise<Exchange> => {
      seen.push(request.url);
      throw new NetworkError('connection', request.url, 'no network in this test');
    };
    const split = splitTransport(transport, network);
    expect((await split({ method: 'GET', url: `${LOCAL_BASE_URL}services.json` })).response.status).toBe(200);
    await expect(split({ method: 'GET', url: 'http://o311-local.invalid.example.org/open311/v2/services.json' })).rejects.toMatchObject({ kind: 'connection' });
    expect(seen).toEqual(['http://o311-local.invalid.example.org/open311/v2/services.json']);
  });
});
