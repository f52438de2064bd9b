/**
 * Issue 8, item 9: a NUL character (U+0000) in any text input answers 400 in
 * the standard error shape, on both dialects, and writes nothing. PostgreSQL
 * answered 500 (it cannot store the character in text).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NulInTextError } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { expectJsonError, expectXmlError, form, get, postForm, postMultipart } from './support/http.js';
import { staffCall } from './support/staff.js';

const mentionsNul = (descriptions: string[]): void => expect(descriptions.join('\n')).toContain('NUL');

/** The status of a raw HTTP/1.1 exchange, for what no HTTP client will send. */
function rawStatus(url: string, head: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(`${head}\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe.each(dialects)('NUL characters (%s)', (dialect) => {
  let s: Server;
  const open311 = (path: string) => `${s.url}/open311/v2/${path}`;
  const requestCount = async () => (await s.store.listRequests({ jurisdiction_id: JURISDICTION.id, limit: 1000, offset: 0 })).length;

  beforeAll(async () => {
    s = await startServer(dialect);
  });
  afterAll(() => s.close());

  it('in the query string of GET lists, in JSON and XML', async () => {
    mentionsNul(expectJsonError(await get(open311('requests.json?service_code=pot%00hole')), 400).map((e) => e.description));
    mentionsNul(expectXmlError(await get(open311('requests.xml?status=open&service_request_id=1%00')), 400));
    expectJsonError(await get(open311('services.json?jurisdiction_id=%00')), 400);
    expectJsonError(await get(open311('servicerequestupdates.json?api_key=%00')), 400);
  });

  it('in path parameters', async () => {
    expectJsonError(await get(open311('services/pothole%00.json')), 400);
    expectXmlError(await get(open311('requests/1%00.xml')), 400);
    expectJsonError(await get(`${s.url}/api/v1/jurisdictions/${JURISDICTION.id}/services/pothole%00`, { authorization: `Bearer ${s.staff.admin}` }), 400);
  });

  it('in urlencoded and multipart POST bodies, saving nothing', async () => {
    const before = await requestCount();
    const fields = { api_key: s.keys.plain, service_code: 'trash.bulk', address_string: '1 Main', description: 'Sofa\u0000' };
    mentionsNul(expectJsonError(await postForm(open311('requests.json'), form(fields)), 400).map((e) => e.description));
    expectXmlError(await postForm(open311('requests.xml'), `api_key=${s.keys.plain}&service_code=trash.bulk&address_string=1%20Main&first_name=A%00`), 400);
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    mentionsNul(expectJsonError(await postMultipart(open311('requests.json'), fd), 400).map((e) => e.description));
    const named = new FormData();
    for (const [k, v] of Object.entries({ ...fields, description: 'Sofa' })) named.append(k, v);
    named.append('media', new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }), 'sofa\u0000.jpg');
    expectJsonError(await postMultipart(open311('requests.json'), named), 400);
    expect(await requestCount()).toBe(before);
  });

  it('in the JSON bodies of the staff API, in values and in keys, saving nothing', async () => {
    const call = (body: unknown) => staffCall(s.url, 'POST', `/jurisdictions/${JURISDICTION.id}/services`, s.staff.admin, body);
    for (const body of [
      { service_code: 'nul.one', service_name: 'Sofa\u0000' },
      { service_code: 'nul.two', service_name: 'Sofa', translations: { es: { service_name: 'Sofá', attributes: { 'A\u0000': {} } } } },
      { service_code: 'nul\u0000three', service_name: 'Sofa' },
    ]) {
      const a = await call(body);
      expect(a.status, JSON.stringify(a.body)).toBe(400);
    }
    const codes = (await s.store.listServices(JURISDICTION.id)).map((x) => x.service_code);
    expect(codes.filter((c) => c.startsWith('nul'))).toEqual([]);
  });

  it('in a header: never a 500', async () => {
    const status = await rawStatus(s.url, `GET /api/v1/me HTTP/1.1\r\nAuthorization: Bearer ${s.staff.admin}\u0000`);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('that reaches the store anyway is refused there and answered with a 400, not a 500', async () => {
    const original = s.store.createRequest.bind(s.store);
    (s.store as { createRequest: typeof original }).createRequest = () => Promise.reject(new NulInTextError());
    try {
      const a = await postForm(open311('requests.json'), form({ api_key: s.keys.plain, service_code: 'trash.bulk', address_string: '1 Main' }));
      mentionsNul(expectJsonError(a, 400).map((e) => e.description));
    } finally {
      (s.store as { createRequest: typeof original }).createRequest = original;
    }
  });
});
