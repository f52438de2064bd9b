/**
 * The request change feed (changes.ts): every public change of a request is
 * one row written with it, read back in order from a consumer's cursor; the
 * same on SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { CHANGE_GAP_WAIT_MS, type RequestChange, type Store } from '@o311/store';
import type { FreshDatabase, TestDialect } from '../../../test-support/databases.js';
import { addJurisdiction, imported, newRequest, T0, uid, withFreshStore } from './fixtures.js';
import { rawExec } from './raw.js';

const FAR_FUTURE = T0 + 1000 * 24 * 3_600_000;

function runChangesContract(dialect: TestDialect): void {
  describe(`Request change feed: ${dialect}`, () => {
    let db: FreshDatabase;
    let store: Store;
    withFreshStore(dialect, (opened) => ({ db, store } = opened));

    /** Every change after `cursor`, as (kind, request id) pairs of `jurisdiction_id`. */
    const changesOf = async (jurisdiction_id: string, cursor = 0): Promise<[string, string | null][]> =>
      (await store.changes.after(cursor, 10_000, FAR_FUTURE))
        .filter((c) => c.jurisdiction_id === jurisdiction_id)
        .map((c) => [c.kind, c.request_id]);

    it('records a creation, an update, a close, a reopen and a public comment, in order; an internal comment is not a change', async () => {
      const j = await addJurisdiction(store);
      const r = await store.createRequest(newRequest(j));
      await store.changeStatus({ jurisdiction_id: j, request_id: r.id, status: 'in_progress', note: 'On it', author: 'staff' });
      await store.changeStatus({ jurisdiction_id: j, request_id: r.id, status: 'closed', note: 'Done', author: 'staff' });
      await store.addComment!({ jurisdiction_id: j, request_id: r.id, description: 'internal', public: false, author: 'staff' });
      await store.addComment!({ jurisdiction_id: j, request_id: r.id, description: 'Thanks', public: true, author: 'staff' });
      await store.changeStatus({ jurisdiction_id: j, request_id: r.id, status: 'open', note: 'Reopened', author: 'staff' });
      await store.changeStatus({ jurisdiction_id: j, request_id: r.id, status: 'closed', note: null, author: 'staff' });
      expect(await changesOf(j)).toEqual([
        ['created', r.id], ['updated', r.id], ['closed', r.id], ['updated', r.id], ['updated', r.id], ['closed', r.id],
      ]);
    });

    it('writes nothing for a change that does not happen (unknown request)', async () => {
      const j = await addJurisdiction(store);
      expect(await store.changeStatus({ jurisdiction_id: j, request_id: '999999999', status: 'closed', note: null, author: null })).toBeUndefined();
      expect(await changesOf(j)).toEqual([]);
    });

    it('records one rebuild per jurisdiction after an import, and after clearing requests', async () => {
      const j = await addJurisdiction(store);
      const k = await addJurisdiction(store);
      await store.importRequests([imported(j), imported(j), imported(k, { status: 'closed', updated_at: T0 + 1 })]);
      expect(await changesOf(j)).toEqual([['rebuild', null]]);
      expect(await changesOf(k)).toEqual([['rebuild', null]]);
      await store.clearRequests(j);
      expect(await changesOf(j)).toEqual([['rebuild', null], ['rebuild', null]]);
    });

    it('pages from a cursor, and a saved cursor never moves back', async () => {
      const j = await addJurisdiction(store);
      for (let i = 0; i < 5; i++) await store.createRequest(newRequest(j));
      const all = (await store.changes.after(0, 10_000, FAR_FUTURE)).filter((c) => c.jurisdiction_id === j);
      const start = all[0]!.id - 1;
      const first = await store.changes.after(start, 2, FAR_FUTURE);
      expect(first.map((c) => c.id)).toEqual([all[0]!.id, all[1]!.id]);
      const consumer = uid('consumer');
      expect(await store.changes.cursor(consumer)).toBe(0);
      await store.changes.saveCursor(consumer, all[3]!.id);
      await store.changes.saveCursor(consumer, all[1]!.id);
      expect(await store.changes.cursor(consumer)).toBe(all[3]!.id);
      expect(await store.changes.latest()).toBeGreaterThanOrEqual(all[4]!.id);
    });

    it('stops before a gap that may still be filled by an uncommitted write, and passes it once it is old', async () => {
      const j = await addJurisdiction(store);
      await store.createRequest(newRequest(j));
      const before = await store.changes.latest();
      // A gap: the id after `before` is skipped, as a rolled-back (or not yet committed) transaction leaves it.
      const at = Date.now();
      await rawExec(db.url, `insert into request_changes (id, jurisdiction_id, request_id, kind, at) values (${before + 2}, '${j}', null, 'rebuild', ${at})`);
      const soon: RequestChange[] = await store.changes.after(before, 10, at + 1000);
      expect(soon).toEqual([]);
      const later = await store.changes.after(before, 10, at + CHANGE_GAP_WAIT_MS + 1);
      expect(later.map((c) => c.id)).toEqual([before + 2]);
      // Leaves the id free for PostgreSQL's sequence, which hands out `before + 1` and `before + 2` next.
      await rawExec(db.url, `delete from request_changes where id = ${before + 2}`);
    });

    it('prunes old changes that every consumer has passed, and keeps the rest', async () => {
      const j = await addJurisdiction(store);
      await store.createRequest(newRequest(j));
      const last = await store.changes.latest();
      const slow = uid('slow');
      await store.changes.saveCursor(slow, last - 1);
      await store.changes.prune(Date.now() + 60_000);
      const left = await store.changes.after(last - 1, 10, FAR_FUTURE);
      expect(left.map((c) => c.id)).toContain(last);
      await store.changes.saveCursor(slow, last);
    });
  });
}

runChangesContract('sqlite');
runChangesContract('postgres');
