/**
 * The contract suite of the contact centre's caller lookup (callers.ts, issue
 * 15): the same answers on SQLite and PostgreSQL, run by sqlite.test.ts and postgres.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { NewRequest, Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { T0, addJurisdiction, newRequest, withFreshStore } from './fixtures.js';

const nobody: NewRequest['reporter'] = { email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null };

export function runCallersContract(dialect: TestDialect): void {
  describe(`Callers contract: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));
    const filed = async (j: string, reporter: Partial<NewRequest['reporter']>, requested_at = T0) =>
      (await store.createRequest(newRequest(j, { reporter: { ...nobody, ...reporter }, requested_at }))).id;
    const ids = (list: readonly { id: string }[]) => list.map((r) => r.id);

    it('finds a phone number however it was written, by its last 9 digits, newest first', async () => {
      const j = await addJurisdiction(store);
      const dotted = await filed(j, { phone: '515.555.0142' }, T0);
      const international = await filed(j, { phone: '+1 (515) 555-0142' }, T0 + 1000);
      await filed(j, { phone: '641-555-0142' }); // the same last 7 digits, another number
      await filed(j, { email: 'someone@example.org' });
      const h = await store.callers.history(j, { kind: 'phone', digits: '5155550142' }, 10);
      expect(ids(h.filed)).toEqual([international, dotted]);
      expect(h.followed).toEqual([]);
      expect(h.filed[0]).toEqual({ id: international, service_name: expect.any(String), status: 'open', requested_at: T0 + 1000, address: '1 Main St' });
      // With the country code typed, the same caller.
      expect(ids((await store.callers.history(j, { kind: 'phone', digits: '15155550142' }, 10)).filed)).toEqual([international, dotted]);
    });

    it('finds a number shorter than the 9 digits compared (a local extension) by its end', async () => {
      const j = await addJurisdiction(store);
      const short = await filed(j, { phone: '555-0142' });
      const long = await filed(j, { phone: '+1 515 555 0142' }, T0 + 1000);
      await filed(j, { phone: '555-0143' });
      expect(ids((await store.callers.history(j, { kind: 'phone', digits: '5550142' }, 10)).filed)).toEqual([long, short]);
      expect(ids((await store.callers.history(j, { kind: 'phone', digits: '5155550142' }, 10)).filed)).toEqual([long]);
    });

    it('finds an e-mail address in any case, with the requests it follows (confirmed only)', async () => {
      const j = await addJurisdiction(store);
      const own = await filed(j, { email: 'Ann@Example.org' });
      const followed = await filed(j, {});
      const unconfirmed = await filed(j, {});
      const { confirmSecret } = await store.addFollower({ jurisdiction_id: j, request_id: followed, email: 'ann@example.org', locale: 'en', at: T0 });
      await store.confirmFollower(confirmSecret, T0);
      await store.addFollower({ jurisdiction_id: j, request_id: unconfirmed, email: 'ann@example.org', locale: 'en', at: T0 });
      const h = await store.callers.history(j, { kind: 'email', email: 'ann@example.org' }, 10);
      expect(ids(h.filed)).toEqual([own]);
      expect(ids(h.followed)).toEqual([followed]);
    });

    it('finds by e-mail the requests filed from the citizen account of that address, without the address on them', async () => {
      const j = await addJurisdiction(store);
      const { secret } = await store.citizens.createSignInLink({ email: 'bea@example.org', locale: 'en', ttl_ms: 60_000, at: T0 });
      const used = await store.citizens.useSignInLink(secret, { ttl_ms: 60_000 }, T0 + 1);
      if (!used.ok) throw new Error(`sign-in failed: ${used.reason}`);
      const fromAccount = await filed(j, { account_id: used.account.id });
      await filed(j, { email: 'someone.else@example.org' });
      expect(ids((await store.callers.history(j, { kind: 'email', email: 'bea@example.org' }, 10)).filed)).toEqual([fromAccount]);
    });

    it('stays in the jurisdiction and returns at most `limit` of each list', async () => {
      const j = await addJurisdiction(store);
      const other = await addJurisdiction(store);
      await filed(other, { phone: '0612345678' });
      expect((await store.callers.history(j, { kind: 'phone', digits: '33612345678' }, 10)).filed).toEqual([]);
      for (let i = 0; i < 3; i++) await filed(j, { phone: '06 12 34 56 78' }, T0 + i);
      const h = await store.callers.history(j, { kind: 'phone', digits: '33612345678' }, 2);
      expect(h.filed.map((r) => r.requested_at)).toEqual([T0 + 2, T0 + 1]);
    });
  });
}
