/**
 * The Idempotency-Key extension of POST requests (issue 11): a resent
 * submission is filed once and answered with the first receipt, also when the
 * copies arrive together; the same key with another submission is a 422, a
 * malformed key a 400; keys are per API key and forgotten by the hourly prune
 * job after IDEMPOTENCY_KEY_KEPT_HOURS. Real servers on both dialects.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IDEMPOTENCY_KEY_KEPT_HOURS } from '@o311/georeport';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { png } from '../../../test-support/images.js';
import { JOB, startJobQueue, type JobQueue } from '../src/index.js';
import { JURISDICTION, potholeForm, startServer, type Server } from './support/fixture.js';
import { expectJsonError, expectXmlError, form, get, json, type Answer } from './support/http.js';

const HOUR = 3_600_000;

interface Receipt {
  service_request_id?: string;
  token?: string;
}

describe.each(dialects)('Idempotency-Key on POST requests (%s)', (dialect) => {
  let s: Server;
  let jobs: JobQueue;
  let queueDb: FreshDatabase;
  /** The server's clock: fixed, so that rate-limit windows do not turn during a test. */
  let clock = Date.now();
  let n = 0;
  /** A key no other test uses. */
  const newKey = (): string => `${dialect}-${Date.now().toString(36)}-${n++}`;

  const pothole = (extra: Record<string, string> = {}): Record<string, string> => potholeForm(s.keys.plain, extra);

  async function post(fields: Record<string, string>, key: string | undefined, format = 'json'): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (key !== undefined) headers['idempotency-key'] = key;
    const res = await fetch(`${s.url}/open311/v2/requests.${format}`, { method: 'POST', headers, body: form(fields) });
    return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, body: await res.text() };
  }

  const receipt = (a: Answer): Receipt => {
    expect(a.status, a.body).toBe(200);
    const [r] = json<Receipt[]>(a);
    return r!;
  };
  const count = (): Promise<number> =>
    s.store.countRequests({ jurisdiction_id: JURISDICTION.id, requested_from: 0, requested_to: Date.now() + HOUR });

  beforeAll(async () => {
    queueDb = await freshUrl(dialect);
    jobs = await startJobQueue(queueDb.url);
    s = await startServer(dialect, { options: { jobs, now: () => clock } });
  });
  afterAll(async () => {
    await s?.close();
    await jobs?.stop({ graceMs: 0 });
    await queueDb?.cleanup();
  });

  it('a resent submission is filed once and answered with the first receipt, in either format', async () => {
    const key = `"${newKey()}"`;
    const before = await count();
    const first = receipt(await post(pothole(), key));
    expect(first.service_request_id).toMatch(/^\d+$/);
    expect(receipt(await post(pothole(), key))).toEqual(first);
    const xml = await post(pothole(), key, 'xml');
    expect(xml.status, xml.body).toBe(200);
    expect(xml.body).toContain(`<service_request_id>${first.service_request_id}</service_request_id>`);
    expect(await count()).toBe(before + 1);
  });

  it('reads a bare key as the same key as its quoted form; the jurisdiction_id may be named or not', async () => {
    const key = newKey();
    const first = receipt(await post(pothole(), key));
    expect(receipt(await post(pothole({ jurisdiction_id: JURISDICTION.id }), `"${key}"`))).toEqual(first);
  });

  it('a batch service gives the same token again', async () => {
    const key = newKey();
    const graffiti = { api_key: s.keys.plain, service_code: 'graffiti', address_string: '1 Main St' };
    const first = receipt(await post(graffiti, key));
    expect(first.token).toMatch(/./);
    expect(first.service_request_id).toBeUndefined();
    expect(receipt(await post(graffiti, key))).toEqual(first);
  });

  it('the same key with a different submission is a 422 in the Open311 error shape, and files nothing', async () => {
    const key = newKey();
    receipt(await post(pothole(), key));
    const before = await count();
    const [problem] = expectJsonError(await post(pothole({ description: 'Another hole' }), key), 422);
    expect(problem?.description).toMatch(/Idempotency-Key was already used .* different submission/);
    expect(expectXmlError(await post(pothole({ 'attribute[SIZE]': 'small' }), key, 'xml'), 422)[0]).toMatch(/Idempotency-Key/);
    expect(await count()).toBe(before);
  });

  it('keys are per API key: another key may use the same value for its own request', async () => {
    const key = newKey();
    const mine = receipt(await post(pothole(), key));
    const theirs = receipt(await post(pothole({ api_key: s.keys.trusted, description: 'Theirs' }), key));
    expect(theirs.service_request_id).not.toBe(mine.service_request_id);
  });

  it.each([
    ['empty', '""', /is empty/],
    ['too long', `"${'k'.repeat(256)}"`, /longer than 255/],
    ['not ASCII', '"caf\u00e9"', /characters/],
    ['two keys', '"a", "b"', /more than once/],
    ['unterminated', '"open', /well-formed/],
  ])('a malformed key (%s) is a 400 naming the header, and files nothing', async (_, header, reason) => {
    const before = await count();
    const [problem] = expectJsonError(await post(pothole(), Buffer.from(header, 'utf8').toString('latin1')), 400);
    expect(problem?.description).toMatch(/^The Idempotency-Key header /);
    expect(problem?.description).toMatch(reason);
    expect(await count()).toBe(before);
  });

  it('without the header, each POST files a request', async () => {
    const before = await count();
    const a = receipt(await post(pothole(), undefined));
    const b = receipt(await post(pothole(), undefined));
    expect(a.service_request_id).not.toBe(b.service_request_id);
    expect(await count()).toBe(before + 2);
  });

  it('20 copies sent at once file one request, and every copy gets its receipt', async () => {
    const key = newKey();
    const before = await count();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(pothole(), key)));
    const ids = new Set(answers.map((a) => receipt(a).service_request_id));
    expect(ids.size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('multipart: the same photos replay; other photos under the same key are a 422', async () => {
    const key = newKey();
    const multipart = (photo: Buffer): Promise<Response> => {
      const body = new FormData();
      for (const [name, value] of Object.entries(pothole())) body.append(name, value);
      body.append('media', new Blob([photo], { type: 'image/png' }), 'hole.png');
      return fetch(`${s.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'idempotency-key': key }, body });
    };
    const first = await multipart(png(2, 2));
    expect(first.status).toBe(200);
    const again = await multipart(png(2, 2));
    expect(await again.json()).toEqual(await first.json());
    const other = await multipart(png(3, 3));
    expect(other.status).toBe(422);
  });

  it('a replay spends no quota; a refused key gives its unit back', async () => {
    const { secret } = await s.store.createApiKey({ name: 'two a minute', rate_limit_per_minute: 2, trusted: false });
    const key = newKey();
    receipt(await post(pothole({ api_key: secret }), key));
    for (let i = 0; i < 3; i++) receipt(await post(pothole({ api_key: secret }), key));
    expectJsonError(await post(pothole({ api_key: secret, description: 'changed' }), key), 422);
    receipt(await post(pothole({ api_key: secret }), newKey()));
    expectJsonError(await post(pothole({ api_key: secret }), newKey()), 429);
  });

  it('is documented in the OpenAPI schema: the header parameter and the 422', async () => {
    interface Operation {
      parameters?: { name: string; in: string; required?: boolean; description?: string }[];
      responses: Record<string, unknown>;
    }
    const doc = json<{ paths: Record<string, { post?: Operation }> }>(await get(`${s.url}/docs/json`));
    const post = doc.paths['/open311/v2/requests.{format}']?.post;
    const header = post?.parameters?.find((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
    expect(header?.required ?? false).toBe(false);
    expect(header?.description).toMatch(/same api_key within 24 hours/);
    expect(Object.keys(post?.responses ?? {})).toContain('422');
  });

  it(`the hourly prune job forgets keys after ${IDEMPOTENCY_KEY_KEPT_HOURS} hours; the key then files anew`, async () => {
    const key = newKey();
    const first = receipt(await post(pothole(), key));
    const prune = async (): Promise<void> => {
      const id = await jobs.enqueue(JOB.idempotencyKeysPrune, {});
      await vi.waitFor(async () => expect((await jobs.get(id!))?.state).toBe('completed'), { timeout: 10_000, interval: 20 });
    };
    clock = Date.now() + (IDEMPOTENCY_KEY_KEPT_HOURS - 1) * HOUR;
    await prune();
    expect(receipt(await post(pothole(), key))).toEqual(first);
    clock = Date.now() + (IDEMPOTENCY_KEY_KEPT_HOURS + 1) * HOUR;
    await prune();
    expect(receipt(await post(pothole(), key)).service_request_id).not.toBe(first.service_request_id);
  });
});
