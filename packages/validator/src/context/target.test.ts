import { describe, expect, it } from 'vitest';
import type { Exchange, HttpRequest, Transport } from '@o311/client';
import { ValidatorUsageError } from '../usage-error.js';
import { Fetcher } from './fetcher.js';
import { discoveryCandidates, parseTarget, resolveTarget } from './target.js';

const discovery = (endpoints: { url: string; type: string; specification?: string }[]) => JSON.stringify({
  changeset: '2026-01-01T00:00:00Z', contact: 'c', key_service: 'k',
  endpoints: endpoints.map((e) => ({ specification: 'http://wiki.open311.org/GeoReport_v2', changeset: '2026-01-01T00:00:00Z', formats: ['text/xml'], ...e })),
});

/** Serves `documents` by exact URL; everything else is a 404. Records what was asked. */
function serve(documents: Record<string, string>, asked: string[] = []): Transport {
  return async (request: HttpRequest): Promise<Exchange> => {
    asked.push(request.url);
    const body = documents[request.url];
    return {
      request,
      response: {
        status: body === undefined ? 404 : 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: body ?? '[]', size: 0, truncated: false, invalidUtf8: false,
      },
      elapsedMs: 1,
      redirects: [],
    };
  };
}

const resolve = (url: string, documents: Record<string, string>, write = false, asked: string[] = []) =>
  resolveTarget(url, new Fetcher(serve(documents, asked), {}), write);

describe('parseTarget', () => {
  it.each([
    ['https://city.example/open311/discovery.json', 'discovery'],
    ['https://city.example/open311/discovery.xml', 'discovery'],
    ['https://city.example/open311/discovery', 'discovery'],
    ['https://city.example/open311/v2/', 'base'],
    ['https://city.example/open311/v2', 'base'],
  ])('%s is a %s URL', (url, kind) => {
    expect(parseTarget(url).kind).toBe(kind);
  });

  it('gives a base URL a trailing slash and drops its query', () => {
    expect(parseTarget('https://city.example/open311/v2?x=1')).toEqual({ kind: 'base', base: 'https://city.example/open311/v2/' });
  });

  it('derives both discovery formats from an extensionless discovery URL', () => {
    expect(parseTarget('https://city.example/o/discovery?jurisdiction_id=x')).toMatchObject({
      siblings: { xml: 'https://city.example/o/discovery.xml?jurisdiction_id=x', json: 'https://city.example/o/discovery.json?jurisdiction_id=x' },
    });
  });

  it.each(['city.example/v2', 'ftp://city.example/v2/', ''])('refuses %j', (url) => {
    expect(() => parseTarget(url)).toThrow(ValidatorUsageError);
  });

  it('looks for discovery above the base URL first', () => {
    expect(discoveryCandidates('https://city.example/open311/v2/').map((c) => c.json)).toEqual([
      'https://city.example/open311/discovery.json',
      'https://city.example/open311/v2/discovery.json',
      'https://city.example/discovery.json',
    ]);
  });
});

describe('resolveTarget', () => {
  const DOC = 'https://city.example/open311/discovery.json';
  const endpoints = discovery([
    { url: 'https://city.example/open311/v2', type: 'production' },
    { url: 'https://test.city.example/open311/v2/', type: 'test' },
    { url: 'https://city.example/open311/v1/', type: 'production', specification: 'http://wiki.open311.org/GeoReport_v1' },
  ]);

  it('picks the production v2 endpoint of a discovery document for reading, the test one for writing', async () => {
    expect(await resolve(DOC, { [DOC]: endpoints })).toMatchObject({
      baseUrl: 'https://city.example/open311/v2/', discoveryUrl: DOC, discoveryGiven: true, note: null,
    });
    expect((await resolve(DOC, { [DOC]: endpoints }, true)).baseUrl).toBe('https://test.city.example/open311/v2/');
  });

  it('explains a discovery document without a v2 endpoint', async () => {
    const v1 = discovery([{ url: 'https://city.example/v1/', type: 'production', specification: 'http://wiki.open311.org/GeoReport_v1' }]);
    expect(await resolve(DOC, { [DOC]: v1 })).toMatchObject({ baseUrl: null, note: expect.stringMatching(/no GeoReport v2 endpoint/) });
  });

  it('finds ../discovery.json next to a base URL', async () => {
    const target = await resolve('https://city.example/open311/v2/', { [DOC]: endpoints });
    expect(target).toMatchObject({
      baseUrl: 'https://city.example/open311/v2/', discoveryUrl: DOC, discoveryGiven: false,
      discovery: { xml: 'https://city.example/open311/discovery.xml', json: DOC },
    });
  });

  it('keeps the base URL and notes the missing discovery when none is found', async () => {
    const asked: string[] = [];
    const target = await resolve('https://city.example/open311/v2/', {}, false, asked);
    expect(target).toMatchObject({ baseUrl: 'https://city.example/open311/v2/', discovery: null, discoveryUrl: null });
    expect(target.note).toMatch(/No discovery document found/);
    expect(asked).toHaveLength(6);
  });
});
