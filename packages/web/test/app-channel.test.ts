/**
 * The channel the citizen app names for a report it posts through the API
 * (header O311-Channel, server/src/georeport/channel-header.ts): `web` from
 * its form, `app` from the installed app or its outbox; a trusted key (a
 * city's contact-centre integration) may name any channel; a bad value is a
 * 400, and any other key files `api` whatever it says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApiKey } from '../src/citizen/api-key.js';
import { buildCitizenTestApp, JURISDICTION_ID, POTHOLE_REPORT, type CitizenTestApp } from './support/citizen-app.js';

describe('O311-Channel on API posts', () => {
  let t: CitizenTestApp;
  beforeAll(async () => {
    t = await buildCitizenTestApp({ requests: 0 });
  });
  afterAll(() => t.close());

  const post = (apiKey: string, channel?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(channel !== undefined && { 'o311-channel': channel }) },
      payload: new URLSearchParams({ api_key: apiKey, ...POTHOLE_REPORT }).toString(),
    });

  async function channelOf(res: Awaited<ReturnType<typeof post>>): Promise<string | undefined> {
    expect(res.statusCode, res.body).toBe(200);
    const [receipt] = res.json<{ service_request_id: string }[]>();
    return (await t.store.getRequest(JURISDICTION_ID, receipt?.service_request_id ?? ''))?.channel;
  }

  it.each([['web'], ['app']])('files %s when the citizen app says so', async (channel) => {
    expect(await channelOf(await post(await webApiKey(t.web), channel))).toBe(channel);
  });

  it('files api when nothing is said', async () => {
    expect(await channelOf(await post(await webApiKey(t.web)))).toBe('api');
  });

  it('refuses any other value with a 400 naming the header, and files nothing', async () => {
    const before = await t.store.countRequests({ jurisdiction_id: JURISDICTION_ID });
    const phone = await post(await webApiKey(t.web), 'phone');
    expect(phone.statusCode).toBe(400);
    expect(phone.body).toContain('O311-Channel must be web or app under a public key.');
    const fax = await post(await webApiKey(t.web), 'fax');
    expect(fax.statusCode).toBe(400);
    expect(fax.body).toContain('O311-Channel must be one of web, api, phone, email, sms, app.');
    expect(await t.store.countRequests({ jurisdiction_id: JURISDICTION_ID })).toBe(before);
  });

  it('files any channel a trusted key names (a contact-centre integration)', async () => {
    const { secret } = await t.store.createApiKey({ name: 'city CRM', rate_limit_per_minute: 60, trusted: true });
    expect(await channelOf(await post(secret, 'phone'))).toBe('phone');
    expect(await channelOf(await post(secret, 'email'))).toBe('email');
  });

  it('files api for another app’s key, whatever it claims', async () => {
    const { secret } = await t.store.createApiKey({ name: 'another app', rate_limit_per_minute: 60, trusted: false });
    expect(await channelOf(await post(secret, 'app'))).toBe('api');
  });
});
