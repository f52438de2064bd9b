/** The network guard: which addresses are public, and the transport refusing the others. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError } from '../src/errors.js';
import { assertPublicTarget, classifyAddress, isPublicAddress } from '../src/http/network-guard.js';
import { createTransport } from '../src/http/transport.js';
import { startFakeServer, type FakeServer } from './support/fake-server.js';

const NOT_PUBLIC: [address: string, range: string][] = [
  ['10.0.0.1', 'private'],
  ['172.16.5.4', 'private'],
  ['192.168.1.1', 'private'],
  ['127.0.0.1', 'loopback'],
  ['127.255.0.9', 'loopback'],
  ['::1', 'loopback'],
  ['fe80::1', 'linkLocal'],
  ['fe80::1%eth0', 'linkLocal'],
  ['fc00::1', 'uniqueLocal'],
  ['fd12:3456::1', 'uniqueLocal'],
  ['::ffff:127.0.0.1', 'ipv4Mapped:loopback'],
  ['::ffff:10.1.2.3', 'ipv4Mapped:private'],
  ['169.254.169.254', 'linkLocal'],
  ['100.64.0.1', 'carrierGradeNat'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['::', 'unspecified'],
  ['255.255.255.255', 'broadcast'],
  ['224.0.0.1', 'multicast'],
  ['ff02::1', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['192.0.2.10', 'reserved'],
  ['2001:db8::1', 'reserved'],
  ['64:ff9b::a00:1', 'rfc6052:private'],
  ['64:ff9b::7f00:1', 'rfc6052:loopback'],
  ['2002:c0a8:0101::1', '6to4:private'],
  ['::7f00:1', 'nonGlobal'],
  ['not an address', 'invalid'],
  ['', 'invalid'],
];

const PUBLIC = ['8.8.8.8', '1.1.1.1', '2606:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808'];

describe('classifyAddress', () => {
  it.each(NOT_PUBLIC)('%s is not public (%s)', (address, range) => {
    expect(classifyAddress(address)).toEqual({ public: false, range });
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(PUBLIC)('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('accepts a bracketed IPv6 literal as URLs write it', () => {
    expect(classifyAddress('[::1]')).toEqual({ public: false, range: 'loopback' });
  });

  it('judges a Teredo address by the client IPv4 it hides (bits inverted)', () => {
    // Client 10.0.0.1 → inverted f5ff:fffe.
    expect(classifyAddress('2001:0:4136:e378:8000:63bf:f5ff:fffe')).toEqual({ public: false, range: 'teredo:private' });
    // Client 8.8.8.8 → inverted f7f7:f7f7.
    expect(isPublicAddress('2001:0:4136:e378:8000:63bf:f7f7:f7f7')).toBe(true);
  });
});

describe('assertPublicTarget', () => {
  it('passes a public address', () => {
    expect(() => assertPublicTarget('https://city.example/open311/v2/', '8.8.8.8')).not.toThrow();
  });

  it('refuses with NetworkError private-address naming the host, the address and allowPrivate', () => {
    let caught: unknown;
    try {
      assertPublicTarget('http://metadata.internal/latest/', '169.254.169.254');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NetworkError);
    const err = caught as NetworkError;
    expect(err.kind).toBe('private-address');
    expect(err.url).toBe('http://metadata.internal/latest/');
    expect(err.message).toContain('metadata.internal (169.254.169.254)');
    expect(err.message).toContain('allowPrivate');
    expect(err.message).toContain('--allow-private');
  });
});

describe('the transport and the guard', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer((_req, res) => res.end('ok'));
  });
  afterAll(() => server.close());

  const refusal = async (promise: Promise<unknown>): Promise<NetworkError> => {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NetworkError);
    return err as NetworkError;
  };

  it('refuses http://localhost:port without allowPrivate, before anything is sent', async () => {
    const transport = createTransport();
    const err = await refusal(transport({ method: 'GET', url: `http://localhost:${server.port}/services.json` }));
    expect(err.kind).toBe('private-address');
    expect(err.message).toMatch(/localhost \((127\.0\.0\.1|::1)\)/);
    expect(server.received).toHaveLength(0);
  });

  it('refuses literal IPs (IPv4 and bracketed IPv6) without a DNS lookup', async () => {
    const transport = createTransport({ resolver: () => Promise.reject(new Error('no lookup expected')) });
    for (const url of [`http://127.0.0.1:${server.port}/`, `http://[::1]:${server.port}/`, 'http://[fe80::1]/']) {
      expect((await refusal(transport({ method: 'GET', url }))).kind).toBe('private-address');
    }
    expect(server.received).toHaveLength(0);
  });

  it('refuses a name resolving to several addresses when any is private (all could be tried)', async () => {
    const transport = createTransport({
      resolver: async () => [
        { address: '8.8.8.8', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    });
    const err = await refusal(transport({ method: 'GET', url: `http://city.test:${server.port}/` }));
    expect(err.kind).toBe('private-address');
    expect(err.message).toContain('city.test (127.0.0.1)');
  });

  it('connects with allowPrivate (per transport or per call)', async () => {
    const open = createTransport({ allowPrivate: true });
    expect((await open({ method: 'GET', url: `http://localhost:${server.port}/` })).response.body).toBe('ok');
    const guarded = createTransport();
    const perCall = await guarded({ method: 'GET', url: `${server.origin}/` }, { allowPrivate: true });
    expect(perCall.response.status).toBe(200);
  });

  it('a kept-alive socket opened with allowPrivate is not reused by a guarded call', async () => {
    const transport = createTransport();
    const url = `http://localhost:${server.port}/`;
    await transport({ method: 'GET', url }, { allowPrivate: true });
    const err = await refusal(transport({ method: 'GET', url }));
    expect(err.kind).toBe('private-address');
  });

  it('refuses non-http schemes and malformed URLs as bad-url', async () => {
    const transport = createTransport();
    for (const url of ['file:///etc/passwd', 'ftp://city.example/', 'not a url']) {
      expect((await refusal(transport({ method: 'GET', url }))).kind).toBe('bad-url');
    }
  });
});
