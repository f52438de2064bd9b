/** jurisdiction_id rules: optional (the primary jurisdiction when absent, with one or several), 404 when unknown. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, SERVICES, startServer, type Server } from './support/fixture.js';
import { expectJsonError, expectXmlError, form, get, json, postForm } from './support/http.js';
import { seedRequest } from './support/requests.js';

const OTHER = {
  id: 'shelbyville.example',
  name: 'Shelbyville',
  contact: 'Shelbyville hotline',
  key_service: 'Write to the mayor',
  timezone: 'Europe/Berlin',
};

describe.each(dialects)('several jurisdictions (%s)', (dialect) => {
  let s: Server;
  let theirs: string;
  beforeAll(async () => {
    s = await startServer(dialect, {
      seed: async (store) => {
        await store.saveJurisdiction(OTHER);
        await store.saveService({ ...SERVICES[1]!, jurisdiction_id: OTHER.id, service_code: 'lamp', service_name: 'Lamp out' });
        theirs = (await seedRequest(store, { jurisdiction_id: OTHER.id, service_code: 'lamp', address: 'Main Sq' })).id;
      },
    });
  });
  afterAll(() => s.close());

  it('answers calls without jurisdiction_id from the primary jurisdiction (the first created), on every method', async () => {
    const services = json<{ service_code: string }[]>(await get(`${s.url}/open311/v2/services.json`));
    expect(services.map((x) => x.service_code)).toContain('pothole');
    expect(services.map((x) => x.service_code)).not.toContain('lamp');
    // Theirs is not the primary jurisdiction's: as unknown as any other id there.
    for (const path of ['services/lamp.json', `requests/${theirs}.json`]) {
      expectJsonError(await get(`${s.url}/open311/v2/${path}`), 404);
    }
    for (const path of ['requests.json', 'servicerequestupdates.json?start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z']) {
      expect((await get(`${s.url}/open311/v2/${path}`)).status, path).toBe(200);
    }
    expect((await get(`${s.url}/open311/v2/services.xml?jurisdiction_id=`)).status).toBe(200);
    const post = await postForm(`${s.url}/open311/v2/requests.json`, form({ api_key: s.keys.plain, service_code: 'lamp', address_string: 'x' }));
    expectJsonError(post, 404);
  });

  it('serves each jurisdiction its own data when named', async () => {
    const mine = json<{ service_code: string }[]>(await get(`${s.url}/open311/v2/services.json?jurisdiction_id=${JURISDICTION.id}`));
    const other = json<{ service_code: string }[]>(await get(`${s.url}/open311/v2/services.json?jurisdiction_id=${OTHER.id}`));
    expect(mine.map((x) => x.service_code)).toContain('pothole');
    expect(other.map((x) => x.service_code)).toEqual(['lamp']);
    const [r] = json<{ service_request_id: string; requested_datetime: string }[]>(
      await get(`${s.url}/open311/v2/requests/${theirs}.json?jurisdiction_id=${OTHER.id}`),
    );
    expect(r?.requested_datetime).toMatch(/\+0[12]:00$/); // Europe/Berlin
    expectJsonError(await get(`${s.url}/open311/v2/requests/${theirs}.json?jurisdiction_id=${JURISDICTION.id}`), 404);
    const post = await postForm(
      `${s.url}/open311/v2/requests.json?jurisdiction_id=${OTHER.id}`,
      form({ api_key: s.keys.plain, service_code: 'lamp', address_string: 'x' }),
    );
    expect(post.status, post.body).toBe(200);
    expectJsonError(await postForm(`${s.url}/open311/v2/requests.json`, form({
      api_key: s.keys.plain, service_code: 'pothole', address_string: 'x', jurisdiction_id: OTHER.id,
    })), 404);
  });

  it('answers an unknown jurisdiction with 404', async () => {
    expectJsonError(await get(`${s.url}/open311/v2/services.json?jurisdiction_id=ogdenville.example`), 404);
    expectJsonError(await get(`${s.url}/open311/discovery.json?jurisdiction_id=ogdenville.example`), 404);
  });

  it('describes every jurisdiction in discovery, or the one named', async () => {
    const all = json<{ contact: string }>(await get(`${s.url}/open311/discovery.json`));
    expect(all.contact).toContain(JURISDICTION.contact);
    expect(all.contact).toContain(OTHER.contact);
    const one = json<{ contact: string; key_service: string }>(await get(`${s.url}/open311/discovery.json?jurisdiction_id=${OTHER.id}`));
    expect(one).toMatchObject({ contact: OTHER.contact, key_service: OTHER.key_service });
  });
});

describe.each(dialects)('no jurisdiction yet (%s)', (dialect) => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer(dialect, { bare: true });
  });
  afterAll(() => s.close());

  it('answers 404 with a clear message', async () => {
    expect(expectJsonError(await get(`${s.url}/open311/v2/services.json`), 404)[0]?.description).toMatch(/no jurisdiction/);
    expectXmlError(await get(`${s.url}/open311/discovery.xml`), 404);
  });
});
