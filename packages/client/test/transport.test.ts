/** The default transport against tiny node:http servers: decoding, caps, timeouts, redirects, failures. */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError } from '../src/errors.js';
import type { Transport } from '../src/http/exchange.js';
import { createTransport, DEFAULT_USER_AGENT } from '../src/http/transport.js';
import { startFakeServer, type FakeServer, type Handler } from './support/fake-server.js';

const servers: FakeServer[] = [];
async function serve(handler: Handler, host?: string): Promise<FakeServer> {
  const s = await startFakeServer(handler, host);
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const local: Transport = createTransport({ allowPrivate: true });

async function failure(promise: Promise<unknown>): Promise<NetworkError> {
  const err = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NetworkError);
  return err as NetworkError;
}

describe('an ordinary exchange', () => {
  let s: FakeServer;
  beforeAll(async () => {
    s = await serve((req, res) => {
      res.setHeader('X-Repeated', ['a', 'b']);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(req.method === 'POST' ? `got ${req.body.toString()}` : 'héllo');
    });
  });

  it('returns status, lower-cased headers (repeats joined), UTF-8 text, size and timing', async () => {
    const x = await local({ method: 'GET', url: `${s.origin}/services.json?a=1` });
    expect(x.response.status).toBe(200);
    expect(x.response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(x.response.headers['x-repeated']).toBe('a, b');
    expect(x.response.body).toBe('héllo');
    expect(x.response.size).toBe(6);
    expect(x.response).toMatchObject({ truncated: false, invalidUtf8: false });
    expect(x.redirects).toEqual([]);
    expect(x.elapsedMs).toBeGreaterThan(0);
    expect(x.request.headers).toMatchObject({ 'user-agent': DEFAULT_USER_AGENT, 'accept-encoding': 'gzip, deflate, br' });
    expect(s.received.at(-1)?.url.search).toBe('?a=1');
  });

  it('sends a POST body with its length, and the caller’s headers lower-cased', async () => {
    const x = await local({
      method: 'POST',
      url: `${s.origin}/requests.json`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', 'User-Agent': 'mine' },
      body: 'service_code=é',
    });
    expect(x.response.body).toBe('got service_code=é');
    const got = s.received.at(-1);
    expect(got?.headers['content-length']).toBe(String(Buffer.byteLength('service_code=é')));
    expect(got?.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(got?.headers['user-agent']).toBe('mine');
  });
});

describe('content decoding', () => {
  const text = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ service_code: `S${i}`, service_name: 'Pothole é' })));
  const encodings: Record<string, (b: Buffer) => Buffer> = {
    gzip: gzipSync,
    'x-gzip': gzipSync,
    deflate: deflateSync,
    br: brotliCompressSync,
  };
  let s: FakeServer;
  beforeAll(async () => {
    s = await serve((req, res) => {
      const coding = req.url.searchParams.get('coding') ?? 'identity';
      const raw = Buffer.from(text);
      const body =
        coding === 'raw-deflate' ? deflateRawSync(raw)
        : coding === 'broken' ? Buffer.from('definitely not gzip')
        : coding === 'gzip, br' ? brotliCompressSync(gzipSync(raw))
        : (encodings[coding] ?? ((b: Buffer) => b))(raw);
      const header = coding === 'raw-deflate' ? 'deflate' : coding === 'broken' ? 'gzip' : coding;
      res.writeHead(200, { 'content-encoding': header, 'content-type': 'application/json' });
      res.end(body);
    });
  });

  it.each(['gzip', 'x-gzip', 'deflate', 'raw-deflate', 'br', 'gzip, br', 'identity'])('decodes %s', async (coding) => {
    const x = await local({ method: 'GET', url: `${s.origin}/?coding=${encodeURIComponent(coding)}` });
    expect(x.response.body).toBe(text);
    expect(x.response.size).toBe(Buffer.byteLength(text));
  });

  it('keeps a body with an unknown coding as sent', async () => {
    const x = await local({ method: 'GET', url: `${s.origin}/?coding=compress` });
    expect(x.response.body).toBe(text);
  });

  it('a corrupt compressed body is a connection error', async () => {
    const err = await failure(local({ method: 'GET', url: `${s.origin}/?coding=broken` }));
    expect(err.kind).toBe('connection');
  });

  it('sends the Accept-Encoding the caller asks for', async () => {
    await local({ method: 'GET', url: `${s.origin}/`, headers: { 'accept-encoding': 'gzip' } });
    expect(s.received.at(-1)?.headers['accept-encoding']).toBe('gzip');
  });
});

describe('the size cap', () => {
  let s: FakeServer;
  beforeAll(async () => {
    s = await serve((req, res) => {
      const kind = req.url.pathname;
      if (kind === '/bomb') {
        res.writeHead(200, { 'content-encoding': 'gzip' });
        res.end(gzipSync(Buffer.alloc(8 * 1024 * 1024)));
      } else if (kind === '/utf8') {
        res.end(Buffer.from('é'.repeat(100)));
      } else if (kind === '/latin1') {
        res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      } else {
        res.end(Buffer.alloc(10_000, 'x'));
      }
    });
  });

  it('keeps maxBytes and says truncated', async () => {
    const x = await local({ method: 'GET', url: `${s.origin}/big` }, { maxBytes: 1000 });
    expect(x.response).toMatchObject({ truncated: true, size: 1000, status: 200 });
    expect(x.response.body).toBe('x'.repeat(1000));
  });

  it('is not truncated at exactly maxBytes', async () => {
    const x = await local({ method: 'GET', url: `${s.origin}/big` }, { maxBytes: 10_000 });
    expect(x.response).toMatchObject({ truncated: false, size: 10_000 });
  });

  it('counts decoded bytes, so a gzip bomb stops at the cap', async () => {
    const x = await local({ method: 'GET', url: `${s.origin}/bomb` }, { maxBytes: 64 * 1024 });
    expect(x.response).toMatchObject({ truncated: true, size: 64 * 1024 });
  });

  it('a character cut by the cap is not invalid UTF-8', async () => {
    const x = await local({ method: 'GET', url: `${s.origin}/utf8` }, { maxBytes: 11 });
    expect(x.response).toMatchObject({ truncated: true, invalidUtf8: false, body: 'ééééé' });
  });

  it('flags bytes that are not UTF-8 and decodes them as replacement characters', async () => {
    const x = await local({ method: 'GET', url: `${s.origin}/latin1` });
    expect(x.response).toMatchObject({ invalidUtf8: true, body: 'caf\uFFFD' });
  });
});

describe('the whole-exchange timeout', () => {
  let s: FakeServer;
  beforeAll(async () => {
    s = await serve(async (req, res) => {
      if (req.url.pathname === '/silent') return; // never answers
      if (req.url.pathname === '/hop') {
        await new Promise((r) => setTimeout(r, 150));
        res.writeHead(302, { location: '/hop' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part…');
      const timer = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(timer));
    });
  });

  it.each([
    ['a server that never answers', '/silent'],
    ['a body that never ends', '/trickle'],
    ['slow redirects (the deadline covers every hop)', '/hop'],
  ])('%s', async (_name, path) => {
    const started = Date.now();
    const err = await failure(local({ method: 'GET', url: `${s.origin}${path}` }, { timeoutMs: 400 }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('400 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('redirects', () => {
  let s: FakeServer;
  beforeAll(async () => {
    s = await serve((req, res) => {
      const p = req.url.pathname;
      const hops = /^\/chain\/(\d+)$/.exec(p);
      if (hops) {
        const n = Number(hops[1]);
        if (n > 0) res.writeHead(302, { location: `/chain/${n - 1}` }).end();
        else res.end(`${req.method} done`);
      } else if (/^\/(301|302|303|307|308)$/.test(p)) {
        res.writeHead(Number(p.slice(1)), { location: `${s.origin}/echo` }).end();
      } else if (p === '/echo') {
        res.end(`${req.method} ${req.body.toString()} ${req.headers['content-type'] ?? '-'}`);
      } else if (p === '/nowhere') {
        res.writeHead(302).end('no location');
      } else if (p === '/to-file') {
        res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      } else {
        res.writeHead(404).end();
      }
    });
  });

  it('follows relative Locations and lists each hop as an absolute URL', async () => {
    const x = await local({ method: 'GET', url: `${s.origin}/chain/3` });
    expect(x.response.body).toBe('GET done');
    expect(x.redirects).toEqual([`${s.origin}/chain/2`, `${s.origin}/chain/1`, `${s.origin}/chain/0`]);
    expect(x.request.url).toBe(`${s.origin}/chain/3`);
  });

  it('follows 5 redirects and refuses the 6th', async () => {
    expect((await local({ method: 'GET', url: `${s.origin}/chain/5` })).response.body).toBe('GET done');
    const err = await failure(local({ method: 'GET', url: `${s.origin}/chain/6` }));
    expect(err.kind).toBe('too-many-redirects');
    expect((await failure(local({ method: 'GET', url: `${s.origin}/chain/1` }, { maxRedirects: 0 }))).kind).toBe(
      'too-many-redirects',
    );
  });

  const post = { method: 'POST' as const, headers: { 'content-type': 'text/plain' }, body: 'payload' };

  it.each([301, 302, 303])('%d turns a POST into a GET without body', async (status) => {
    const x = await local({ ...post, url: `${s.origin}/${status}` });
    expect(x.response.body).toBe('GET  -');
  });

  it.each([307, 308])('%d repeats the POST with its body', async (status) => {
    const x = await local({ ...post, url: `${s.origin}/${status}` });
    expect(x.response.body).toBe('POST payload text/plain');
  });

  it('returns a redirect without Location as it is', async () => {
    const x = await local({ method: 'GET', url: `${s.origin}/nowhere` });
    expect(x.response).toMatchObject({ status: 302, body: 'no location' });
  });

  it('refuses a redirect to a non-http scheme', async () => {
    expect((await failure(local({ method: 'GET', url: `${s.origin}/to-file` }))).kind).toBe('bad-url');
  });
});

describe('every redirect hop is guarded', () => {
  // 127.0.0.2 plays a public host (allowAddress); 127.0.0.1 is the intranet it must not reach.
  let intranet: FakeServer;
  let city: FakeServer;
  const names: Record<string, string> = { 'city.test': '127.0.0.2', 'intranet.test': '127.0.0.1', localhost: '127.0.0.1' };
  const transport = createTransport({
    allowAddress: (ip) => ip === '127.0.0.2',
    resolver: async (host) => {
      const address = names[host];
      if (address === undefined) throw Object.assign(new Error(`no such host ${host}`), { code: 'ENOTFOUND' });
      return [{ address, family: 4 }];
    },
  });

  beforeAll(async () => {
    intranet = await serve((_req, res) => res.end('secret'));
    city = await serve((req, res) => {
      const to = req.url.searchParams.get('to') ?? '';
      res.writeHead(302, { location: to }).end();
    }, '127.0.0.2');
  });

  it('the stand-in public host is reachable by name', async () => {
    const x = await transport({ method: 'GET', url: `http://city.test:${city.port}/` });
    expect(x.response.status).toBe(302); // an empty Location is not followed
    expect(city.received).toHaveLength(1);
  });

  it.each([
    ['a literal private IP', () => `http://127.0.0.1:${intranet.port}/`],
    ['a name resolving to a private IP', () => `http://intranet.test:${intranet.port}/`],
    ['localhost', () => `http://localhost:${intranet.port}/`],
  ])('a redirect from the public host to %s is refused, and nothing reaches it', async (_name, target) => {
    const before = intranet.received.length;
    const err = await failure(
      transport({ method: 'GET', url: `http://city.test:${city.port}/?to=${encodeURIComponent(target())}` }),
    );
    expect(err.kind).toBe('private-address');
    expect(err.url).toBe(target());
    expect(intranet.received.length).toBe(before);
  });

  it('drops credentials when a redirect changes origin', async () => {
    const x = await local({
      method: 'GET',
      url: `http://127.0.0.2:${city.port}/?to=${encodeURIComponent(`${intranet.origin}/`)}`,
      headers: { authorization: 'Bearer secret', 'x-other': 'kept' },
    });
    expect(x.response.body).toBe('secret');
    const got = intranet.received.at(-1);
    expect(got?.headers.authorization).toBeUndefined();
    expect(got?.headers['x-other']).toBe('kept');
  });
});

describe('failures to connect', () => {
  it('a refused connection', async () => {
    const s = await startFakeServer((_req, res) => res.end());
    const url = `${s.origin}/`;
    await s.close();
    const err = await failure(local({ method: 'GET', url }));
    expect(err).toMatchObject({ kind: 'connection', url });
  });

  it('a name that does not resolve', async () => {
    const transport = createTransport({
      resolver: () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })),
    });
    const err = await failure(transport({ method: 'GET', url: 'http://no-such-city.invalid/' }));
    expect(err.kind).toBe('dns');
    expect(err.message).toContain('no-such-city.invalid');
  });
});
