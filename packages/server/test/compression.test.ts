/** Large answers are compressed for clients that ask; small ones and other clients get plain bytes. */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Server } from './support/fixture.js';
import { form, postForm } from './support/http.js';

describe('compression', () => {
  let s: Server;
  const raw = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${s.url}${path}`, { headers });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    s = await startServer('sqlite');
    for (let i = 0; i < 40; i++) {
      const a = await postForm(`${s.url}/open311/v2/requests.json`, form({
        api_key: s.keys.plain, service_code: 'pothole', lat: '41.88', long: '-87.63', 'attribute[SIZE]': 'small',
        description: `A pothole that needs a long enough description to make the list large, number ${i}`,
      }));
      expect(a.status, a.body).toBe(200);
    }
  });
  afterAll(() => s.close());

  it.each(['requests.json', 'requests.xml'])('gzips %s when asked, with the same content as the plain answer', async (file) => {
    const plain = await raw(`/open311/v2/${file}`, { 'accept-encoding': 'identity' });
    const zipped = await raw(`/open311/v2/${file}`, { 'accept-encoding': 'gzip' });
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(plain.bytes.length).toBeGreaterThan(2048);
    expect(zipped.res.headers.get('vary')?.toLowerCase()).toContain('accept-encoding');
    expect(zipped.res.headers.get('content-type')).toBe(plain.res.headers.get('content-type'));
    // fetch decodes gzip transparently: the header tells what travelled.
    expect(zipped.res.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.bytes.toString('utf8')).toBe(plain.bytes.toString('utf8'));
  });

  it('gives the gzipped answer its own entity tag, and answers 304 to it', async () => {
    const url = `${s.url}/open311/v2/requests.json`;
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const zipped = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    const tag = zipped.headers.get('etag');
    expect(tag).toMatch(/-gzip"$/);
    expect(tag).not.toBe(plain.headers.get('etag'));
    const again = await fetch(url, { headers: { 'accept-encoding': 'gzip', 'if-none-match': tag ?? '' } });
    expect(again.status).toBe(304);
    // The plain representation's tag does not match the gzipped one.
    const other = await fetch(url, { headers: { 'accept-encoding': 'gzip', 'if-none-match': plain.headers.get('etag') ?? '' } });
    expect(other.status).toBe(200);
  });

  it('leaves small answers alone', async () => {
    const { res } = await raw('/open311/v2/services.json', { 'accept-encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  it('compresses for a client that sends the header itself (decoded here by hand)', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<Buffer>((resolve, reject) => {
      request(`${s.url}/open311/v2/requests.json`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        expect(res.headers['content-encoding']).toBe('gzip');
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      }).on('error', reject).end();
    });
    const list = JSON.parse(gunzipSync(body).toString('utf8')) as unknown[];
    expect(list.length).toBeGreaterThanOrEqual(40);
  });
});
