/**
 * submit(…, { idempotencyKey }): the key goes out as the Idempotency-Key header (a quoted
 * String), urlencoded or multipart; an o311 server (profile `o311`) then files a resent
 * submission once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Open311Client } from '../src/client.js';
import { PROFILES } from '../src/quirks.js';
import { sendJson, startFakeServer, type FakeServer } from './support/fake-server.js';
import { startO311, type O311Server } from './support/o311-server.js';
import { PNG } from './support/png.js';

const SUBMISSION = { service_code: 'DEAD_ANIMAL', address_string: '100 Main St', description: 'A deer' };

describe('the Idempotency-Key header', () => {
  let fake: FakeServer;
  let client: Open311Client;
  beforeAll(async () => {
    fake = await startFakeServer((_, res) => sendJson(res, 200, [{ service_request_id: '1' }]));
    client = new Open311Client({ baseUrl: `${fake.origin}/v2/`, apiKey: 'k', allowPrivate: true });
  });
  afterAll(() => fake.close());

  const lastHeader = (): string | string[] | undefined => fake.received.at(-1)?.headers['idempotency-key'];

  it('is sent as a quoted String with the urlencoded form, and not sent without a key', async () => {
    await client.submit(SUBMISSION, { idempotencyKey: '8e03978e-40d5-43e8-bc93-6894a57f9324' });
    expect(lastHeader()).toBe('"8e03978e-40d5-43e8-bc93-6894a57f9324"');
    expect(fake.received.at(-1)?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    await client.submit(SUBMISSION);
    expect(lastHeader()).toBeUndefined();
  });

  it('escapes quotes and backslashes, and goes with multipart bodies too', async () => {
    await client.submit(
      { ...SUBMISSION, media: [{ filename: 'deer.png', contentType: 'image/png', data: PNG }] },
      { idempotencyKey: 'say "hi" \\o/' },
    );
    expect(lastHeader()).toBe('"say \\"hi\\" \\\\o/"');
    expect(fake.received.at(-1)?.headers['content-type']).toMatch(/^multipart\/form-data/);
  });

  it('refuses a key out of bounds before sending anything', async () => {
    const sent = fake.received.length;
    await expect(client.submit(SUBMISSION, { idempotencyKey: '' })).rejects.toThrow(RangeError);
    await expect(client.submit(SUBMISSION, { idempotencyKey: 'k'.repeat(256) })).rejects.toThrow(RangeError);
    await expect(client.submit(SUBMISSION, { idempotencyKey: 'caf\u00e9' })).rejects.toThrow(RangeError);
    expect(fake.received.length).toBe(sent);
  });
});

describe('profile o311 against an o311 server', () => {
  let o311: O311Server;
  beforeAll(async () => {
    o311 = await startO311({ requests: 0 });
  });
  afterAll(() => o311.close());

  it('says the server honours Idempotency-Key; a resent submission is filed once', async () => {
    expect(PROFILES.o311).toMatchObject({ name: 'o311', idempotencyKeys: true });
    const client = new Open311Client({
      baseUrl: o311.baseUrl, jurisdictionId: o311.jurisdictionId, apiKey: o311.apiKey, allowPrivate: true, profile: PROFILES.o311,
    });
    const key = `client-test-${Date.now()}`;
    const [first] = (await client.submit(SUBMISSION, { idempotencyKey: key })).data;
    const [again] = (await client.submit(SUBMISSION, { idempotencyKey: key })).data;
    expect(first?.service_request_id ?? first?.token).toBeTruthy();
    expect(again).toEqual(first);
    const [other] = (await client.submit(SUBMISSION, { idempotencyKey: `${key}-2` })).data;
    expect(other).not.toEqual(first);
  });
});
