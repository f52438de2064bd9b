/** The channel a request came by (migration 0025), on both dialects. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@o311/store';
import { dialects, freshUrl } from '../../../test-support/databases.js';
import { freshMigratedUrl } from '../../../test-support/migrated-databases.js';
import { addJurisdiction, newRequest } from './fixtures.js';
import { withSchemaBefore } from './schema-before.js';

for (const dialect of dialects) {
  describe(`request channel (${dialect})`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const db = await freshMigratedUrl(dialect);
      store = await openStore(db.url);
      cleanup = db.cleanup;
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    it('stores the channel with the request and reads it back everywhere', async () => {
      const j = await addJurisdiction(store);
      const phoned = await store.createRequest(newRequest(j, { channel: 'phone' }));
      const mailed = await store.createRequest(newRequest(j, { channel: 'email' }));
      expect([phoned.channel, mailed.channel]).toEqual(['phone', 'email']);
      expect((await store.getRequest(j, phoned.id))?.channel).toBe('phone');
      expect((await store.getPublicRequest(j, mailed.id))?.channel).toBe('email');
      const listed = await store.listPublicRequests({ jurisdiction_id: j, limit: 10, offset: 0 });
      expect(listed.map((r) => r.channel).sort()).toEqual(['email', 'phone']);
    });

    it('refuses a channel it does not know, and writes nothing', async () => {
      const j = await addJurisdiction(store);
      await expect(store.createRequest(newRequest(j, { channel: 'fax' as 'api' }))).rejects.toThrow();
      expect(await store.listPublicRequests({ jurisdiction_id: j, limit: 10, offset: 0 })).toEqual([]);
    });

    it('migration 0025 marks the web app key\'s requests "web" and every other "api"', async () => {
      const db = await freshUrl(dialect);
      try {
        await withSchemaBefore(db.url, '0025_channel', async (raw) => {
          await sql`insert into jurisdictions (id, name, contact, key_service, timezone, services_changed_at, sandbox)
                    values ('c', 'C', '', '', 'UTC', 0, 0)`.execute(raw);
          await sql`insert into api_keys (id, name, secret_hash, rate_limit_per_minute, trusted, created_at)
                    values ('w', 'o311 web app', 'h1', 20, 0, 0), ('f', 'FixMyStreet', 'h2', 60, 0, 0)`.execute(raw);
          await sql`insert into requests (jurisdiction_id, service_code, service_name, status, public_status, requested_at, updated_at, attributes, media_ids, api_key_id)
                    values ('c', 's', 'S', 'open', 'open', 0, 0, '{}', '[]', 'w'), ('c', 's', 'S', 'open', 'open', 1, 1, '{}', '[]', 'f'),
                           ('c', 's', 'S', 'open', 'open', 2, 2, '{}', '[]', null)`.execute(raw);
        });
        const migrated = await openStore(db.url);
        try {
          await migrated.migrate();
          const rows = await migrated.listPublicRequests({ jurisdiction_id: 'c', limit: 10, offset: 0 });
          expect(rows.map((r) => [r.requested_at, r.channel]).sort()).toEqual([[0, 'web'], [1, 'api'], [2, 'api']]);
        } finally {
          await migrated.close();
        }
      } finally {
        await db.cleanup();
      }
    });
  });
}
