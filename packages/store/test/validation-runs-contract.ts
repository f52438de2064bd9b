/**
 * The contract suite of validator runs (validation-runs.ts, issue 12): the
 * same behaviour on SQLite and PostgreSQL, run by monitor.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { MAX_VALIDATION_ERROR, type NewValidationRun, type Store, type ValidationSummary } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { T0, uid, withFreshStore } from './fixtures.js';

const run = (over: Partial<NewValidationRun> = {}): NewValidationRun => ({
  url: `https://${uid('v')}.example/open311/v2/`, endpoint_slug: null, source: 'web', format: 'both', write: false,
  jurisdiction_id: null, api_key_sealed: null, client: null, ...over,
});

const SUMMARY: ValidationSummary = { errors: 1, warnings: 2, info: 3, passed: 40, failed: 1, skipped: 4 };

export function runValidationRunsContract(dialect: TestDialect): void {
  describe(`Validation runs contract: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));
    const v = () => store.validations;

    it('creates a queued run behind an unguessable URL-safe id, never showing the key or the client', async () => {
      const created = await v().create(run({ write: true, api_key_sealed: 'sealed-key', client: 'client-hash', jurisdiction_id: 'city.example' }), T0);
      expect(created.id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
      expect(created).toEqual({
        id: created.id, url: created.url, endpoint_slug: null, source: 'web', format: 'both', write: true, jurisdiction_id: 'city.example',
        state: 'queued', done: 0, total: 0, partial: [], report: null, summary: null, error: null, created_at: T0, started_at: null, finished_at: null,
      });
      expect(await v().get(created.id)).toEqual(created);
      const ids = new Set(await Promise.all(Array.from({ length: 20 }, async () => (await v().create(run(), T0)).id)));
      expect(ids.size).toBe(20);
      expect(await v().get('nope')).toBeUndefined();
    });

    it('starts, shows progress, finishes with the report, and erases the API key', async () => {
      const r = await v().create(run({ write: true, api_key_sealed: 'sealed-key', endpoint_slug: 'riverton' }), T0);
      expect(await v().start(r.id, 30, T0 + 1)).toEqual({ api_key_sealed: 'sealed-key' });
      await v().progress(r.id, 2, [{ id: 'services.list', outcome: 'pass' }, { id: 'services.json', outcome: 'fail' }]);
      expect(await v().get(r.id)).toMatchObject({
        state: 'running', done: 2, total: 30, started_at: T0 + 1, partial: [{ id: 'services.list', outcome: 'pass' }, { id: 'services.json', outcome: 'fail' }],
      });
      // A retried job starts again from scratch.
      expect(await v().start(r.id, 30, T0 + 2)).toEqual({ api_key_sealed: 'sealed-key' });
      expect(await v().get(r.id)).toMatchObject({ done: 0, partial: [], started_at: T0 + 2 });
      const report = { target: r.url, results: [{ id: 'services.list', outcome: 'pass' }] };
      expect(await v().finish(r.id, report, SUMMARY, T0 + 3)).toBe(true);
      expect(await v().get(r.id)).toMatchObject({ state: 'done', report, summary: SUMMARY, finished_at: T0 + 3 });
      // Ended: neither started again nor its key given.
      expect(await v().start(r.id, 30, T0 + 4)).toBeUndefined();
      expect(await v().finish(r.id, report, SUMMARY, T0 + 4)).toBe(false);
      expect(await v().fail(r.id, 'late', T0 + 4)).toBe(false);
      expect((await v().latestDone('riverton'))?.id).toBe(r.id);
      expect((await v().latestDone('riverton'))?.report).toEqual(report);
      expect(await v().latestDone('nowhere')).toBeUndefined();
    });

    it('fails a run with a bounded reason and erases its key', async () => {
      const r = await v().create(run({ api_key_sealed: 'k' }), T0);
      expect(await v().fail(r.id, 'e'.repeat(MAX_VALIDATION_ERROR + 50), T0 + 1)).toBe(true);
      const failed = await v().get(r.id);
      expect(failed).toMatchObject({ state: 'failed', finished_at: T0 + 1 });
      expect(failed?.error).toHaveLength(MAX_VALIDATION_ERROR);
      expect(await v().start(r.id, 1, T0 + 2)).toBeUndefined();
    });

    it('fails a run whose reason quotes U+0000, with a mark in its place', async () => {
      const r = await v().create(run({}), T0);
      expect(await v().fail(r.id, 'crashed on \0', T0 + 1)).toBe(true);
      expect(await v().get(r.id)).toMatchObject({ state: 'failed', error: 'crashed on \uFFFD' });
    });

    it('lists runs newest first without partial results or report, by endpoint, URL, source and state', async () => {
      const slug = uid('ep');
      const a = await v().create(run({ endpoint_slug: slug, source: 'monitor' }), T0);
      const b = await v().create(run({ endpoint_slug: slug, source: 'api' }), T0 + 1);
      await v().start(a.id, 1, T0 + 2);
      await v().progress(a.id, 1, [{ id: 'x' }]);
      await v().finish(a.id, { big: true }, SUMMARY, T0 + 3);
      const listed = await v().list({ endpoint_slug: slug, limit: 10 });
      expect(listed.map((r) => r.id)).toEqual([b.id, a.id]);
      expect(listed[1]).toMatchObject({ state: 'done', summary: SUMMARY, partial: [], report: null });
      expect((await v().list({ endpoint_slug: slug, source: 'monitor', limit: 10 })).map((r) => r.id)).toEqual([a.id]);
      expect((await v().list({ url: b.url, limit: 10 })).map((r) => r.id)).toEqual([b.id]);
      expect((await v().list({ endpoint_slug: slug, states: ['queued'], limit: 10 })).map((r) => r.id)).toEqual([b.id]);
      expect(await v().list({ endpoint_slug: slug, states: [], limit: 10 })).toEqual([]);
      expect(await v().list({ endpoint_slug: slug, limit: 1 })).toHaveLength(1);
    });

    it('counts the runs of a client since a time', async () => {
      const client = uid('c');
      for (const at of [T0, T0 + 10, T0 + 20]) await v().create(run({ client }), at);
      expect(await v().countByClient(client, T0 + 10)).toBe(2);
      expect(await v().countByClient('other', T0)).toBe(0);
    });

    it('prunes to the newest runs per URL, removing only finished ones older than the cut', async () => {
      const url = `https://${uid('p')}.example/v2/`;
      const other = `https://${uid('p')}.example/v2/`;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await v().create(run({ url }), T0 + i);
        ids.push(r.id);
        if (i >= 2) await v().finish(r.id, {}, SUMMARY, T0 + 100 + i);
      }
      const untouched = await v().create(run({ url: other }), T0);
      await v().finish(untouched.id, {}, SUMMARY, T0 + 100);
      // Keep the 2 newest per URL; of the older ones, the second (still queued) and the first (finished after the cut) stay.
      await v().finish(ids[0]!, {}, SUMMARY, T0 + 200);
      const removed = await v().prune(2, T0 + 150);
      expect(removed).toBeGreaterThanOrEqual(1);
      expect((await v().list({ url, limit: 10 })).map((r) => r.id).sort()).toEqual([ids[0], ids[1], ids[3], ids[4]].sort());
      expect(await v().get(ids[2]!)).toBeUndefined();
      expect(await v().get(untouched.id)).toBeDefined();
    });
  });
}
