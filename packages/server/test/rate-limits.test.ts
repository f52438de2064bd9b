/**
 * POST quotas: shared by every process on one database (issue 8, item 14), spent
 * only by accepted requests, and counted per client address for public keys such
 * as the web app's (item 13). Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newService, openStore, type Store } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { buildApp } from '../src/index.js';
import { form } from './support/http.js';

const J = { id: 'quota.example', name: 'Quota', contact: 'c', key_service: 'k', timezone: 'UTC' };
const VALID = { service_code: 'lamp', lat: '41.1', long: '-93.1', description: 'Out' };

describe.each(dialects)('POST quotas: %s', (dialect) => {
  let db: FreshDatabase;
  const stores: Store[] = [];
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    db = await freshUrl(dialect);
    // Two stores and two apps on one database stand for two server processes.
    for (let i = 0; i < 2; i++) {
      const store = await openStore(db.url);
      await store.migrate();
      stores.push(store);
      // One fixed clock: the counts do not depend on where a minute window starts.
      apps.push(await buildApp({ store, now: () => Date.UTC(2026, 0, 1, 12, 0, 30) }));
    }
    await stores[0]!.saveJurisdiction(J);
    await stores[0]!.saveService(newService({ jurisdiction_id: J.id, service_code: 'lamp', service_name: 'Street lamp' }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const store of stores) await store.close();
    await db?.cleanup();
  });

  const post = (app: FastifyInstance, fields: Record<string, string>, remoteAddress = '198.51.100.7') =>
    app.inject({
      method: 'POST', url: '/open311/v2/requests.json', remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields),
    });

  it('a key limited to 3 a minute gets 3 accepted across two processes, then 429 with Retry-After', async () => {
    const { secret } = await stores[0]!.createApiKey({ name: 'busy', rate_limit_per_minute: 3, trusted: false });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(apps[i % 2]!, { ...VALID, api_key: secret })).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    const refused = await post(apps[1]!, { ...VALID, api_key: secret });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('invalid POSTs do not spend the quota: only accepted requests count', async () => {
    const { secret } = await stores[0]!.createApiKey({ name: 'careful', rate_limit_per_minute: 2, trusted: false });
    for (let i = 0; i < 5; i++) expect((await post(apps[0]!, { api_key: secret, lat: '41.1', long: '-93.1' })).statusCode).toBe(400);
    expect((await post(apps[0]!, { ...VALID, service_code: 'nope', api_key: secret })).statusCode).toBe(404);
    expect((await post(apps[1]!, { ...VALID, api_key: secret })).statusCode).toBe(200);
    expect((await post(apps[0]!, { ...VALID, api_key: secret })).statusCode).toBe(200);
    expect((await post(apps[0]!, { ...VALID, api_key: secret })).statusCode).toBe(429);
  });

  it('a public key (the web app\'s) counts per client address: one visitor cannot block the others', async () => {
    const { secret } = await stores[0]!.createApiKey({ name: 'web', rate_limit_per_minute: 1, trusted: false, public: true });
    expect((await post(apps[0]!, { ...VALID, api_key: secret }, '203.0.113.1')).statusCode).toBe(200);
    expect((await post(apps[1]!, { ...VALID, api_key: secret }, '203.0.113.1')).statusCode).toBe(429);
    expect((await post(apps[1]!, { ...VALID, api_key: secret }, '203.0.113.2')).statusCode).toBe(200);
  });
});
