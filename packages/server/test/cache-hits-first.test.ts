/**
 * Read-cache hits are answered before Fastify routes them (http/cache-hits-first.ts):
 * the same status, headers and bytes as the routed answer, and never a stale one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { get, type Answer } from './support/http.js';

/** Headers but the date, which moves. */
const headersOf = (a: Answer): [string, string][] => [...a.headers.entries()].filter(([k]) => k !== 'date');

describe.each(dialects)('cache hits answered before routing (%s)', (dialect) => {
  let s: Server;
  const routed: string[] = [];
  const v2 = () => `${s.url}/open311/v2`;

  beforeAll(async () => {
    s = await startServer(dialect, {
      options: {
        plugins: [
          async (app) => {
            app.addHook('onRequest', (request, _reply, done) => {
              routed.push(`${request.method} ${request.url}`);
              done();
            });
          },
        ],
      },
    });
  });
  afterAll(() => s.close());

  /** The answer, and whether Fastify routed it. */
  const fetchNoting = async (url: string, headers: Record<string, string> = {}): Promise<{ answer: Answer; routed: boolean }> => {
    const before = routed.length;
    const answer = await get(url, headers);
    return { answer, routed: routed.length > before };
  };

  it.each([
    ['plain', {}],
    ['gzipped', { 'accept-encoding': 'gzip' }],
  ])('answers a repeated GET (%s) unrouted, with the routed answer\'s status, headers and bytes', async (_, headers: Record<string, string>) => {
    const url = `${v2()}/services.json?locale=es&${Object.keys(headers).length}`;
    const first = await fetchNoting(url, headers);
    const again = await fetchNoting(url, headers);
    expect(first.routed).toBe(true);
    expect(again.routed).toBe(false);
    expect(again.answer.status).toBe(200);
    expect(headersOf(again.answer)).toEqual(headersOf(first.answer));
    expect(again.answer.body).toBe(first.answer.body);
  });

  it('answers 304 unrouted to a client holding the current answer, with the routed 304\'s headers', async () => {
    const url = `${v2()}/services.xml`;
    const etag = (await get(url)).headers.get('etag')!;
    // Another URL with the same bytes, hence the same tag: its first answer is routed.
    const routed304 = await fetchNoting(`${url}?held`, { 'if-none-match': etag });
    const hit = await fetchNoting(url, { 'if-none-match': etag });
    expect(routed304.routed).toBe(true);
    expect(routed304.answer.status).toBe(304);
    expect(hit.routed).toBe(false);
    expect(hit.answer.status).toBe(304);
    expect(hit.answer.body).toBe('');
    expect(headersOf(hit.answer)).toEqual(headersOf(routed304.answer));
  });

  it('routes the first GET after a change, which answers the change', async () => {
    const url = `${v2()}/services.json`;
    await get(url);
    expect((await fetchNoting(url)).routed).toBe(false);
    const svc = await s.store.getService(JURISDICTION.id, 'graffiti');
    await s.store.saveService({ ...svc!, service_name: 'Graffiti removal' });
    const after = await fetchNoting(url);
    expect(after.routed).toBe(true);
    expect(after.answer.body).toContain('Graffiti removal');
    expect((await fetchNoting(url)).routed).toBe(false);
  });

  it('routes whatever the cache does not hold or must not answer: another method, an unknown URL', async () => {
    const url = `${v2()}/services.json?head`;
    await get(url);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(routed.at(-1)).toBe('HEAD /open311/v2/services.json?head');
    expect((await fetchNoting(`${v2()}/services.json?never-asked`)).routed).toBe(true);
  });

  it('finds the entry of the canonical URL for a path with doubled slashes', async () => {
    await get(`${v2()}/services.json?slashes`);
    const doubled = await fetchNoting(`${s.url}/open311/v2//services.json?slashes`);
    expect(doubled.routed).toBe(false);
    expect(doubled.answer.status).toBe(200);
  });
});
