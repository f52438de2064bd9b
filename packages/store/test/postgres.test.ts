import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@o311/store';
import { freshPostgresUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { runBackOfficeContract } from './back-office-contract.js';
import { runClientsContract } from './clients-contract.js';
import { runIdempotencyContract } from './idempotency-contract.js';
import { runRegistryContract } from './registry-contract.js';
import { runFederationContract } from './federation-contract.js';
import { runWebhooksContract } from './webhooks-contract.js';
import { runSupportersContract } from './supporters-contract.js';
import { runCallersContract } from './callers-contract.js';
import { runStoreContract } from './contract.js';
import { runExportContract } from './export-contract.js';

runStoreContract('postgres');
runBackOfficeContract('postgres');
runClientsContract('postgres');
runIdempotencyContract('postgres');
runRegistryContract('postgres');
runFederationContract('postgres');
runWebhooksContract('postgres');
runSupportersContract('postgres');
runCallersContract('postgres');
runExportContract('postgres');

describe('PostgreSQL specifics', () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await freshPostgresUrl();
  });
  afterAll(() => db?.cleanup());

  it('returns times beyond 2^31 as JS numbers (int8 parser), with a small pool', async () => {
    const store = await openStore(db.url, { poolSize: 2 });
    try {
      await store.migrate();
      await store.saveJurisdiction({ id: 'pg', name: 'PG', contact: '', key_service: '', timezone: 'UTC' });
      const s = await store.saveService({
        jurisdiction_id: 'pg', service_code: 'x', service_name: 'X', description: null, type: 'realtime', keywords: null,
        group: null, active: true, agency_responsible: null, service_notice: null, sla_hours: 0.5, attributes: [], translations: {},
      });
      expect(typeof s.updated_at).toBe('number');
      const at = Date.UTC(2100, 0, 1);
      const r = await store.createRequest({
        jurisdiction_id: 'pg', service_code: 'x', with_token: false, description: null, address: null, address_id: null,
        zipcode: null, lat: null, long: null, media_url: null, attributes: {}, media: [], api_key_id: null, channel: 'api', requested_at: at,
        reporter: { email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null },
      });
      const got = await store.getRequest('pg', r.id);
      expect(got?.requested_at).toBe(at);
      expect(got?.expected_at).toBe(at + 30 * 60_000);
      expect(typeof (await store.countRequests({ jurisdiction_id: 'pg' }))).toBe('number');
      // Parallel queries share the two connections.
      const many = await Promise.all(Array.from({ length: 20 }, () => store.getRequest('pg', r.id)));
      expect(many.every((x) => x?.id === r.id)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('accepts postgresql:// URLs', async () => {
    const store = await openStore(db.url.replace(/^postgres:/, 'postgresql:'));
    expect(store.dialect).toBe('postgres');
    await store.close();
  });

  it('explains an unreachable server', async () => {
    await expect(openStore('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow(/cannot connect to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/none/);
  });

  it('does not leak the password in connection errors', async () => {
    await expect(openStore('postgres://postgres:hunter2@127.0.0.1:1/none')).rejects.toThrow(/^(?!.*hunter2)/s);
  });
});
